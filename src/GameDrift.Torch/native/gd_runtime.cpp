// Runtime services: random numbers and generators, threads, CUDA queries, serialization (TorchScript lives in gd_jit.cpp).
#include "gd_common.h"
#include <torch/script.h>  // torch::pickle_save / pickle_load
#include <ATen/CPUGeneratorImpl.h>
#include <fstream>

// ---- random ----
// Generators are CPU generators: random tensors are drawn on the CPU and moved to the device,
// so a seeded run draws the same numbers on every device.
typedef at::Generator* GH;
GD_API GH gd_generator_new(uint64_t seed) {
  try { return new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed)); }
  GD_CATCH(nullptr)
}
GD_API void gd_generator_free(GH g) { delete g; }
GD_API int gd_generator_seed(GH g, uint64_t seed) {
  GD_STATUS(std::lock_guard<std::mutex> lock(g->mutex()); g->set_current_seed(seed))
}
GD_API TH gd_generator_get_state(GH g) {
  try {
    std::lock_guard<std::mutex> lock(g->mutex());
    return gd::wrap(g->get_state());
  }
  GD_CATCH(nullptr)
}
GD_API int gd_generator_set_state(GH g, TH state) {
  GD_STATUS(std::lock_guard<std::mutex> lock(g->mutex()); g->set_state(*state))
}
static c10::optional<at::Generator> gen(GH g) { return g ? c10::optional<at::Generator>(*g) : c10::nullopt; }
static at::Tensor to_dev(at::Tensor t, int dt, int di) { return dt == 0 ? t : t.to(gd::device(dt, di)); }

GD_API void gd_manual_seed(uint64_t seed) { torch::manual_seed(seed); }
GD_API TH gd_randn(const int64_t* s, int n, GH g, int dtype, int dt, int di) {
  GD_TENSOR(to_dev(at::randn(gd::dims(s, n), gen(g), at::TensorOptions().dtype((c10::ScalarType)dtype)), dt, di))
}
GD_API TH gd_rand(const int64_t* s, int n, GH g, int dtype, int dt, int di) {
  GD_TENSOR(to_dev(at::rand(gd::dims(s, n), gen(g), at::TensorOptions().dtype((c10::ScalarType)dtype)), dt, di))
}
GD_API TH gd_randint(int64_t lo, int64_t hi, const int64_t* s, int n, GH g, int dtype, int dt, int di) {
  GD_TENSOR(to_dev(at::randint(lo, hi, gd::dims(s, n), gen(g), at::TensorOptions().dtype((c10::ScalarType)dtype)), dt, di))
}
GD_API TH gd_randperm(int64_t n, GH g, int dt, int di) {
  GD_TENSOR(to_dev(at::randperm(n, gen(g), at::TensorOptions().dtype(at::kLong)), dt, di))
}
GD_API TH gd_bernoulli(TH p, GH g) { GD_TENSOR(to_dev(at::bernoulli(p->to(at::kCPU), gen(g)), p->device().is_cuda(), p->device().index())) }
GD_API int gd_normal_(TH t, double mean, double std, GH g) {
  try {
    if (t->device().is_cpu()) { t->normal_(mean, std, gen(g)); return 0; }
    auto c = at::empty(t->sizes(), t->options().device(at::kCPU));
    c.normal_(mean, std, gen(g));
    t->copy_(c);
    return 0;
  }
  GD_CATCH(-1)
}
GD_API int gd_uniform_(TH t, double lo, double hi, GH g) {
  try {
    if (t->device().is_cpu()) { t->uniform_(lo, hi, gen(g)); return 0; }
    auto c = at::empty(t->sizes(), t->options().device(at::kCPU));
    c.uniform_(lo, hi, gen(g));
    t->copy_(c);
    return 0;
  }
  GD_CATCH(-1)
}

// ---- threads and devices ----
GD_API void gd_set_num_threads(int n) { at::set_num_threads(n); }
GD_API int gd_get_num_threads() { return at::get_num_threads(); }
GD_API int gd_cuda_is_available() { try { return torch::cuda::is_available() ? 1 : 0; } GD_CATCH(0) }
GD_API int gd_cuda_device_count() { try { return (int)torch::cuda::device_count(); } GD_CATCH(0) }
GD_API int gd_cuda_synchronize(int index) { GD_STATUS(torch::cuda::synchronize(index)) }
// TF32 tensor cores for float32 convolutions (cuDNN) and matrix products (cuBLAS); PyTorch's defaults are on and
// off. The legacy setters exist in 1.13 and 2.x (2.9+ maps them onto its float32-precision settings).
GD_API int gd_set_allow_tf32(int cudnn, int cublas) {
  GD_STATUS(at::globalContext().setAllowTF32CuDNN(cudnn != 0); at::globalContext().setAllowTF32CuBLAS(cublas != 0))
}
GD_API int gd_allow_tf32_cudnn() { try { return at::globalContext().allowTF32CuDNN() ? 1 : 0; } GD_CATCH(-1) }
GD_API char* gd_config() { try { return strdup(at::show_config().c_str()); } GD_CATCH(nullptr) }
GD_API char* gd_version() {
  try { return strdup((std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." + std::to_string(TORCH_VERSION_PATCH)).c_str()); }
  GD_CATCH(nullptr)
}

// ---- serialization: a {name: tensor} dict in PyTorch's zip/pickle format (torch.load reads it) ----
GD_API int gd_save_dict(const char** names, const TH* ts, int n, const char* path) {
  try {
    c10::Dict<std::string, at::Tensor> d;
    for (int i = 0; i < n; i++) d.insert(names[i], gd::dense(ts[i]->detach()).to(at::kCPU));
    auto bytes = torch::pickle_save(c10::IValue(d));
    std::ofstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error(std::string("cannot open for writing: ") + path);
    f.write(bytes.data(), (std::streamsize)bytes.size());
    // close() flushes the last buffer: a full disk often shows only there, and must not pass for a good file.
    f.close();
    if (!f) throw std::runtime_error(std::string("write failed (disk full?): ") + path);
    return 0;
  }
  GD_CATCH(-1)
}
GD_API DH gd_load_dict(const char* path) {
  try {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error(std::string("cannot open for reading: ") + path);
    std::vector<char> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    auto v = torch::pickle_load(bytes);
    if (!v.isGenericDict()) throw std::runtime_error(std::string("not a dict of tensors: ") + path);
    auto out = new std::vector<std::pair<std::string, at::Tensor>>();
    for (const auto& e : v.toGenericDict()) {
      if (!e.key().isString() || !e.value().isTensor()) { delete out; throw std::runtime_error(std::string("not a dict of tensors: ") + path); }
      out->emplace_back(e.key().toStringRef(), e.value().toTensor());
    }
    return out;
  }
  GD_CATCH(nullptr)
}
GD_API int gd_dict_size(DH d) { return (int)d->size(); }
GD_API const char* gd_dict_key(DH d, int i) { return (*d)[i].first.c_str(); }
GD_API TH gd_dict_tensor(DH d, int i) { GD_TENSOR((*d)[i].second) }
GD_API void gd_dict_free(DH d) { delete d; }
