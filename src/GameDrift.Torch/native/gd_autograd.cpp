// Autograd: backward, torch.autograd.grad (with create_graph for exact higher-order gradients),
// grad-mode switches and .grad access.
#include "gd_common.h"

GD_API int gd_backward(const TH* ts, const TH* grads, int n, int retain_graph, int create_graph) {
  GD_STATUS(torch::autograd::backward(gd::list(ts, n), gd::list(grads, n),
                                      retain_graph < 0 ? c10::nullopt : c10::optional<bool>(retain_graph != 0),
                                      create_graph != 0))
}
// Writes one handle per input into `out` (nullptr where an input is unused and allow_unused).
GD_API int gd_grad(const TH* outputs, int n_out, const TH* grad_outputs, const TH* inputs, int n_in, int retain_graph,
                   int create_graph, int allow_unused, TH* out) {
  try {
    auto r = torch::autograd::grad(gd::list(outputs, n_out), gd::list(inputs, n_in), gd::list(grad_outputs, n_out),
                                   retain_graph < 0 ? c10::nullopt : c10::optional<bool>(retain_graph != 0),
                                   create_graph != 0, allow_unused != 0);
    for (int i = 0; i < n_in; i++) {
      // A ZeroTensor with autograd history stays as it is (it carries the graph); a constant one is materialised.
      auto& g = r[i];
      out[i] = !g.defined() ? nullptr : gd::wrap(g.requires_grad() ? g : gd::dense(g));
    }
    return 0;
  }
  GD_CATCH(-1)
}
GD_API TH gd_get_grad(TH t) {
  try {
    if (t->grad().defined() && t->grad()._is_zerotensor() && !t->grad().requires_grad())
      t->mutable_grad() = gd::dense(t->grad());  // so optimisers can update .grad in place
    const auto& g = t->grad();
    return g.defined() ? gd::wrap(g) : nullptr;
  }
  GD_CATCH(nullptr)
}
GD_API int gd_set_grad(TH t, TH g) { GD_STATUS(t->mutable_grad() = g ? *g : at::Tensor()) }
GD_API int gd_retain_grad(TH t) { GD_STATUS(t->retain_grad()) }
GD_API int gd_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }
GD_API void gd_set_grad_enabled(int on) { at::GradMode::set_enabled(on != 0); }
GD_API char* gd_grad_fn_name(TH t) {
  try {
    auto fn = t->grad_fn();
    return strdup(fn ? fn->name().c_str() : "");
  }
  GD_CATCH(nullptr)
}
