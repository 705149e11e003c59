// TorchScript modules: loading, calling, parameters, modes and saving. A C# `ScriptedModule` (nn) trains
// one by registering the tensors listed here as its own parameters: they are the module's tensors, not
// copies, so an optimiser's in-place update is what the next forward sees (and gd_jit_bind follows C#
// when it swaps a tensor for another).
#include "gd_common.h"
#include <torch/script.h>
#include <torch/csrc/jit/python/update_graph_executor_opt.h>

typedef torch::jit::Module* MH;

GD_API MH gd_jit_load(const char* path, int dt, int di) {
  try { return new torch::jit::Module(torch::jit::load(path, gd::device(dt, di))); }
  GD_CATCH(nullptr)
}
GD_API void gd_jit_free(MH m) { delete m; }
GD_API int gd_jit_train(MH m, int on) { GD_STATUS(m->train(on != 0)) }
GD_API int gd_jit_is_training(MH m) {
  try { return m->is_training() ? 1 : 0; }
  GD_CATCH(-1)
}
GD_API int gd_jit_to(MH m, int dt, int di) { GD_STATUS(m->to(gd::device(dt, di))) }
// Writes the module with its current parameter values; Python's torch.jit.load reads it.
GD_API int gd_jit_save(MH m, const char* path) { GD_STATUS(m->save(path)) }

// The module's parameters (what = 0) or buffers (what = 1), recursively, with dotted names as in
// Python's named_parameters()/named_buffers(). The tensors share their TensorImpl with the module.
GD_API DH gd_jit_named(MH m, int what) {
  try {
    auto out = new std::vector<std::pair<std::string, at::Tensor>>();
    if (what == 0)
      for (const auto& p : m->named_parameters(/*recurse=*/true)) out->emplace_back(p.name, p.value);
    else
      for (const auto& b : m->named_buffers(/*recurse=*/true)) out->emplace_back(b.name, b.value);
    return out;
  }
  GD_CATCH(nullptr)
}

// Points the module's attributes `names[i]` (dotted: parameters and buffers of submodules) at `ts[i]` wherever they
// hold another tensor. C# may replace a parameter's tensor (Module.To, ParameterShift's `param.data = ...`); this makes
// the script compute with what C# holds. Returns how many attributes changed.
GD_API int gd_jit_bind(MH m, const char* const* names, const TH* ts, int n) {
  try {
    int changed = 0;
    for (int i = 0; i < n; i++) {
      std::string name = names[i];
      torch::jit::Module owner = *m;
      for (size_t dot; (dot = name.find('.')) != std::string::npos; name = name.substr(dot + 1))
        owner = owner.attr(name.substr(0, dot)).toModule();
      if (owner.attr(name).toTensor().unsafeGetTensorImpl() == ts[i]->unsafeGetTensorImpl()) continue;
      owner.setattr(name, *ts[i]);
      changed++;
    }
    return changed;
  }
  GD_CATCH(-1)
}

static void flatten(const c10::IValue& v, std::vector<at::Tensor>& out) {
  if (v.isTensor()) out.push_back(v.toTensor());
  else if (v.isTuple()) for (const auto& e : v.toTupleRef().elements()) flatten(e, out);
  else if (v.isList()) for (const auto& e : v.toListRef()) flatten(e, out);
  else if (v.isGenericDict()) for (const auto& e : v.toGenericDict()) flatten(e.value(), out);
  else throw std::runtime_error("TorchScript output holds a value that is not a tensor");
}
static int results(const c10::IValue& r, TH* out, int cap) {
  std::vector<at::Tensor> ts;
  flatten(r, ts);
  for (size_t i = 0; i < ts.size() && (int)i < cap; i++) out[i] = gd::wrap(ts[i]);
  return (int)ts.size();
}

// Runs with the graph executor's optimisations off (a thread-local switch, restored afterwards): the
// interpreter then records each op on the ordinary autograd tape, so gradients of gradients (R1, drift
// regularisers) work whenever the ops have them; the optimised plan's differentiable subgraphs need not.
struct UnoptimizedGuard {
  bool before = torch::jit::getGraphExecutorOptimize();
  UnoptimizedGuard() { torch::jit::setGraphExecutorOptimize(false); }
  ~UnoptimizedGuard() { torch::jit::setGraphExecutorOptimize(before); }
};

// Calls `method` (e.g. "forward") with tensor arguments; tensors of the (possibly nested) result are
// written to `out` in order. Returns their number (or -1); `cap` bounds what is written. `exact` != 0
// runs it unoptimised (see UnoptimizedGuard), as training does.
static c10::IValue call(MH m, const char* method, std::vector<c10::IValue> in, const torch::jit::Kwargs& kw, int exact) {
  if (!exact) return m->get_method(method)(std::move(in), kw);
  UnoptimizedGuard guard;
  return m->get_method(method)(std::move(in), kw);
}
static int call_tensors(MH m, const char* method, const TH* args, int n, TH* out, int cap, int exact) {
  try {
    std::vector<c10::IValue> in;
    for (int i = 0; i < n; i++) in.emplace_back(*args[i]);
    return results(call(m, method, std::move(in), {}, exact), out, cap);
  }
  GD_CATCH(-1)
}
GD_API int gd_jit_call(MH m, const char* method, const TH* args, int n, TH* out, int cap) {
  return call_tensors(m, method, args, n, out, cap, 0);
}
GD_API int gd_jit_call_exact(MH m, const char* method, const TH* args, int n, TH* out, int cap) {
  return call_tensors(m, method, args, n, out, cap, 1);
}
// Calls `method` with arguments of mixed kinds, so methods such as forward(img, return_features: bool=False)
// can be called: kinds[i] is 0 tensor (tensors[i]), 1 bool (ints[i] != 0), 2 int (ints[i]), 3 float
// (floats[i]) or 4 None. names[i] null: positional; otherwise the keyword it is passed as. Results as gd_jit_call.
GD_API int gd_jit_call_values(MH m, const char* method, const int* kinds, const TH* tensors, const int64_t* ints,
                              const double* floats, const char* const* names, int n, TH* out, int cap) {
  try {
    std::vector<c10::IValue> in;
    torch::jit::Kwargs kw;
    for (int i = 0; i < n; i++) {
      c10::IValue v;
      switch (kinds[i]) {
        case 0: v = *tensors[i]; break;
        case 1: v = ints[i] != 0; break;
        case 2: v = ints[i]; break;
        case 3: v = floats[i]; break;
        case 4: break;
        default: throw std::runtime_error("unknown TorchScript argument kind " + std::to_string(kinds[i]));
      }
      if (names[i]) kw[names[i]] = std::move(v);
      else in.push_back(std::move(v));
    }
    return results(call(m, method, std::move(in), kw, 0), out, cap);
  }
  GD_CATCH(-1)
}
