#!/bin/sh
# Copies the Fashion-MNIST test set (t10k) from Debian's dataset-fashion-mnist
# package into ../data/fashion-mnist, byte for byte as the package ships it.
# Needs apt-get and dpkg-deb (Debian or a derivative); run from this folder.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download dataset-fashion-mnist)
dpkg-deb -x "$work"/dataset-fashion-mnist_*.deb "$work/root"
src="$work/root/usr/share/datasets/fashion-mnist"
out=../data/fashion-mnist
mkdir -p "$out"
cp "$src/t10k-images-idx3-ubyte.gz" "$src/t10k-labels-idx1-ubyte.gz" "$out/"
cp "$work/root/usr/share/doc/dataset-fashion-mnist/copyright" "$out/COPYRIGHT"
sha256sum "$out"/*.gz
