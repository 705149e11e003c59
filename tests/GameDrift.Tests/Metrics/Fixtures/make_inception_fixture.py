"""Writes tiny_inception.pt, a small TorchScript network with the interface of the Inception network that
StyleGAN2-ADA and clean-fid distribute (inception-2015-12-05.pt), and tiny_inception_expected.npz, what
PyTorch computes for a few images through the same preprocessing GameDrift applies. Run with PyTorch 1.13
(Debian: apt-get install python3-torch), from this folder:  /usr/bin/python3 make_inception_fixture.py

The interface copied from the real file:
  forward(img, return_features: bool=False, use_fp16: bool=False, no_output_bias: bool=False) -> Tensor
  img: N x 3 x H x W, values in [0, 255] (uint8 or float), any H, W: resized inside to the network's input
  size with affine_grid + grid_sample (bilinear, border), then normalised by (x - 128) / 128.
  return_features=True: the pool features (N x D); otherwise softmax class probabilities (N x K), computed
  without the output layer's bias when no_output_bias=True.
The real file has D = 2048, K = 1008 and a 299 x 299 input; here D = 16, K = 12, and the same 299 input."""
import numpy as np
import torch
import torch.nn.functional as F



class TinyInception(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = torch.nn.Sequential(
            torch.nn.Conv2d(3, 8, 5, stride=4), torch.nn.ReLU(),
            torch.nn.Conv2d(8, 16, 3, stride=2), torch.nn.ReLU(),
            torch.nn.AdaptiveAvgPool2d(1))
        self.output = torch.nn.Linear(16, 12)

    def forward(self, img: torch.Tensor, return_features: bool = False, use_fp16: bool = False,
                no_output_bias: bool = False) -> torch.Tensor:
        batch_size, channels, height, width = img.shape
        assert channels == 3
        x = img.to(torch.float16 if use_fp16 else torch.float32)
        # The real network's resize: an identity affine grid adjusted for pixel centres, sampled bilinearly.
        theta = torch.eye(2, 3, device=x.device)
        theta[0, 2] += theta[0, 0] / width - theta[0, 0] / 299
        theta[1, 2] += theta[1, 1] / height - theta[1, 1] / 299
        theta = theta.to(x.dtype).unsqueeze(0).repeat([batch_size, 1, 1])
        grid = F.affine_grid(theta, [batch_size, channels, 299, 299], align_corners=False)
        x = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
        x = (x - 128) / 128
        features = self.layers(x).reshape(-1, 16).to(torch.float32)
        if return_features:
            return features
        if no_output_bias:
            logits = F.linear(features, self.output.weight)
        else:
            logits = self.output(features)
        return F.softmax(logits, 1)


def quantise(x):
    """GameDrift's preprocessing of [-1, 1] images (StyleGAN2-ADA's): to uint8 by truncating x * 127.5 + 128,
    grayscale repeated to three channels, then float [0, 255]."""
    u8 = (x * 127.5 + 128).clamp(0, 255).to(torch.uint8)
    if u8.shape[1] == 1:
        u8 = u8.repeat([1, 3, 1, 1])
    return u8.to(torch.float32)


def main():
    torch.manual_seed(0)
    net = TinyInception().eval()
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
