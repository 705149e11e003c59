// Functional neural-network ops. Modules live in C# on top of these.
#include "gd_common.h"

static at::Tensor opt(TH t) { return t ? *t : at::Tensor(); }

GD_API TH gd_linear(TH x, TH w, TH b) { GD_TENSOR(at::linear(*x, *w, b ? c10::optional<at::Tensor>(*b) : c10::nullopt)) }
GD_API TH gd_conv2d(TH x, TH w, TH b, const int64_t* stride, const int64_t* padding, const int64_t* dilation, int64_t groups) {
  GD_TENSOR(at::conv2d(*x, *w, opt(b), gd::dims(stride, 2), gd::dims(padding, 2), gd::dims(dilation, 2), groups))
}
GD_API TH gd_conv_transpose2d(TH x, TH w, TH b, const int64_t* stride, const int64_t* padding, const int64_t* output_padding,
                              int64_t groups, const int64_t* dilation) {
  GD_TENSOR(at::conv_transpose2d(*x, *w, opt(b), gd::dims(stride, 2), gd::dims(padding, 2), gd::dims(output_padding, 2), groups,
                                 gd::dims(dilation, 2)))
}
GD_API TH gd_conv1d(TH x, TH w, TH b, int64_t stride, int64_t padding, int64_t dilation, int64_t groups) {
  GD_TENSOR(at::conv1d(*x, *w, opt(b), stride, padding, dilation, groups))
}
// Batch norm; running statistics (may be null) are updated in place when training.
GD_API TH gd_batch_norm(TH x, TH w, TH b, TH rm, TH rv, int training, double momentum, double eps) {
  GD_TENSOR(at::batch_norm(*x, opt(w), opt(b), opt(rm), opt(rv), training != 0, momentum, eps, true))
}
GD_API TH gd_layer_norm(TH x, const int64_t* shape, int n, TH w, TH b, double eps) {
  GD_TENSOR(at::layer_norm(*x, gd::dims(shape, n), opt(w), opt(b), eps))
}
GD_API TH gd_group_norm(TH x, int64_t groups, TH w, TH b, double eps) { GD_TENSOR(at::group_norm(*x, groups, opt(w), opt(b), eps)) }
GD_API TH gd_dropout(TH x, double p, int training) { GD_TENSOR(at::dropout(*x, p, training != 0)) }
GD_API TH gd_embedding(TH w, TH idx) { GD_TENSOR(at::embedding(*w, *idx)) }
GD_API TH gd_max_pool2d(TH x, const int64_t* k, const int64_t* s, const int64_t* p) {
  GD_TENSOR(at::max_pool2d(*x, gd::dims(k, 2), gd::dims(s, 2), gd::dims(p, 2)))
}
GD_API TH gd_avg_pool2d(TH x, const int64_t* k, const int64_t* s, const int64_t* p) {
  GD_TENSOR(at::avg_pool2d(*x, gd::dims(k, 2), gd::dims(s, 2), gd::dims(p, 2)))
}
GD_API TH gd_adaptive_avg_pool2d(TH x, int64_t h, int64_t w) { GD_TENSOR(at::adaptive_avg_pool2d(*x, {h, w})) }
// mode: 0 nearest, 1 bilinear, 2 bicubic. Output size (h, w).
GD_API TH gd_interpolate(TH x, int64_t h, int64_t w, int mode, int align_corners) {
  try {
    std::vector<int64_t> size{h, w};
    switch (mode) {
      case 0: return gd::wrap(at::upsample_nearest2d(*x, size));
      case 1: return gd::wrap(at::upsample_bilinear2d(*x, size, align_corners != 0));
      case 2: return gd::wrap(at::upsample_bicubic2d(*x, size, align_corners != 0));
    }
    throw std::runtime_error("unknown interpolation mode");
  }
  GD_CATCH(nullptr)
}
GD_API TH gd_pad(TH x, const int64_t* pads, int n, int mode, double value) {
  try {
    static const char* modes[] = {"constant", "reflect", "replicate", "circular"};
    if (mode < 0 || mode > 3) throw std::runtime_error("unknown pad mode");
    return gd::wrap(at::pad(*x, gd::dims(pads, n), modes[mode], mode == 0 ? c10::optional<double>(value) : c10::nullopt));
  }
  GD_CATCH(nullptr)
}
// reduction: 0 none, 1 mean, 2 sum (at::Reduction values).
GD_API TH gd_bce_with_logits(TH x, TH y, TH w, int reduction) {
  GD_TENSOR(at::binary_cross_entropy_with_logits(*x, *y, opt(w), c10::nullopt, reduction))
}
GD_API TH gd_bce(TH x, TH y, int reduction) { GD_TENSOR(at::binary_cross_entropy(*x, *y, c10::nullopt, reduction)) }
GD_API TH gd_mse_loss(TH x, TH y, int reduction) { GD_TENSOR(at::mse_loss(*x, *y, reduction)) }
GD_API TH gd_l1_loss(TH x, TH y, int reduction) { GD_TENSOR(at::l1_loss(*x, *y, reduction)) }
GD_API TH gd_cross_entropy(TH x, TH y, int reduction, double label_smoothing) {
  GD_TENSOR(at::cross_entropy_loss(*x, *y, c10::nullopt, reduction, -100, label_smoothing))
}
GD_API TH gd_nll_loss(TH x, TH y, int reduction) { GD_TENSOR(at::nll_loss(*x, *y, c10::nullopt, reduction)) }
