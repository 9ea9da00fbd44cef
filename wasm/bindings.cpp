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
  function("callOpId", &w::call_op_id);
  function("arith", &w::arith);
  function("lastError", &w::last_error);
  function("lastErrorLine", &w::last_error_line);
  function("lastErrorCol", &w::last_error_col);
  function("opTableJson", &w::op_table_json);

  function("fromData", &w::from_data);
  function("ndim", &w::ndim);
  function("shapePtr", &w::shape_ptr);
  function("dtype", &w::dtype);
  function("numel", &w::numel);
  function("dataPtr", &w::data_ptr);
  function("grad", &w::grad);
  function("setGrad", &w::set_grad);
  function("requiresGrad", &w::requires_grad);
  function("isLeaf", &w::is_leaf);
  function("gradFnName", &w::grad_fn_name);
  function("release", &w::release);
  function("dup", &w::dup);
  function("liveHandles", &w::live_handles);
  function("storageBytes", &w::storage_bytes);
  function("liveTensors", &w::live_tensors);

  function("setGradEnabled", &w::set_grad_enabled);
  function("gradEnabled", &w::grad_enabled);
  function("manualSeed", &w::manual_seed);

  function("run", &w::run);
  function("graph", &w::graph);
  function("gradcheck", &w::gradcheck);
  function("sessionNew", &w::session_new);
  function("sessionExec", &w::session_exec);
  function("sessionTensor", &w::session_tensor);
  function("sessionGraph", &w::session_graph);
  function("sessionFree", &w::session_free);
}

// The per-op hot path as plain wasm exports (Module._tl_*): built with DYNAMIC_EXECUTION=0, Embind
// cannot generate its specialised invokers, and each bound call goes through a generic one that
// costs ~100-200 ns; a plain export is a direct call. Numbers only, like the Embind functions.
extern "C" {
EMSCRIPTEN_KEEPALIVE int tl_call_op_id(int id, int where, int argc) { return w::call_op_id(id, where, argc); }
EMSCRIPTEN_KEEPALIVE int tl_arith(int code, int self, int other, double scalar, int is_int) {
  return w::arith(code, self, other, scalar, is_int != 0);
}
EMSCRIPTEN_KEEPALIVE int tl_release(int h) { return w::release(h); }
EMSCRIPTEN_KEEPALIVE void tl_release_many(const int32_t* handles, int n) { w::release_many(handles, n); }
}
