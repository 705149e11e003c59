// Shared conventions of the C shim.
//  * Tensors cross the boundary as owned heap pointers (at::Tensor*); C# frees them with gd_tensor_free.
//  * No C++ exception ever crosses into .NET: every export catches, stores the message in a
//    thread-local buffer (gd_last_error) and returns a failure value (nullptr or -1).
#pragma once
#include <torch/torch.h>
#include <torch/version.h>
#include <string>
#include <vector>

#define GD_API extern "C" __attribute__((visibility("default")))

// The one source builds against Debian's libtorch 1.13 and PyTorch 2.x's; where their C++ APIs differ, the code
// branches on this (docs/gpu.md lists what was checked).
#define GD_TORCH_AT_LEAST(major, minor) \
  (TORCH_VERSION_MAJOR > (major) || (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

typedef at::Tensor* TH;
// A list of named tensors (a loaded state dict, a TorchScript module's parameters); C# reads it with
// gd_dict_size/key/tensor and frees it with gd_dict_free.
typedef std::vector<std::pair<std::string, at::Tensor>>* DH;

namespace gd {
void set_error(const char* msg);
inline TH wrap(at::Tensor t) { return new at::Tensor(std::move(t)); }
// Autograd may return "ZeroTensors" (e.g. the derivative of sign or abs twice): they have no storage, so
// reading their data crashes and in-place updates fail. Materialise them where data is read or handed on.
inline at::Tensor dense(const at::Tensor& t) { return t.defined() && t._is_zerotensor() ? at::zeros(t.sizes(), t.options()) : t; }
inline at::IntArrayRef dims(const int64_t* p, int n) { return at::IntArrayRef(p, (size_t)n); }
inline c10::Device device(int type, int index) {
  return c10::Device(type == 1 ? c10::DeviceType::CUDA : c10::DeviceType::CPU, (c10::DeviceIndex)index);
}
inline at::TensorOptions options(int dtype, int dev_type, int dev_index, bool requires_grad = false) {
  return at::TensorOptions().dtype((c10::ScalarType)dtype).device(device(dev_type, dev_index)).requires_grad(requires_grad);
}
inline at::Scalar scalar(double v, int64_t iv, int is_int) { return is_int ? at::Scalar(iv) : at::Scalar(v); }
inline std::vector<at::Tensor> list(const TH* ts, int n) {
  std::vector<at::Tensor> v;
  v.reserve(n);
  for (int i = 0; i < n; i++) v.push_back(ts[i] ? *ts[i] : at::Tensor());
  return v;
}
}  // namespace gd

#define GD_CATCH(fail)                                                        \
  catch (const c10::Error& e) { gd::set_error(e.what_without_backtrace()); return fail; } \
  catch (const std::exception& e) { gd::set_error(e.what()); return fail; }   \
  catch (...) { gd::set_error("unknown C++ exception"); return fail; }

// A tensor-returning export: nullptr on failure.
#define GD_TENSOR(expr) try { return gd::wrap(expr); } GD_CATCH(nullptr)
// A status export: 0 on success, -1 on failure.
#define GD_STATUS(stmt) try { stmt; return 0; } GD_CATCH(-1)
