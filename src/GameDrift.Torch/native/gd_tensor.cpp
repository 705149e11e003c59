// Tensor lifetime, creation, properties, data transfer, shape and indexing ops.
#include "gd_common.h"
#include <cstring>

namespace gd {
static thread_local std::string last_error;
void set_error(const char* msg) { last_error = msg ? msg : ""; }
}  // namespace gd

GD_API const char* gd_last_error() { return gd::last_error.c_str(); }
GD_API void gd_clear_error() { gd::last_error.clear(); }

// ---- lifetime ----
GD_API void gd_tensor_free(TH t) { delete t; }
GD_API TH gd_tensor_alias(TH t) { GD_TENSOR(*t) }
GD_API int gd_tensor_defined(TH t) { return t && t->defined() ? 1 : 0; }

// ---- creation ----
// torch:: (not at::) factories: only they honour requires_grad in the options; at:: drops it silently.
GD_API TH gd_empty(const int64_t* shape, int n, int dtype, int dt, int di, int rg) {
  GD_TENSOR(torch::empty(gd::dims(shape, n), gd::options(dtype, dt, di, rg)))
}
GD_API TH gd_zeros(const int64_t* shape, int n, int dtype, int dt, int di, int rg) {
  GD_TENSOR(torch::zeros(gd::dims(shape, n), gd::options(dtype, dt, di, rg)))
}
GD_API TH gd_ones(const int64_t* shape, int n, int dtype, int dt, int di, int rg) {
  GD_TENSOR(torch::ones(gd::dims(shape, n), gd::options(dtype, dt, di, rg)))
}
GD_API TH gd_full(const int64_t* shape, int n, double v, int64_t iv, int is_int, int dtype, int dt, int di, int rg) {
  GD_TENSOR(torch::full(gd::dims(shape, n), gd::scalar(v, iv, is_int), gd::options(dtype, dt, di, rg)))
}
GD_API TH gd_eye(int64_t n, int64_t m, int dtype, int dt, int di) {
  GD_TENSOR(at::eye(n, m, gd::options(dtype, dt, di)))
}
GD_API TH gd_arange(double start, double end, double step, int dtype, int dt, int di) {
  GD_TENSOR(at::arange(start, end, step, gd::options(dtype, dt, di)))
}
GD_API TH gd_linspace(double start, double end, int64_t steps, int dtype, int dt, int di) {
  GD_TENSOR(at::linspace(start, end, steps, gd::options(dtype, dt, di)))
}
// Copies `nbytes` of host memory into a new CPU tensor, then moves it to the device.
GD_API TH gd_from_blob(const void* data, const int64_t* shape, int n, int dtype, int dt, int di) {
  try {
    auto t = at::empty(gd::dims(shape, n), at::TensorOptions().dtype((c10::ScalarType)dtype));
    if (t.numel() > 0) std::memcpy(t.data_ptr(), data, t.numel() * t.element_size());
    if (dt != 0) t = t.to(gd::device(dt, di));
    return gd::wrap(t);
  }
  GD_CATCH(nullptr)
}
GD_API TH gd_zeros_like(TH t) { GD_TENSOR(at::zeros_like(*t)) }
GD_API TH gd_ones_like(TH t) { GD_TENSOR(at::ones_like(*t)) }
GD_API TH gd_full_like(TH t, double v) { GD_TENSOR(at::full_like(*t, v)) }

// ---- properties ----
GD_API int gd_dim(TH t) { try { return (int)t->dim(); } GD_CATCH(-1) }
GD_API int gd_shape(TH t, int64_t* out, int cap) {
  try {
    int n = (int)t->dim();
    for (int i = 0; i < n && i < cap; i++) out[i] = t->size(i);
    return n;
  }
  GD_CATCH(-1)
}
GD_API int64_t gd_numel(TH t) { try { return t->numel(); } GD_CATCH(-1) }
GD_API int gd_dtype(TH t) { try { return (int)t->scalar_type(); } GD_CATCH(-1) }
GD_API int gd_device_type(TH t) { try { return t->device().is_cuda() ? 1 : 0; } GD_CATCH(-1) }
GD_API int gd_device_index(TH t) { try { return (int)t->device().index(); } GD_CATCH(-2) }
GD_API int gd_requires_grad(TH t) { try { return t->requires_grad() ? 1 : 0; } GD_CATCH(-1) }
GD_API int gd_set_requires_grad(TH t, int rg) { GD_STATUS(t->requires_grad_(rg != 0)) }
GD_API int gd_is_leaf(TH t) { try { return t->is_leaf() ? 1 : 0; } GD_CATCH(-1) }
GD_API int gd_is_contiguous(TH t) { try { return t->is_contiguous() ? 1 : 0; } GD_CATCH(-1) }
GD_API int gd_element_size(TH t) { try { return (int)t->element_size(); } GD_CATCH(-1) }

// ---- data transfer ----
// Copies the tensor's values (as a contiguous CPU array of its own dtype) into `out`.
GD_API int gd_copy_to(TH t, void* out, int64_t nbytes) {
  try {
    auto c = gd::dense(t->detach()).to(at::kCPU).contiguous();
    int64_t need = c.numel() * (int64_t)c.element_size();
    if (need != nbytes) throw std::runtime_error("gd_copy_to: buffer size mismatch");
    if (need > 0) std::memcpy(out, c.data_ptr(), need);
    return 0;
  }
  GD_CATCH(-1)
}
GD_API int gd_item(TH t, double* d, int64_t* l) {
  try {
    auto s = gd::dense(*t).item();
    if (s.isIntegral(true)) { *l = s.toLong(); *d = (double)*l; }
    else { *d = s.toDouble(); *l = (int64_t)*d; }
    return 0;
  }
  GD_CATCH(-1)
}
GD_API TH gd_to_dtype(TH t, int dtype) { GD_TENSOR(t->to((c10::ScalarType)dtype)) }
GD_API TH gd_to_device(TH t, int dt, int di) { GD_TENSOR(t->to(gd::device(dt, di))) }
GD_API TH gd_to(TH t, int dt, int di, int dtype) { GD_TENSOR(t->to(gd::device(dt, di), (c10::ScalarType)dtype)) }
GD_API TH gd_contiguous(TH t) { GD_TENSOR(t->contiguous()) }
GD_API TH gd_clone(TH t) { GD_TENSOR(t->clone()) }
GD_API TH gd_detach(TH t) { GD_TENSOR(t->detach()) }
GD_API int gd_detach_(TH t) { GD_STATUS(t->detach_()) }
GD_API int gd_copy_(TH dst, TH src) { GD_STATUS(dst->copy_(*src)) }
GD_API char* gd_to_string(TH t) {
  try {
    std::ostringstream os;
    os << gd::dense(*t);
    return strdup(os.str().c_str());
  }
  GD_CATCH(nullptr)
}
GD_API void gd_free_string(char* s) { free(s); }

// ---- shape ops ----
GD_API TH gd_view(TH t, const int64_t* s, int n) { GD_TENSOR(t->view(gd::dims(s, n))) }
GD_API TH gd_reshape(TH t, const int64_t* s, int n) { GD_TENSOR(t->reshape(gd::dims(s, n))) }
GD_API TH gd_permute(TH t, const int64_t* s, int n) { GD_TENSOR(t->permute(gd::dims(s, n))) }
GD_API TH gd_transpose(TH t, int64_t a, int64_t b) { GD_TENSOR(t->transpose(a, b)) }
GD_API TH gd_squeeze(TH t) { GD_TENSOR(t->squeeze()) }
GD_API TH gd_squeeze_dim(TH t, int64_t d) { GD_TENSOR(t->squeeze(d)) }
GD_API TH gd_unsqueeze(TH t, int64_t d) { GD_TENSOR(t->unsqueeze(d)) }
GD_API TH gd_flatten(TH t, int64_t a, int64_t b) { GD_TENSOR(t->flatten(a, b)) }
GD_API TH gd_expand(TH t, const int64_t* s, int n) { GD_TENSOR(t->expand(gd::dims(s, n))) }
GD_API TH gd_repeat(TH t, const int64_t* s, int n) { GD_TENSOR(t->repeat(gd::dims(s, n))) }
GD_API TH gd_flip(TH t, const int64_t* s, int n) { GD_TENSOR(t->flip(gd::dims(s, n))) }
GD_API TH gd_roll(TH t, const int64_t* shifts, const int64_t* d, int n) { GD_TENSOR(t->roll(gd::dims(shifts, n), gd::dims(d, n))) }
GD_API TH gd_cat(const TH* ts, int n, int64_t dim) { GD_TENSOR(at::cat(gd::list(ts, n), dim)) }
GD_API TH gd_stack(const TH* ts, int n, int64_t dim) { GD_TENSOR(at::stack(gd::list(ts, n), dim)) }
// Writes up to `cap` new handles into `out`; returns the number of chunks.
GD_API int gd_chunk(TH t, int64_t chunks, int64_t dim, TH* out, int cap) {
  try {
    auto v = t->chunk(chunks, dim);
    int n = (int)v.size();
    for (int i = 0; i < n && i < cap; i++) out[i] = gd::wrap(v[i]);
    return n;
  }
  GD_CATCH(-1)
}
GD_API int gd_split(TH t, const int64_t* sizes, int n, int64_t dim, TH* out) {
  try {
    auto v = t->split_with_sizes(gd::dims(sizes, n), dim);
    for (size_t i = 0; i < v.size(); i++) out[i] = gd::wrap(v[i]);
    return (int)v.size();
  }
  GD_CATCH(-1)
}

// ---- indexing ----
GD_API TH gd_select(TH t, int64_t dim, int64_t index) { GD_TENSOR(t->select(dim, index)) }
GD_API TH gd_slice(TH t, int64_t dim, int64_t start, int64_t end, int64_t step) {
  GD_TENSOR(t->slice(dim, start, end, step))
}
GD_API TH gd_narrow(TH t, int64_t dim, int64_t start, int64_t len) { GD_TENSOR(t->narrow(dim, start, len)) }
GD_API TH gd_index_select(TH t, int64_t dim, TH idx) { GD_TENSOR(t->index_select(dim, *idx)) }
// Advanced indexing with one tensor per leading dimension (long or bool), like t[i0, i1, ...].
GD_API TH gd_index(TH t, const TH* idx, int n) {
  try {
    c10::List<c10::optional<at::Tensor>> l;
    for (int i = 0; i < n; i++) l.push_back(idx[i] ? c10::optional<at::Tensor>(*idx[i]) : c10::nullopt);
    return gd::wrap(at::index(*t, l));
  }
  GD_CATCH(nullptr)
}
GD_API int gd_index_put_(TH t, const TH* idx, int n, TH v) {
  try {
    c10::List<c10::optional<at::Tensor>> l;
    for (int i = 0; i < n; i++) l.push_back(idx[i] ? c10::optional<at::Tensor>(*idx[i]) : c10::nullopt);
    at::index_put_(*t, l, *v);
    return 0;
  }
  GD_CATCH(-1)
}
GD_API TH gd_gather(TH t, int64_t dim, TH idx) { GD_TENSOR(t->gather(dim, *idx)) }
GD_API TH gd_masked_select(TH t, TH m) { GD_TENSOR(t->masked_select(*m)) }
GD_API TH gd_masked_fill(TH t, TH m, double v) { GD_TENSOR(t->masked_fill(*m, v)) }
GD_API TH gd_nonzero(TH t) { GD_TENSOR(t->nonzero()) }
GD_API TH gd_where(TH c, TH a, TH b) { GD_TENSOR(at::where(*c, *a, *b)) }
GD_API TH gd_one_hot(TH t, int64_t n) { GD_TENSOR(at::one_hot(*t, n)) }
GD_API TH gd_tril(TH t, int64_t k) { GD_TENSOR(t->tril(k)) }
GD_API TH gd_triu(TH t, int64_t k) { GD_TENSOR(t->triu(k)) }
GD_API TH gd_diag(TH t, int64_t k) { GD_TENSOR(t->diag(k)) }
GD_API TH gd_diag_embed(TH t) { GD_TENSOR(at::diag_embed(*t)) }
