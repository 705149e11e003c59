// DCGAN for 32x32x3 images with explicit weights: the C++ twin of bench/GameDrift.Bench/Dcgan.cs and Step.cs.
// Same ops in the same order (and the same random draws), so the two programs time identical work.
#pragma once
#include <torch/torch.h>
#include <utility>
#include <vector>

namespace bench {

constexpr int64_t kZ = 128;
constexpr double kLearningRate = 0.01, kPenalty = 0.01;

struct Dcgan {
  std::vector<at::Tensor> g, bn_mean, bn_var, d;

  Dcgan() {
    auto w = [](std::vector<int64_t> s) { return (torch::randn(s) * 0.02).requires_grad_(); };
    auto gamma = [](int64_t n) { return (torch::randn({n}) * 0.02 + 1).requires_grad_(); };
    auto zeros = [](int64_t n) { return torch::zeros({n}).requires_grad_(); };
    g = {w({kZ, 256, 4, 4}), gamma(256), zeros(256),
         w({256, 128, 4, 4}), gamma(128), zeros(128),
         w({128, 64, 4, 4}), gamma(64), zeros(64),
         w({64, 3, 4, 4}), zeros(3)};
    bn_mean = {torch::zeros({256}), torch::zeros({128}), torch::zeros({64})};
    bn_var = {torch::ones({256}), torch::ones({128}), torch::ones({64})};
    d = {w({64, 3, 4, 4}), zeros(64),
         w({128, 64, 4, 4}), zeros(128),
         w({256, 128, 4, 4}), zeros(256),
         w({1, 256, 4, 4}), zeros(1)};
  }

  at::Tensor generate(const at::Tensor& z) {
    at::Tensor h = z;
    for (int i = 0; i < 3; i++) {
      int64_t s = i == 0 ? 1 : 2, p = i == 0 ? 0 : 1;
      h = at::conv_transpose2d(h, g[3 * i], {}, {s, s}, {p, p}, {0, 0}, 1, {1, 1});
      h = at::batch_norm(h, g[3 * i + 1], g[3 * i + 2], bn_mean[i], bn_var[i], true, 0.1, 1e-5, true);
      h = at::relu(h);
    }
    return at::tanh(at::conv_transpose2d(h, g[9], g[10], {2, 2}, {1, 1}, {0, 0}, 1, {1, 1}));
  }

  at::Tensor discriminate(const at::Tensor& x) {
    const std::vector<int64_t> one{1, 1}, two{2, 2}, zero{0, 0};
    at::Tensor h = x;
    for (int i = 0; i < 3; i++) h = at::leaky_relu(at::conv2d(h, d[2 * i], d[2 * i + 1], two, one, one, 1), 0.2);
    return at::conv2d(h, d[6], d[7], one, zero, one, 1).flatten();
  }
};

// One simultaneous SGD step of both players (see Step.cs).
inline std::pair<double, double> step(Dcgan& net, const at::Tensor& real, const at::Tensor& ones, const at::Tensor& zeros,
                                      bool grad_norm_penalty) {
  const int64_t batch = real.size(0);
  auto z = torch::randn({batch, kZ, 1, 1});
  auto fake = net.generate(z);
  auto logits = net.discriminate(at::cat({real, fake}));
  auto lr = logits.narrow(0, 0, batch);
  auto lf = logits.narrow(0, batch, batch);
  auto loss_d = at::binary_cross_entropy_with_logits(lr, ones, {}, {}, at::Reduction::Mean) +
                at::binary_cross_entropy_with_logits(lf, zeros, {}, {}, at::Reduction::Mean);
  auto loss_g = at::binary_cross_entropy_with_logits(lf, ones, {}, {}, at::Reduction::Mean);

  auto g_g = torch::autograd::grad({loss_g}, net.g, {}, true, grad_norm_penalty);
  auto objective_d = loss_d;
  if (grad_norm_penalty) {
    auto norm = g_g[0].square().sum();
    for (size_t i = 1; i < g_g.size(); i++) norm = norm + g_g[i].square().sum();
    objective_d = loss_d + norm * kPenalty;
  }
  auto g_d = torch::autograd::grad({objective_d}, net.d);
  {
    torch::NoGradGuard no_grad;
    for (size_t i = 0; i < net.g.size(); i++) net.g[i].add_(g_g[i], -kLearningRate);
    for (size_t i = 0; i < net.d.size(); i++) net.d[i].add_(g_d[i], -kLearningRate);
  }
  return {loss_d.item<double>(), loss_g.item<double>()};
}

}  // namespace bench
