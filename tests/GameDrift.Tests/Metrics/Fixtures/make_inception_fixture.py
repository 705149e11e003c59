"""Writes tiny_inception.pt, a small TorchScript network with the interface of the Inception network that
StyleGAN2-ADA and clean-fid distribute (inception-2015-12-05.pt), and tiny_inception_expected.npz, what
PyTorch computes for a few images through the same preprocessing GameDrift applies. Run with PyTorch 1.13
(Debian: apt-get install python3-torch), from this folder:  /usr/bin/python3 make_inception_fixture.py

The interface copied from the real file is scripts/inception_interface.py.
The real file has D = 2048, K = 1008 and a 299 x 299 input; here D = 16, K = 12, and the same 299 input."""
import os
import sys

import numpy as np
import torch

# The interface itself lives in scripts/ (shared with bench/make_bench_inception.py).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "scripts"))
from inception_interface import InceptionInterface  # noqa: E402


def tiny_inception():
    """D = 16 pool features from two small convolutions, K = 12 classes."""
    layers = torch.nn.Sequential(
        torch.nn.Conv2d(3, 8, 5, stride=4), torch.nn.ReLU(),
        torch.nn.Conv2d(8, 16, 3, stride=2), torch.nn.ReLU(),
        torch.nn.AdaptiveAvgPool2d(1))
    return InceptionInterface(layers, 16, 12)


def quantise(x):
    """GameDrift's preprocessing of [-1, 1] images (StyleGAN2-ADA's): to uint8 by truncating x * 127.5 + 128,
    grayscale repeated to three channels, then float [0, 255]."""
    u8 = (x * 127.5 + 128).clamp(0, 255).to(torch.uint8)
    if u8.shape[1] == 1:
        u8 = u8.repeat([1, 3, 1, 1])
    return u8.to(torch.float32)


def main():
    torch.manual_seed(0)
    net = tiny_inception().eval()
    with torch.no_grad():
        for p in net.parameters():  # weights large enough that the probabilities are far from uniform
            p.mul_(4)
    scripted = torch.jit.script(net)
    scripted.save("tiny_inception.pt")
    g = torch.Generator().manual_seed(1)
    gray = torch.rand(5, 1, 28, 28, generator=g) * 2.2 - 1.1  # a little outside [-1, 1]: clamping is tested too
    rgb = torch.rand(3, 3, 32, 32, generator=g) * 2 - 1
    # Images are stored flattened (N x CHW, the 2-D arrays GameDrift's .npy reader takes) with their shapes beside them.
    out = {"gray": gray.flatten(1).numpy(), "rgb": rgb.flatten(1).numpy(),
           "gray_shape": np.array(gray.shape, dtype=np.float32), "rgb_shape": np.array(rgb.shape, dtype=np.float32)}
    with torch.no_grad():
        for name, x in (("gray", gray), ("rgb", rgb)):
            img = quantise(x)
            out[name + "_features"] = scripted(img, return_features=True).numpy()
            out[name + "_probs"] = scripted(img, no_output_bias=True).numpy()
            out[name + "_probs_bias"] = scripted(img).numpy()
    np.savez("tiny_inception_expected.npz", **out)


if __name__ == "__main__":
    main()
