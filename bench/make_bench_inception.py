"""Writes a stand-in for inception-2015-12-05.pt for timing only: torchvision's Inception-v3 (random weights, so its
numbers mean nothing) inside the real file's interface, forward(img, return_features, use_fp16, no_output_bias),
with the same resize to 299 x 299 and normalisation. Same architecture and input size as the real network, so its
speed is representative. Not committed (about 100 MB): bench/metrics.sh writes it to /tmp.
Usage: /usr/bin/python3 make_bench_inception.py OUT.pt   (Debian: python3-torch, python3-torchvision)"""
import os
import sys

import torch
import torchvision

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from inception_interface import InceptionInterface  # noqa: E402


class PoolFeatures(torch.nn.Module):
    """torchvision's Inception-v3 up to its 2048-d pool features."""
    def __init__(self):
        super().__init__()
        net = torchvision.models.inception_v3(weights=None, aux_logits=False, init_weights=False)
        net.fc = torch.nn.Identity()
        self.net = net.eval()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net._forward(x)[0]


if __name__ == "__main__":
    torch.jit.script(InceptionInterface(PoolFeatures(), 2048, 1008).eval()).save(sys.argv[1])
