// Elementwise math, in-place updates (for optimisers), reductions and linear algebra.
// Op codes are shared with the C# enums UnaryOp / BinaryOp / ReduceOp (keep in sync).
#include "gd_common.h"

static at::Tensor unary(int op, const at::Tensor& t) {
  switch (op) {
    case 0: return t.neg();
    case 1: return t.exp();
    case 2: return t.log();
    case 3: return t.sqrt();
    case 4: return t.abs();
    case 5: return t.tanh();
    case 6: return t.sigmoid();
    case 7: return t.relu();
    case 8: return t.sin();
    case 9: return t.cos();
    case 10: return t.floor();
    case 11: return t.ceil();
    case 12: return t.round();
    case 13: return t.sign();
    case 14: return t.rsqrt();
    case 15: return t.log1p();
    case 16: return t.expm1();
    case 17: return t.square();
    case 18: return t.reciprocal();
    case 19: return t.logical_not();
    case 20: return t.isnan();
    case 21: return t.isinf();
    case 22: return t.isfinite();
    case 23: return at::log_sigmoid(t);
    case 24: return t.erf();
    case 25: return t.atan();
    case 26: return t.tan();
    case 27: return t.sinh();
    case 28: return t.cosh();
    case 29: return t.log2();
    case 30: return t.log10();
    case 31: return t.trunc();
    case 32: return at::silu(t);
    case 33: return at::gelu(t);
    case 34: return at::elu(t);
    case 35: return at::selu(t);
    case 36: return t.asin();
    case 37: return t.acos();
    case 38: return t.lgamma();
    case 39: return t.digamma();
    case 40: return t.bitwise_not();
  }
  throw std::runtime_error("unknown unary op " + std::to_string(op));
}

static at::Tensor binary(int op, const at::Tensor& a, const at::Tensor& b) {
  switch (op) {
    case 0: return a.add(b);
    case 1: return a.sub(b);
    case 2: return a.mul(b);
    case 3: return a.div(b);
    case 4: return a.pow(b);
    case 5: return at::maximum(a, b);
    case 6: return at::minimum(a, b);
    case 7: return a.eq(b);
    case 8: return a.ne(b);
    case 9: return a.lt(b);
    case 10: return a.le(b);
    case 11: return a.gt(b);
    case 12: return a.ge(b);
    case 13: return a.atan2(b);
    case 14: return a.remainder(b);
    case 15: return a.logical_and(b);
    case 16: return a.logical_or(b);
    case 17: return a.logical_xor(b);
    case 18: return a.floor_divide(b);
    case 19: return a.fmod(b);
    case 23: return a.bitwise_and(b);
    case 24: return a.bitwise_or(b);
    case 25: return a.bitwise_xor(b);
  }
  throw std::runtime_error("unknown binary op " + std::to_string(op));
}

static at::Tensor binary_scalar(int op, const at::Tensor& a, const at::Scalar& s) {
  switch (op) {
    case 0: return a.add(s);
    case 1: return a.sub(s);
    case 2: return a.mul(s);
    case 3: return a.div(s);
    case 4: return a.pow(s);
    case 5: return at::clamp_min(a, s);
    case 6: return at::clamp_max(a, s);
    case 7: return a.eq(s);
    case 8: return a.ne(s);
    case 9: return a.lt(s);
    case 10: return a.le(s);
    case 11: return a.gt(s);
    case 12: return a.ge(s);
    case 14: return a.remainder(s);
    case 18: return a.floor_divide(s);
    case 19: return a.fmod(s);
    case 20: return at::rsub(a, s);              // s - a
    case 21: return a.reciprocal().mul(s);      // s / a
    case 22: return at::pow(s, a);              // s ^ a
  }
  throw std::runtime_error("unknown scalar op " + std::to_string(op));
}

GD_API TH gd_unary(int op, TH t) { GD_TENSOR(unary(op, *t)) }
GD_API TH gd_binary(int op, TH a, TH b) { GD_TENSOR(binary(op, *a, *b)) }
GD_API TH gd_binary_scalar(int op, TH a, double v, int64_t iv, int is_int) {
  GD_TENSOR(binary_scalar(op, *a, gd::scalar(v, iv, is_int)))
}
GD_API TH gd_add_scaled(TH a, TH b, double alpha) { GD_TENSOR(a->add(*b, alpha)) }
GD_API TH gd_clamp(TH t, double lo, double hi, int has_lo, int has_hi) {
  GD_TENSOR(at::clamp(*t, has_lo ? c10::optional<at::Scalar>(lo) : c10::nullopt,
                      has_hi ? c10::optional<at::Scalar>(hi) : c10::nullopt))
}
GD_API TH gd_softplus(TH t, double beta, double threshold) { GD_TENSOR(at::softplus(*t, beta, threshold)) }
GD_API TH gd_leaky_relu(TH t, double slope) { GD_TENSOR(at::leaky_relu(*t, slope)) }
GD_API TH gd_hardtanh(TH t, double lo, double hi) { GD_TENSOR(at::hardtanh(*t, lo, hi)) }
GD_API TH gd_lerp(TH a, TH b, double w) { GD_TENSOR(at::lerp(*a, *b, w)) }
GD_API TH gd_nan_to_num(TH t, double nan, double posinf, double neginf) { GD_TENSOR(at::nan_to_num(*t, nan, posinf, neginf)) }
GD_API TH gd_softmax(TH t, int64_t dim) { GD_TENSOR(at::softmax(*t, dim)) }
GD_API TH gd_log_softmax(TH t, int64_t dim) { GD_TENSOR(at::log_softmax(*t, dim)) }
GD_API TH gd_cumsum(TH t, int64_t dim) { GD_TENSOR(t->cumsum(dim)) }

// ---- in place (optimiser updates; these never build autograd graph when called under no_grad) ----
GD_API int gd_add_(TH a, TH b, double alpha) { GD_STATUS(a->add_(*b, alpha)) }
GD_API int gd_mul_(TH a, TH b) { GD_STATUS(a->mul_(*b)) }
GD_API int gd_div_(TH a, TH b) { GD_STATUS(a->div_(*b)) }
GD_API int gd_add_scalar_(TH a, double s) { GD_STATUS(a->add_(s)) }
GD_API int gd_mul_scalar_(TH a, double s) { GD_STATUS(a->mul_(s)) }
GD_API int gd_fill_(TH a, double s) { GD_STATUS(a->fill_(s)) }
GD_API int gd_zero_(TH a) { GD_STATUS(a->zero_()) }
GD_API int gd_addcmul_(TH a, TH b, TH c, double v) { GD_STATUS(a->addcmul_(*b, *c, v)) }
GD_API int gd_addcdiv_(TH a, TH b, TH c, double v) { GD_STATUS(a->addcdiv_(*b, *c, v)) }
GD_API int gd_lerp_(TH a, TH b, double w) { GD_STATUS(a->lerp_(*b, w)) }
GD_API int gd_clamp_(TH a, double lo, double hi) { GD_STATUS(a->clamp_(lo, hi)) }
GD_API int gd_sqrt_(TH a) { GD_STATUS(a->sqrt_()) }
GD_API int gd_maximum_out_(TH a, TH b) { GD_STATUS(at::maximum_out(*a, *a, *b)) }

// ---- reductions ----
static at::Tensor reduce(int op, const at::Tensor& t, at::IntArrayRef d, bool keep, bool all) {
  switch (op) {
    case 0: return all ? t.sum() : t.sum(d, keep);
    case 1: return all ? t.mean() : t.mean(d, keep);
    case 2: if (all) return t.prod(); if (d.size() != 1) break; return t.prod(d[0], keep);
    case 3: return all ? t.amax() : t.amax(d, keep);
    case 4: return all ? t.amin() : t.amin(d, keep);
    case 5: return t.logsumexp(all ? at::IntArrayRef(std::vector<int64_t>{}) : d, keep);
    case 6: if (all) return t.all(); if (d.size() != 1) break; return t.all(d[0], keep);
    case 7: if (all) return t.any(); if (d.size() != 1) break; return t.any(d[0], keep);
  }
  throw std::runtime_error("unsupported reduction " + std::to_string(op) + " over these dims");
}
GD_API TH gd_reduce(int op, TH t, const int64_t* d, int n, int keep) {
  try {
    if (op == 5 && n == 0) {  // logsumexp over everything
      std::vector<int64_t> all;
      for (int64_t i = 0; i < t->dim(); i++) all.push_back(i);
      return gd::wrap(t->logsumexp(all, keep));
    }
    return gd::wrap(reduce(op, *t, gd::dims(d, n), keep != 0, n == 0));
  }
  GD_CATCH(nullptr)
}
GD_API TH gd_var_std(TH t, const int64_t* d, int n, int64_t correction, int keep, int is_std) {
  try {
    c10::optional<at::IntArrayRef> dd = n == 0 ? c10::nullopt : c10::optional<at::IntArrayRef>(gd::dims(d, n));
    // The correction overload takes optional<int64_t> in 1.x and optional<Scalar> in 2.x; a bare integer would
    // bind to the (dim, bool unbiased) overload instead, which turns any correction above 1 into 1.
#if GD_TORCH_AT_LEAST(2, 0)
    c10::optional<at::Scalar> c(correction);
#else
    c10::optional<int64_t> c(correction);
#endif
    auto r = is_std ? at::std(*t, dd, c, keep != 0) : at::var(*t, dd, c, keep != 0);
    return gd::wrap(r);
  }
  GD_CATCH(nullptr)
}
GD_API TH gd_norm(TH t, double p, const int64_t* d, int n, int keep) {
  try {
    if (n == 0) return gd::wrap(at::linalg_vector_norm(*t, p));
    return gd::wrap(at::linalg_vector_norm(*t, p, gd::dims(d, n), keep != 0));
  }
  GD_CATCH(nullptr)
}
GD_API int gd_max_dim(TH t, int64_t dim, int keep, int is_min, TH* values, TH* indices) {
  try {
    auto r = is_min ? t->min(dim, keep != 0) : t->max(dim, keep != 0);
    *values = gd::wrap(std::get<0>(r));
    *indices = gd::wrap(std::get<1>(r));
    return 0;
  }
  GD_CATCH(-1)
}
GD_API TH gd_argmax(TH t, int64_t dim, int has_dim, int keep, int is_min) {
  try {
    c10::optional<int64_t> d = has_dim ? c10::optional<int64_t>(dim) : c10::nullopt;
    return gd::wrap(is_min ? t->argmin(d, keep != 0) : t->argmax(d, keep != 0));
  }
  GD_CATCH(nullptr)
}
GD_API int gd_sort(TH t, int64_t dim, int descending, TH* values, TH* indices) {
  try {
    auto r = t->sort(dim, descending != 0);
    *values = gd::wrap(std::get<0>(r));
    *indices = gd::wrap(std::get<1>(r));
    return 0;
  }
  GD_CATCH(-1)
}
GD_API int gd_topk(TH t, int64_t k, int64_t dim, int largest, TH* values, TH* indices) {
  try {
    auto r = t->topk(k, dim, largest != 0);
    *values = gd::wrap(std::get<0>(r));
    *indices = gd::wrap(std::get<1>(r));
    return 0;
  }
  GD_CATCH(-1)
}
GD_API int gd_allclose(TH a, TH b, double rtol, double atol) { try { return a->allclose(*b, rtol, atol) ? 1 : 0; } GD_CATCH(-1) }
GD_API int gd_equal(TH a, TH b) { try { return a->equal(*b) ? 1 : 0; } GD_CATCH(-1) }

// ---- linear algebra ----
GD_API TH gd_matmul(TH a, TH b) { GD_TENSOR(at::matmul(*a, *b)) }
GD_API TH gd_mm(TH a, TH b) { GD_TENSOR(at::mm(*a, *b)) }
GD_API TH gd_bmm(TH a, TH b) { GD_TENSOR(at::bmm(*a, *b)) }
GD_API TH gd_outer(TH a, TH b) { GD_TENSOR(at::outer(*a, *b)) }
GD_API TH gd_dot(TH a, TH b) { GD_TENSOR(at::dot(*a, *b)) }
GD_API TH gd_trace(TH a) { GD_TENSOR(at::trace(*a)) }
GD_API TH gd_inverse(TH a) { GD_TENSOR(at::linalg_inv(*a)) }
GD_API TH gd_det(TH a) { GD_TENSOR(at::linalg_det(*a)) }
GD_API TH gd_solve(TH a, TH b) { GD_TENSOR(at::linalg_solve(*a, *b)) }
GD_API TH gd_cholesky(TH a) { GD_TENSOR(at::linalg_cholesky(*a)) }
// Symmetric eigendecomposition (LAPACK syevd): ascending eigenvalues, eigenvectors as columns.
GD_API int gd_eigh(TH a, TH* values, TH* vectors) {
  try {
    auto r = at::linalg_eigh(*a);
    *values = gd::wrap(std::get<0>(r));
    *vectors = gd::wrap(std::get<1>(r));
    return 0;
  }
  GD_CATCH(-1)
}
// General eigenvalues as a (n, 2) real tensor of (real, imaginary) parts.
GD_API TH gd_eigvals(TH a) { GD_TENSOR(at::view_as_real(at::linalg_eigvals(*a))) }
GD_API int gd_svd(TH a, TH* u, TH* s, TH* vh) {
  try {
    auto r = at::linalg_svd(*a, false);
    *u = gd::wrap(std::get<0>(r));
    *s = gd::wrap(std::get<1>(r));
    *vh = gd::wrap(std::get<2>(r));
    return 0;
  }
  GD_CATCH(-1)
}
