"""The interface of inception-2015-12-05.pt (the TorchScript Inception that StyleGAN2-ADA and clean-fid distribute)
around any pool-feature network, for the stand-ins GameDrift builds: the test fixture
(tests/GameDrift.Tests/Metrics/Fixtures/make_inception_fixture.py) and the benchmark's full-size network
(bench/make_bench_inception.py).

  forward(img, return_features: bool=False, use_fp16: bool=False, no_output_bias: bool=False) -> Tensor
  img: N x 3 x H x W, values in [0, 255] (uint8 or float), any H, W: resized inside to 299 x 299 with
  affine_grid + grid_sample (bilinear, border), then normalised by (x - 128) / 128.
  return_features=True: the pool features (N x dim); otherwise softmax class probabilities (N x classes),
  computed without the output layer's bias when no_output_bias=True."""
import torch
import torch.nn.functional as F


class InceptionInterface(torch.nn.Module):
    def __init__(self, layers: torch.nn.Module, dim: int, classes: int):
        # layers is built by the caller before the output layer here, so seeded weights come out in that order.
        super().__init__()
        self.layers = layers
        self.dim = dim
        self.output = torch.nn.Linear(dim, classes)

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
        features = self.layers(x).reshape(-1, self.dim).to(torch.float32)
        if return_features:
            return features
        logits = F.linear(features, self.output.weight) if no_output_bias else self.output(features)
        return F.softmax(logits, 1)
