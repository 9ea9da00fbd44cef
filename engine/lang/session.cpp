// The entry points of interpreter.h: run_script, try_run_script, Session.
#include "engine/lang/interp.h"
#include "engine/ops/ops.h"

namespace tl::lang {

using namespace detail;

const Tensor* RunResult::find(const std::string& name) const {
  for (const auto& [n, t] : tensors)
    if (n == name) return &t;
  return nullptr;
}

namespace {

// Restores process-wide engine state (allocation cap, grad mode, source position) after a run.
// Each run starts from a clean default state (a previous script's torch.set_default_dtype or
// no_grad does not leak into the next) and leaves the caller's state as it found it.
struct EngineStateGuard {
  int64_t max_el;
  bool grad;
  DType dtype;
  explicit EngineStateGuard(const RunOptions& o)
      : max_el(max_elements()), grad(grad_enabled()), dtype(default_float_dtype()) {
    set_max_elements(o.max_tensor_elements);
    set_grad_enabled(true);
    set_default_float_dtype(o.default_dtype);
    print_options() = PrintOptions();
    set_source_pos(0, 0);
    autograd::set_trace_enabled(o.trace_backward);
    // Graph export runs keep the ops' outputs (previews of unnamed intermediates), 64 MiB at most.
    set_keep_outputs(o.trace_backward ? int64_t(64) << 20 : 0);
  }
  ~EngineStateGuard() {
    autograd::release_grad_graphs();  // no create_graph cycle outlives the run
    set_max_elements(max_el);
    set_grad_enabled(grad);
    set_default_float_dtype(dtype);
    set_source_pos(0, 0);
    autograd::set_trace_enabled(false);
    set_keep_outputs(0);
  }
};

void take_trace(const RunOptions& o, RunResult& r) {
  if (o.trace_backward) r.backward_trace = autograd::last_backward_trace();
}

}  // namespace

bool try_run_script(const std::string& source, const RunOptions& options, RunResult& out, ScriptFailure& err) {
  try {
    Program prog = parse(source, options.parse_limits);
    EngineStateGuard guard(options);
    Interp in(options, out);
    in.run(prog);
    take_trace(options, out);
    return true;
  } catch (const ScriptError& e) {
    err = {e.line, e.col, e.message()};
  } catch (const SyntaxError& e) {
    err = {e.line, e.col, "SyntaxError: " + e.message()};
  } catch (const tl::Error& e) {
    err = {1, 1, e.what()};
  } catch (const std::bad_alloc&) {
    err = {1, 1, "MemoryError: out of memory"};
  } catch (const std::exception& e) {
    err = {1, 1, std::string("internal error: ") + e.what()};
  }
  return false;
}

struct Session::Impl {
  RunOptions options;
  RunResult result;
  std::vector<std::unique_ptr<Program>> programs;  // user functions point into their ASTs
  std::unique_ptr<Interp> interp;
};

Session::Session(const RunOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->interp = std::make_unique<Interp>(impl_->options, impl_->result);
}
Session::~Session() {
  impl_->interp.reset();
  autograd::release_grad_graphs();
}

std::string Session::exec(const std::string& source) {
  // Kept before running: functions and classes defined before a failing statement stay callable
  // and point into this syntax tree.
  impl_->programs.push_back(std::make_unique<Program>(parse(source, impl_->options.parse_limits)));
  const Program& prog = *impl_->programs.back();
  impl_->result.stdout_text.clear();
  // This session's interpreter is the current one while it runs (reprs of its objects call back
  // into it), whichever interpreter was made last.
  struct Current {
    Interp* saved;
    explicit Current(Interp* in) : saved(current_interp()) { current_interp() = in; }
    ~Current() { current_interp() = saved; }
  } current(impl_->interp.get());
  EngineStateGuard guard(impl_->options);
  impl_->interp->exec_more(prog);
  take_trace(impl_->options, impl_->result);
  return impl_->result.stdout_text;
}

Tensor Session::tensor(const std::string& name) const {
  const Value* v = impl_->interp->global(name);
  return v && v->kind == Value::Kind::Tensor ? v->t : Tensor();
}

RunResult Session::snapshot(const std::string& name) const {
  RunResult r = impl_->result;
  r.tensors.clear();
  Tensor t = tensor(name);
  TL_CHECK(t.defined(), "no tensor variable named '", name, "'");
  r.tensors.emplace_back(name, t);
  r.backward_root = Tensor();
  r.last_assigned = name;
  r.last_assigned_tensor = t;
  return r;
}

RunResult run_script(const std::string& source, const RunOptions& options) {
  RunResult r;
  Program prog = parse(source, options.parse_limits);
  EngineStateGuard guard(options);
  Interp in(options, r);
  in.run(prog);
  take_trace(options, r);
  return r;
}

}  // namespace tl::lang
