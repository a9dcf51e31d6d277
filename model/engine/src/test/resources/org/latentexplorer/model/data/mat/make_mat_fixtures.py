#!/usr/bin/python3
"""Writes the small MAT-file fixtures of MatReaderTest, with known values.

Needs scipy; on Debian: apt-get install python3-scipy. Run from this folder:
  /usr/bin/python3 make_mat_fixtures.py

The tests recompute every value from the formulas below, so change both together.
"""

import numpy as np
from scipy.io import savemat

# Frey Face layout: 'ff' is 560 x N uint8, each column one 28x20 image stored row-major,
# so pixel (r, c) of image j is ff[r * 20 + c, j]. Value: r * 8 + c + j (at most 237).
H, W, N = 28, 20, 3
r, c, j = np.meshgrid(np.arange(H), np.arange(W), np.arange(N), indexing="ij")
images = (r * 8 + c + j).astype(np.uint8)  # images[r, c, j]
ff = np.stack([images[:, :, k].reshape(H * W) for k in range(N)], axis=1)  # 560 x N
assert ff.shape == (560, N) and ff[5 * 20 + 7, 2] == 5 * 8 + 7 + 2

# A text variable first and a second matrix after: the reader must skip the text and take 'ff'.
frey = {"note": "not a matrix", "ff": ff, "other": np.array([[0.25, 0.5], [0.75, 1.0]])}
savemat("frey_like_compressed.mat", frey, do_compression=True, format="5")
savemat("frey_like_uncompressed.mat", frey, do_compression=False, format="5")

# Doubles, one image per row (N x D): X[n, k] = (16 n + k) / 100 in [0, 1], images 4x4.
n, k = np.meshgrid(np.arange(5), np.arange(16), indexing="ij")
X = (16 * n + k) / 100.0
# Doubles on the 0..255 scale, 3 images of 2x2 in rows: Y[n, k] = 50 n + 10 k + 5.
n, k = np.meshgrid(np.arange(3), np.arange(4), indexing="ij")
Y = (50 * n + 10 * k + 5).astype(np.float64)
savemat("double_rows.mat", {"X": X, "Y": Y}, do_compression=True, format="5")

# 3-D uint8: S is height x width x N (5 x 4 x 6), S[r, c, n] = 40 r + 10 c + n;
# T holds the same images as N x height x width, T[n, r, c] = S[r, c, n].
r, c, n = np.meshgrid(np.arange(5), np.arange(4), np.arange(6), indexing="ij")
S = (40 * r + 10 * c + n).astype(np.uint8)
T = np.ascontiguousarray(np.transpose(S, (2, 0, 1)))
savemat("stack3d.mat", {"S": S, "T": T}, do_compression=False, format="5")

# Four bytes of uint8 fit in the data tag itself (the "small element" format).
savemat("tiny.mat", {"tiny": np.array([[0, 255], [128, 64]], dtype=np.uint8)}, do_compression=False, format="5")
