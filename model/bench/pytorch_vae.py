#!/usr/bin/env python3
"""The engine's benchmark model in PyTorch, for a side-by-side training throughput figure.

A VAE 784-512-2 with ReLU, a diagonal Gaussian posterior, Bernoulli pixels (cross-entropy on the
gray values), Adam 1e-3, batch 128, fp32, trained on the bundled MNIST digits: the model `bench`
measures. Prints the median samples/s over timed windows after a warm-up, as `bench` does.

    /usr/bin/python3 model/bench/pytorch_vae.py [--threads N]

Needs PyTorch (Debian: apt-get install python3-torch) and numpy.
"""
import argparse
import gzip
import pathlib
import statistics
import time

import numpy as np
import torch
from torch import nn

ROOT = pathlib.Path(__file__).resolve().parents[3]
IMAGES = ROOT / "resources/data/mnist-digits/images-idx3-ubyte.gz"


def read_idx_images(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    count, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    pixels = np.frombuffer(data, dtype=np.uint8, offset=16, count=count * rows * cols)
    return pixels.reshape(count, rows * cols).astype(np.float32) / 255.0


class Vae(nn.Module):
    def __init__(self, d=784, hidden=512, latent=2):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), nn.Linear(hidden, 2 * latent))
        self.decoder = nn.Sequential(nn.Linear(latent, hidden), nn.ReLU(), nn.Linear(hidden, d))
        self.latent = latent

    def loss(self, x):
        mu, log_var = self.encoder(x).split(self.latent, dim=1)
        z = mu + torch.exp(0.5 * log_var) * torch.randn_like(mu)
        logits = self.decoder(z)
        reconstruction = nn.functional.binary_cross_entropy_with_logits(logits, x, reduction="sum")
        kl = -0.5 * torch.sum(1 + log_var - mu.pow(2) - log_var.exp())
        return (reconstruction + kl) / x.shape[0]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--warmup", type=int, default=300)
    p.add_argument("--windows", type=int, default=15)
    p.add_argument("--steps", type=int, default=30)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    x = torch.from_numpy(read_idx_images(IMAGES)[:9000])
    model = Vae()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    batches = x.split(128)
    batches = [b for b in batches if b.shape[0] == 128]
    step = 0

    def train(n):
        nonlocal step
        for _ in range(n):
            opt.zero_grad(set_to_none=True)
            loss = model.loss(batches[step % len(batches)])
            loss.backward()
            opt.step()
            step += 1
        return loss.item()

    train(a.warmup)
    rates = []
    for _ in range(a.windows):
        t0 = time.perf_counter()
        last = train(a.steps)
        rates.append(a.steps * 128 / (time.perf_counter() - t0))
    print(f"pytorch {torch.__version__}, {torch.get_num_threads()} threads: "
          f"{statistics.median(rates):,.0f} samples/s (median of {a.windows} windows of {a.steps}"
          f" steps after {a.warmup}; range {min(rates):,.0f}-{max(rates):,.0f}; last loss {last:.1f})")


if __name__ == "__main__":
    main()
