// Conversions between the engine and JavaScript, beside the declarative bindings.cpp.
//
// Tensors cross the boundary as integer handles into a table (a bound Embind object per tensor
// costs ~1 µs to create and delete; an integer ~70 ns). Op arguments and results cross as tagged
// float64 slots in two buffers inside wasm memory that JS reads and writes directly, so an op
// call is one Embind call. No entry point throws: errors become a status and a message.
#pragma once
#include <cstdint>
#include <string>

namespace tl::wasm {

// Argument/result slot tags (wasm/js/index.js reads them from constants_json()).
enum Tag : int {
  kNone = 0,
  kBool = 1,
  kInt = 2,
  kFloat = 3,
  kTensor = 4,   // payload: handle
  kList = 5,     // payload: item count; items follow
  kTuple = 6,    // payload: item count; items follow
  kDType = 7,    // payload: dtype code (0 float32, 1 float64, 2 int64, 3 bool)
  kKeyword = 8,  // payload: index of the name in the keyword-name table; the value follows
  kStr = 9,      // payload: index of the string in the keyword-name table (interned like names)
};
constexpr int kSlots = 1 << 14;  // doubles per buffer

uintptr_t arg_buffer();
uintptr_t result_buffer();
// Registers a keyword name once; returns its index (JS caches it).
int keyword_id(const std::string& name);

// Calls the op-table function with name id `name_id` (op_name_id resolves a name once, so no
// string crosses per call) exposed as `where`, with `argc` arguments encoded in the arg buffer.
// Writes the result to the result buffer; returns 0, or -1 with last_error() set.
int op_name_id(const std::string& name);
int call_op_id(int name_id, int where, int argc);
// Fast path for tensor (+ - * /) tensor-or-number, the bulk of small-graph code (W4/W5): no
// argument encoding or overload resolution. code: 0 add, 1 sub, 2 mul, 3 div. other = -1 means
// the Python-style number `scalar`. Returns a new handle, or -1 with last_error() set.
int arith(int code, int self, int other, double scalar, bool scalar_is_int);
std::string last_error();
int last_error_line();
int last_error_col();

// The op table as JSON: [{"name","key","schema","expose","differentiable","returns",
//   "params":[{"name","type","optional","kwOnly","hasDefault","default"}]}] — the parsed schema, so
// the JS API and the generated index.d.ts need no schema parser of their own.
std::string op_table_json();
// The boundary's constants as JSON, so the JS wrapper keeps no copies:
//   {"tags": {"None": 0, ...}, "expose": {"torch": 1, ...}, "dtypes": ["float32", ...],
//    "argSlots": 16384, "modules": [...], "optimizers": [...], "moduleSchemas": {...}}
std::string constants_json();

// Tensors.
int from_data(uintptr_t data, int n, uintptr_t shape, int ndim, int dtype, bool requires_grad);
int ndim(int h);
uintptr_t shape_ptr(int h);  // int64 dims, valid until the next call
int dtype(int h);
int numel(int h);
// A contiguous float64 (or the tensor's own float32/int64/bool) copy; returns its address; the
// copy lives until the next call.
uintptr_t data_ptr(int h, int as_dtype);
int grad(int h);  // new handle to .grad, or -1 when None
int set_grad(int h, int g);  // g = -1 clears
bool requires_grad(int h);
bool is_leaf(int h);
std::string grad_fn_name(int h);
int release(int h);  // frees the handle; 0, or -1 if it was not live
void release_many(const int32_t* handles, int n);  // release() of each
int dup(int h);      // a second handle to the same tensor
int same(int a, int b);     // 1 if handles a and b hold the same tensor (one TensorImpl), else 0
int grad_is(int h, int g);  // 1: h.grad is g's tensor; 0: another tensor; -1: h.grad is None
// PyTorch's repr: "tensor([1., 2.], requires_grad=True)" (engine/lang's tensor_repr).
std::string repr(int h);
int live_handles();
double storage_bytes();
int live_tensors();

// torch.nn modules and torch.optim optimizers behind integer ids (engine/nn, engine/optim).
// Constructor arguments come through the arg buffer like op arguments; tensors through handles.
int module_new(const std::string& cls, int argc);  // a module id, or -1 with last_error() set
int module_sequential(int argc);                    // args: module ids as ints
int module_forward(int id, int argc);               // args: tensors; result buffer: the output
int module_parameters(int id);                      // result buffer: a list of new handles
std::string module_info(int id);  // {"type", "repr", "training", "names": [qualified parameter names]}
int module_train(int id, bool mode);
int module_zero_grad(int id, bool set_to_none);
void module_free(int id);
int optim_new(const std::string& cls, int argc);    // args: [params list, *rest, **kw]
int optim_step(int id);
int optim_zero_grad(int id, bool set_to_none);
double optim_lr(int id);                            // NaN with last_error() set
int optim_set_lr(int id, double lr);
void optim_free(int id);

// Grad mode.
void set_grad_enabled(bool on);
bool grad_enabled();
void manual_seed(double seed);

// Scripts: the CLI's JSON (or {"error": {...}}).
std::string run(const std::string& source);
// Graph JSON with the backward steps of the script's last backward() ("steps").
std::string graph(const std::string& source, const std::string& var);
// Persistent interpreter sessions (the playground's training mode).
int session_new();
std::string session_exec(int id, const std::string& source);   // {"stdout": ...} or {"error": ...}
std::string session_tensor(int id, const std::string& name);   // {"tensor": {...} | null}
std::string session_graph(int id, const std::string& name);    // graph JSON or {"error": ...}
void session_free(int id);

// Finite-difference check of the last backward root's gradient w.r.t. a leaf variable.
std::string gradcheck(const std::string& source, const std::string& var);

}  // namespace tl::wasm
