"""Writes a stand-in for inception-2015-12-05.pt for timing only: torchvision's Inception-v3 (random weights, so its
numbers mean nothing) inside the real file's interface, forward(img, return_features, use_fp16, no_output_bias),
with the same resize to 299 x 299 and normalisation. Same architecture and input size as the real network, so its
speed is representative. Not committed (about 100 MB): bench/metrics.sh writes it to /tmp.
Usage: /usr/bin/python3 make_bench_inception.py OUT.pt   (Debian: python3-torch, python3-torchvision)"""
import sys

import torch
import torch.nn.functional as F
import torchvision


class BenchInception(torch.nn.Module):
    def __init__(self):
        super().__init__()
        net = torchvision.models.inception_v3(weights=None, aux_logits=False, init_weights=False)
        net.fc = torch.nn.Identity()
        self.layers = net.eval()
        self.output = torch.nn.Linear(2048, 1008)

    def forward(self, img: torch.Tensor, return_features: bool = False, use_fp16: bool = False,
                no_output_bias: bool = False) -> torch.Tensor:
        batch_size, channels, height, width = img.shape
        assert channels == 3
        x = img.to(torch.float16 if use_fp16 else torch.float32)
        theta = torch.eye(2, 3, device=x.device)
        theta[0, 2] += theta[0, 0] / width - theta[0, 0] / 299
        theta[1, 2] += theta[1, 1] / height - theta[1, 1] / 299
        theta = theta.to(x.dtype).unsqueeze(0).repeat([batch_size, 1, 1])
        grid = F.affine_grid(theta, [batch_size, channels, 299, 299], align_corners=False)
        x = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
        x = (x - 128) / 128
        features = self.layers._forward(x)[0].reshape(-1, 2048).to(torch.float32)
        if return_features:
            return features
        logits = F.linear(features, self.output.weight) if no_output_bias else self.output(features)
        return F.softmax(logits, 1)


if __name__ == "__main__":
    torch.jit.script(BenchInception().eval()).save(sys.argv[1])
