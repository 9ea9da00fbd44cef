// The script interpreter: runs a parsed program (a strict subset of PyTorch's Python API) on the
// engine. Tensor functions and methods are resolved through the op table (op_table.h); the
// interpreter itself knows only the language, Python's builtins, and the few torch names that
// are not ops (dtypes, no_grad/enable_grad, torch.autograd, tensor attributes).
//
//   tl::lang::RunResult r = tl::lang::run_script(source);   // throws SyntaxError / ScriptError
//   std::cout << tl::lang::result_to_json(r);
//
// Every runtime failure is a ScriptError carrying the line/column of the most specific expression
// that failed (the operator of `a @ b`, the callee of a call, the attribute name of `x.foo`, the
// name of an undefined variable). Engine messages pass through unchanged; errors raised by the
// interpreter itself start with Python's exception name ("NameError: name 'x' is not defined").
//
// Resource limits (RunOptions) end runaway scripts with a ScriptError, never a crash or hang:
// executed statements (and loop/comprehension iterations), elements per tensor, bytes of tensor
// storage alive during the run, user function recursion depth, container nesting/length, stdout.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/autograd/engine.h"
#include "engine/autograd/node.h"
#include "engine/core/error.h"
#include "engine/core/tensor.h"
#include "engine/lang/ast.h"

namespace tl::lang {

class ScriptError : public tl::Error {
 public:
  ScriptError(int line, int col, const std::string& msg)
      : tl::Error(std::to_string(line) + ":" + std::to_string(col) + ": " + msg), line(line), col(col), msg_(msg) {}
  const std::string& message() const { return msg_; }
  int line;
  int col;

 private:
  std::string msg_;
};

struct RunOptions {
  // Executed statements + loop iterations per run. Only for endless loops (the playground's worker
  // watchdog stops a long run after 10 s anyway): legitimate pure-Python scripts run millions of
  // statements (micrograd's demo ~1M), a script CPython runs in seconds ~10^8; natively this budget
  // lasts ~1-3 minutes of the interpreter's fastest loops.
  int64_t max_statements = 1000000000;
  int64_t max_tensor_elements = int64_t(1) << 26;  // per tensor (engine's set_max_elements)
  int64_t max_live_bytes = int64_t(1) << 29;  // tensor storage alive beyond what existed before the run
                                              // (512 MiB = 2^27 float32 elements)
  int max_call_depth = 1000;                  // nested calls of user `def` functions (CPython: 1000)
  int64_t max_container_len = int64_t(1) << 20;  // elements of one list/tuple/str/dict
  int max_container_depth = 100;              // nesting of lists/tuples/dicts
  int64_t max_stdout_bytes = int64_t(1) << 20;
  ParseLimits parse_limits;
  // Record what each step of backward did (RunResult::backward_trace) for the playground.
  bool trace_backward = false;
  // torch.get_default_dtype() at the start of the run (gradcheck re-runs scripts in float64).
  DType default_dtype = DType::Float32;
  // Called whenever a variable is bound to a tensor (gradcheck perturbs a leaf here).
  std::function<void(const std::string& name, Tensor& t)> on_bind;
};

struct RunResult {
  std::string stdout_text;
  // Every global variable bound to a tensor at the end, in first-binding order.
  std::vector<std::pair<std::string, Tensor>> tensors;
  // Parameters of the nn modules and optimizers bound to global variables at the end, so that a
  // graph drawn after the run still finds them (autograd holds leaves weakly) with their
  // qualified names ("0.weight") and grads. Not reported as variables.
  std::vector<Tensor> module_parameters;
  Tensor backward_root;        // the tensor backward() was last called on (undefined if none)
  std::string last_assigned;   // the variable that was last assigned a tensor
  Tensor last_assigned_tensor;  // ... and that tensor
  // Every tensor ever assigned to a variable, for graph labels: the variable name (later
  // bindings win), the grad_fn it had then (if any), a weak handle to the value (for previews
  // while it is alive) and the position of the assigned expression. Weak, so a finished run
  // keeps no graph alive beyond its variables; entries whose tensor and node are gone are pruned.
  struct Binding {
    std::weak_ptr<Node> node;
    std::weak_ptr<TensorImpl> tensor;
    std::string name;
    int line = 0, col = 0;
    // The nn.Module call the binding happened in (a local of a forward), for the graph's
    // clusters; set when the binding is made (null: the script or a plain function).
    std::shared_ptr<const ModuleScope> module = current_module_scope();
  };
  std::vector<Binding> bindings;
  int64_t statements_executed = 0;
  // With RunOptions::trace_backward: the steps of the last backward() of the run.
  std::vector<autograd::TraceStep> backward_trace;

  const Tensor* find(const std::string& name) const;  // a final tensor variable, or null
};

// Parses and runs a script. Throws SyntaxError (parse) or ScriptError (run).
RunResult run_script(const std::string& source, const RunOptions& options = {});

// Like run_script, but fills `out` as far as the run got (stdout printed before an error is
// kept) and returns false with the error's position and message instead of throwing.
struct ScriptFailure {
  int line = 0, col = 0;
  std::string message;
};
bool try_run_script(const std::string& source, const RunOptions& options, RunResult& out, ScriptFailure& err);

// A persistent interpreter (the playground's training mode): globals survive between exec()
// calls; each call gets the statement budget of RunOptions. Programs are kept alive because
// functions defined in them point into their syntax trees.
class Session {
 public:
  explicit Session(const RunOptions& options = {});
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  // Runs more statements; returns what they printed. Throws SyntaxError / ScriptError.
  std::string exec(const std::string& source);
  // A global tensor variable (undefined when there is none).
  Tensor tensor(const std::string& name) const;
  // A result holding one variable, for graph_json / result_to_json.
  RunResult snapshot(const std::string& name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The CLI JSON of DESIGN.md:
//   {"tensors": {"NAME": {"shape": [2, 2], "dtype": "float32", "requires_grad": true,
//                         "data": [1.0, 2.0, 3.0, 4.0], "grad": [...] | null}}, "stdout": "..."}
// data/grad flat and row-major; non-finite numbers as "nan"/"inf"/"-inf"; bool tensors as
// true/false; int64 as integers. filled_grads: "grad" only where PyTorch fills it (a leaf's, a
// retain_grad() tensor's; not the stale field of a tensor an in-place op made a non-leaf), as the
// differential fuzzer's oracle reads it.
std::string result_to_json(const RunResult& r, bool filled_grads = false);
// {"error": {"message": "...", "line": L, "col": C}}
std::string error_to_json(const std::string& message, int line, int col);
// Python's exception type of an error message: interpreter and engine messages that are not
// PyTorch's RuntimeError start with their type ("IndexError: ..."); any other is "RuntimeError".
std::string exception_type(const std::string& message);
// "TypeName: message" (the message itself when it already starts with its type).
std::string with_exception_type(const std::string& message);

// PyTorch's repr of a tensor: "tensor([1., 2.], requires_grad=True)", "tensor(3.5000, grad_fn=<MulBackward0>)".
std::string tensor_repr(const Tensor& t);

}  // namespace tl::lang
