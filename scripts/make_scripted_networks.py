#!/usr/bin/env python3
"""Writes a small DCGAN-like generator and discriminator as TorchScript files that GameDrift trains
(config keys `generator_script:` / `discriminator_script:`).

    python3 scripts/make_scripted_networks.py --out my-nets --latent-dim 64 --channels 1 --size 28

The generator maps latents (N, latent_dim) to images (N, channels, size, size) in [-1, 1]; the
discriminator maps such images to one logit each, (N, 1). Your own nn.Module works the same way:
`torch.jit.script(module).save("G.pt")` (or torch.jit.trace with an example input) saves it with its
parameters, which GameDrift trains in place and can write back (`gamedrift export --format torchscript`).

Needs PyTorch (Debian: apt-get install python3-torch); GameDrift itself never runs Python.
`--expected FILE` also writes, for tests, fixed inputs, the outputs PyTorch computes from them and every
named parameter, as a plain dict of tensors.
"""
import argparse

import torch
from torch import nn


class Generator(nn.Module):
    """Linear to (4w, s/4, s/4), then two stride-2 transposed convolutions up to (channels, s, s)."""

    def __init__(self, latent_dim: int, channels: int, size: int, width: int):
        super().__init__()
        self.start = size // 4
        self.width = width
        self.project = nn.Linear(latent_dim, 4 * width * self.start * self.start)
        self.main = nn.Sequential(
            nn.BatchNorm2d(4 * width), nn.ReLU(),
            nn.ConvTranspose2d(4 * width, 2 * width, 4, 2, 1), nn.BatchNorm2d(2 * width), nn.ReLU(),
            nn.ConvTranspose2d(2 * width, channels, 4, 2, 1), nn.Tanh())

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        x = self.project(z).view(-1, 4 * self.width, self.start, self.start)
        return self.main(x)


class Discriminator(nn.Module):
    """Two stride-2 convolutions with LeakyReLU, then a linear layer to one logit per image."""

    def __init__(self, channels: int, size: int, width: int):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(channels, width, 4, 2, 1), nn.LeakyReLU(0.2),
            nn.Conv2d(width, 2 * width, 4, 2, 1), nn.LeakyReLU(0.2),
            nn.Flatten(), nn.Linear(2 * width * (size // 4) * (size // 4), 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.main(x)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=".", help="folder for G.pt and D.pt")
    p.add_argument("--latent-dim", type=int, default=64)
    p.add_argument("--channels", type=int, default=1)
    p.add_argument("--size", type=int, default=28, help="image height and width, a multiple of 4")
    p.add_argument("--width", type=int, default=32, help="channels of the first discriminator layer")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--trace", action="store_true", help="torch.jit.trace instead of torch.jit.script")
    p.add_argument("--expected", help="also write inputs, outputs and parameters for tests to this file")
    a = p.parse_args()
    if a.size % 4 != 0 or a.size < 4:
        p.error(f"--size must be a positive multiple of 4, got {a.size}")

    torch.manual_seed(a.seed)
    g = Generator(a.latent_dim, a.channels, a.size, a.width)
    d = Discriminator(a.channels, a.size, a.width)
    z = torch.randn(3, a.latent_dim)
    x = torch.rand(3, a.channels, a.size, a.size) * 2 - 1
    if a.trace:
        sg, sd = torch.jit.trace(g, z), torch.jit.trace(d, x)
    else:
        sg, sd = torch.jit.script(g), torch.jit.script(d)

    import os
    os.makedirs(a.out, exist_ok=True)
    sg.save(os.path.join(a.out, "G.pt"))
    sd.save(os.path.join(a.out, "D.pt"))
    print(f"wrote {a.out}/G.pt ({sum(t.numel() for t in g.parameters())} parameters) and "
          f"{a.out}/D.pt ({sum(t.numel() for t in d.parameters())} parameters)")

    if a.expected:
        # The saved parameters and buffers, then outputs in training mode (batch statistics, which also update the
        # running statistics) followed by evaluation mode (the updated running statistics).
        expected = {"z": z, "x": x}
        for prefix, m in (("g", sg), ("d", sd)):
            for n, t in m.named_parameters():
                expected[f"{prefix}.param.{n}"] = t.detach().clone()
            for n, t in m.named_buffers():
                expected[f"{prefix}.buffer.{n}"] = t.detach().clone()
        with torch.no_grad():
            for mode in ("train", "eval"):
                sg.train(mode == "train")
                sd.train(mode == "train")
                expected[f"g_{mode}"] = sg(z.clone())
                expected[f"d_{mode}"] = sd(x.clone())
        # A plain dict: libtorch 1.13 reads collections.OrderedDict as None.
        torch.save({k: v.contiguous() for k, v in expected.items()}, a.expected)
        print(f"wrote {a.expected}")


if __name__ == "__main__":
    main()
