// Embind declarations only (and the direct exports of the per-op hot path below). Conversions
// live in adapters.cpp; JS ergonomics in js/index.js.
#include <emscripten/bind.h>
#include <emscripten/em_macros.h>

#include "wasm/adapters.h"

using namespace emscripten;
namespace w = tl::wasm;

EMSCRIPTEN_BINDINGS(tensorlens) {
  function("argBuffer", &w::arg_buffer);
  function("resultBuffer", &w::result_buffer);
  function("keywordId", &w::keyword_id);
  function("opNameId", &w::op_name_id);
  function("lastError", &w::last_error);
  function("lastErrorLine", &w::last_error_line);
  function("lastErrorCol", &w::last_error_col);
  function("opTableJson", &w::op_table_json);
  function("constantsJson", &w::constants_json);
  function("repr", &w::repr);

  function("fromData", &w::from_data);
  function("gradFnName", &w::grad_fn_name);
  function("dup", &w::dup);
  function("liveHandles", &w::live_handles);
  function("storageBytes", &w::storage_bytes);
  function("liveTensors", &w::live_tensors);

  function("manualSeed", &w::manual_seed);

  function("moduleNew", &w::module_new);
  function("moduleSequential", &w::module_sequential);
  function("moduleParameters", &w::module_parameters);
  function("moduleInfo", &w::module_info);
  function("moduleTrain", &w::module_train);
  function("moduleFree", &w::module_free);
  function("optimNew", &w::optim_new);
  function("optimLr", &w::optim_lr);
  function("optimSetLr", &w::optim_set_lr);
  function("optimFree", &w::optim_free);

  function("run", &w::run);
  function("graph", &w::graph);
  function("gradcheck", &w::gradcheck);
  function("sessionNew", &w::session_new);
  function("sessionExec", &w::session_exec);
  function("sessionTensor", &w::session_tensor);
  function("sessionGraph", &w::session_graph);
  function("sessionFree", &w::session_free);
}

// The per-op hot path and the tensor accessors as plain wasm exports (Module._tl_*): built with DYNAMIC_EXECUTION=0, Embind
// cannot generate its specialised invokers, and each bound call goes through a generic one that
// costs ~100-200 ns; a plain export is a direct call. Numbers only, like the Embind functions.
extern "C" {
EMSCRIPTEN_KEEPALIVE int tl_call_op_id(int id, int where, int argc) { return w::call_op_id(id, where, argc); }
EMSCRIPTEN_KEEPALIVE int tl_arith(int code, int self, int other, double scalar, int is_int) {
  return w::arith(code, self, other, scalar, is_int != 0);
}
EMSCRIPTEN_KEEPALIVE int tl_release(int h) { return w::release(h); }
EMSCRIPTEN_KEEPALIVE int tl_ndim(int h) { return w::ndim(h); }
EMSCRIPTEN_KEEPALIVE uintptr_t tl_shape_ptr(int h) { return w::shape_ptr(h); }
EMSCRIPTEN_KEEPALIVE int tl_dtype(int h) { return w::dtype(h); }
EMSCRIPTEN_KEEPALIVE int tl_numel(int h) { return w::numel(h); }
EMSCRIPTEN_KEEPALIVE uintptr_t tl_data_ptr(int h, int as_dtype) { return w::data_ptr(h, as_dtype); }
EMSCRIPTEN_KEEPALIVE int tl_grad(int h) { return w::grad(h); }
EMSCRIPTEN_KEEPALIVE int tl_set_grad(int h, int g) { return w::set_grad(h, g); }
EMSCRIPTEN_KEEPALIVE int tl_requires_grad(int h) { return w::requires_grad(h); }
EMSCRIPTEN_KEEPALIVE int tl_is_leaf(int h) { return w::is_leaf(h); }
EMSCRIPTEN_KEEPALIVE void tl_set_grad_enabled(int on) { w::set_grad_enabled(on != 0); }
EMSCRIPTEN_KEEPALIVE int tl_grad_enabled() { return w::grad_enabled(); }
EMSCRIPTEN_KEEPALIVE int tl_same(int a, int b) { return w::same(a, b); }
EMSCRIPTEN_KEEPALIVE int tl_grad_is(int h, int g) { return w::grad_is(h, g); }
// Per training step: plain exports as well.
EMSCRIPTEN_KEEPALIVE int tl_module_forward(int id, int argc) { return w::module_forward(id, argc); }
EMSCRIPTEN_KEEPALIVE int tl_module_zero_grad(int id, int set_to_none) { return w::module_zero_grad(id, set_to_none != 0); }
EMSCRIPTEN_KEEPALIVE int tl_optim_step(int id) { return w::optim_step(id); }
EMSCRIPTEN_KEEPALIVE int tl_optim_zero_grad(int id, int set_to_none) { return w::optim_zero_grad(id, set_to_none != 0); }
EMSCRIPTEN_KEEPALIVE void tl_release_many(const int32_t* handles, int n) { w::release_many(handles, n); }
}
