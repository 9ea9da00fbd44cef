// The autograd surface around the engine: Tensor.register_hook and grad_fn.register_prehook (hooks
// stored on the tensor for leaves and on grad_fn for non-leaves, run by the engine), the _saved_*
// attributes of grad_fn nodes, Tensor.is_inference and torch.inference_mode, and the loader of the
// script-language prelude (prelude_autograd.cpp: torch.autograd.functional, gradcheck).
#include "engine/lang/interp.h"

namespace tl::lang::detail {

extern const char* const kPreludeAutograd;

Value Interp::autograd_prelude(const std::string& name) {
  if (!ag_ns_) {
    auto ns = std::make_shared<Scope>();
    ns->vars["_remove_hook"] = make_obj<BuiltinObj>(Bi::RemoveHook, "_remove_hook");
    ns->vars["_gc_get"] = make_obj<BuiltinObj>(Bi::GcGet, "_gc_get");
    ns->vars["_gc_set"] = make_obj<BuiltinObj>(Bi::GcSet, "_gc_set");
    NoGradGuard keep;  // the prelude only defines names; run it in a known grad mode
    EnableGradGuard on(true);
    InferenceModeGuard off(false);
    ScopeSwap swap(*this, ns);
    captured_.push_back(ns);
    exec_block(prelude_program(kPreludeAutograd).body);
    for (auto& [n, v] : ns->vars)
      if (auto c = as<ClassObj>(v, Tag::Class))
        const_cast<ClassObj*>(c)->module = n == "GradcheckError" ? "torch.autograd.gradcheck" : "torch.utils.hooks";
    ag_ns_ = ns;
  }
  if (name.empty()) return Value::none();
  auto it = ag_ns_->vars.find(name);
  return it == ag_ns_->vars.end() ? Value::none() : it->second;
}

namespace {

// PyTorch's saved-variable names of the nodes whose saved tensors scripts commonly inspect
// (torch/csrc/autograd/generated/Functions.h): saved slot i of our node -> "_saved_<name>".
// A node not listed exposes no _saved_* attribute (AttributeError, as for an unknown name).
struct SavedNames {
  const char* op;
  const char* names[3];
};
const SavedNames kSavedNames[] = {
    {"mul", {"self", "other"}},      {"div", {"self", "other"}},      {"pow.Tensor", {"self", "exponent"}},
    {"pow.Scalar", {"self"}},        {"exp", {"result"}},             {"sqrt", {"result"}},
    {"tanh", {"result"}},            {"sigmoid", {"result"}},         {"relu", {"result"}},
    {"log", {"self"}},               {"sin", {"self"}},               {"cos", {"self"}},
    {"abs", {"self"}},               {"erf", {"self"}},               {"mm", {"self", "mat2"}},
    {"bmm", {"self", "mat2"}},       {"maximum", {"self", "other"}},  {"minimum", {"self", "other"}},
    {"leaky_relu", {"self"}},        {"softplus", {"self"}},
};

const SavedNames* saved_names(const Node& n) {
  for (const SavedNames& s : kSavedNames)
    if (n.row->key == s.op || n.row->name == s.op) return &s;  // a key, or every overload
  return nullptr;
}

// A Python number for a double attribute (2.0 -> 2 when PyTorch's scalar was an int is not known
// here: integral values print as ints, which is what x.pow(2) shows).
Value scalar_value(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) return Value::integer(int64_t(v));
  return Value::number(v);
}

void remove_hook_from(std::shared_ptr<std::vector<GradHook>>& hooks, uint64_t id, Node* node) {
  if (!hooks) return;
  for (size_t k = 0; k < hooks->size(); ++k)
    if ((*hooks)[k].id == id) {
      if (node && node->retain_at > k) node->retain_at--;  // retain_grad stays after the same hooks
      // Copy on write: the engine may be iterating over the current list (a hook removing itself).
      auto copy = std::make_shared<std::vector<GradHook>>(*hooks);
      copy->erase(copy->begin() + long(k));
      hooks = std::move(copy);
      return;
    }
}

void add_hook(std::shared_ptr<std::vector<GradHook>>& hooks, GradHook h) {
  auto copy = hooks ? std::make_shared<std::vector<GradHook>>(*hooks) : std::make_shared<std::vector<GradHook>>();
  copy->push_back(std::move(h));
  hooks = std::move(copy);
}

}  // namespace

// Not inlined into Interp::call: script recursion runs through call(), whose frame size bounds
// the recursion depth the wasm stack allows.
__attribute__((noinline)) Value Interp::call_user_positioned(const UserFnObj& f, std::vector<Value>& pos, Kw& kw,
                                                             Pos at) {
  // A prelude function: defined in the prelude's namespace, or nested in one (closure chain).
  bool prelude = false;
  int hops = 0;
  for (const Scope* s = f.closure.get(); s && hops < 64 && !prelude; s = s->parent.get(), ++hops)
    prelude = s == ag_ns_.get();
  if (prelude == in_prelude_) return call_user(f, pos, kw, at);  // same side of the boundary
  const bool was = in_prelude_;
  in_prelude_ = prelude;
  if (prelude) error_from_script_ = false;
  try {
    Value r = call_user(f, pos, kw, at);
    in_prelude_ = was;
    return r;
  } catch (const LimitError&) {
    in_prelude_ = was;
    throw;
  } catch (const ScriptError& e) {
    in_prelude_ = was;
    if (!prelude) {  // a script callback failed: its position stands
      error_from_script_ = true;
      throw;
    }
    if (error_from_script_) throw;
    if (auto pe = dynamic_cast<const PyException*>(&e)) throw PyException(at, pe->message(), pe->exc);
    throw ScriptError(at.line, at.col, e.message());
  }
}

// A function decorated with @torch.inference_mode(mode) (setter: the mode as an int). Not inlined
// into Interp::call, for the same reason as call_user_positioned.
__attribute__((noinline)) Value Interp::call_inference_wrapped(const WrapperObj& w, std::vector<Value>& pos, Kw& kw,
                                                               Pos at) {
  InferenceModeGuard inf(w.setter.i != 0);
  EnableGradGuard guard(w.setter.i ? false : grad_enabled());
  return call(w.fn, pos, kw, at);
}

bool Interp::autograd_attr(const Value& obj, const std::string& name, Pos at, Value& out) {
  if (obj.kind == K::Tensor) {
    if (name != "register_hook" && name != "is_inference") return false;
    out = make_obj<MethodObj>(obj, name);
    return true;
  }
  auto g = as<GradFnObj>(obj, Tag::GradFn);
  if (!g) return false;
  Node& n = *g->node;
  if (name == "register_hook" || name == "register_prehook") {
    out = make_obj<MethodObj>(obj, name);
    return true;
  }
  if (name == "metadata") {
    out = make_obj<DictObj>();
    return true;
  }
  if (name == "requires_grad") {
    out = Value::boolean(true);
    return true;
  }
  if (name.rfind("_saved_", 0) != 0 || n.is_accumulate()) return false;
  const std::string what = name.substr(7);
  const SavedNames* sn = saved_names(n);
  if (!sn) return false;
  if (n.row->key == "pow.Scalar" && what == "exponent") {
    out = scalar_value(n.attrs().f0);
    return true;
  }
  if (n.row->name == "leaky_relu" && what == "negative_slope") {
    out = Value::number(n.attrs().f0);
    return true;
  }
  for (size_t i = 0; i < 3 && sn->names[i]; ++i)
    if (what == sn->names[i] && i < n.saved.size()) {
      Tensor t = at_pos(at, [&] { return n.saved_tensor(i); });
      out = t.defined() ? Value::tensor(t) : Value::none();
      return true;
    }
  return false;
}

bool Interp::autograd_method(const MethodObj& m, std::vector<Value>& pos, Kw& kw, Pos at, Value& out) {
  const std::string& n = m.name;
  auto g = as<GradFnObj>(m.self, Tag::GradFn);
  const bool tensor = m.self.kind == K::Tensor;
  if (!(tensor && (n == "register_hook" || n == "is_inference")) && !(g && (n == "register_hook" || n == "register_prehook")))
    return false;
  no_kw(n.c_str(), kw, at);
  if (n == "is_inference") {
    nargs(n.c_str(), pos, 0, 0, at);
    out = Value::boolean(m.self.t.impl()->is_inference);
    return true;
  }
  nargs(n.c_str(), pos, 1, 1, at);
  const Value fn = pos[0];
  {
    std::vector<Value> one{fn};
    Kw none;
    if (!call_builtin2(Bi::Callable, "callable", one, none, at).b)
      fail(at, "TypeError: " + n + "(): the hook must be callable, not " + fn.type_name());
  }
  if (g && n == "register_hook")
    fail(at, "NotImplementedError: tensorlens supports grad_fn.register_prehook and Tensor.register_hook; "
             "grad_fn.register_hook (a hook on the grad_inputs) is not supported");
  // The hook gets the gradient (register_prehook: a one-tuple of it) and may return a replacement.
  const bool pre = n == "register_prehook";
  GradHook h;
  h.id = next_hook_id();
  h.fn = [fn, pre, at](const Tensor& grad) -> Tensor {
    Interp* in = current_interp();
    TL_CHECK(in, "register_hook: the script that registered the hook has ended");
    std::vector<Value> args{pre ? Value::tuple({Value::tensor(grad)}) : Value::tensor(grad)};
    Kw none;
    Value r = in->call(fn, args, none, at);
    if (pre && r.kind == K::Tuple) {
      if (r.items->size() != 1)
        fail(at, "RuntimeError: hook 'hook' has returned an incorrect number of values (got " +
                     std::to_string(r.items->size()) + ", but expected 1)");
      Value first = (*r.items)[0];  // copied out first: assigning r releases the tuple it lives in
      r = first;
    }
    if (r.is_none()) return Tensor();
    if (r.kind != K::Tensor) fail(at, "TypeError: expected Variable or None (got " + r.type_name() + ")");
    return r.t;
  };
  const uint64_t id = h.id;
  if (g) {
    add_hook(g->node->pre_hooks, std::move(h));
  } else {
    Tensor t = m.self.t;
    if (!t.requires_grad()) fail(at, "RuntimeError: cannot register a hook on a tensor that doesn't require gradient");
    if (t.is_leaf()) add_hook(t.impl()->hooks, std::move(h));
    else add_hook(t.grad_fn()->pre_hooks, std::move(h));
  }
  std::vector<Value> args{m.self, Value::integer(int64_t(id))};
  Kw none;
  out = call(autograd_prelude("RemovableHandle"), args, none, at);
  return true;
}

Value Interp::call_autograd_extra(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at) {
  switch (id) {
    case Bi::InferenceMode: {  // torch.inference_mode(mode=True): a context manager and a decorator
      Value mode = Value::boolean(true);
      if (!kw.empty() && kw[0].first == "mode" && pos.empty() && kw.size() == 1) mode = kw[0].second;
      else if (kw.empty() && pos.size() == 1) mode = pos[0];
      else if (!kw.empty() || pos.size() > 1) fail(at, "TypeError: inference_mode() takes 1 optional argument (mode)");
      if (mode.kind != K::Bool) fail(at, "TypeError: inference_mode(): mode must be a bool, not " + mode.type_name());
      auto g = std::make_shared<GradModeObj>(Tag::GradMode, !mode.b);
      g->inference = mode.b ? 1 : 0;
      return Value::object(g);
    }
    case Bi::IsInferenceModeEnabled:
      no_kw(name, kw, at);
      nargs(name, pos, 0, 0, at);
      return Value::boolean(inference_mode());
    case Bi::RemoveHook: {  // _remove_hook(tensor or grad_fn, id)
      nargs(name, pos, 2, 2, at);
      const uint64_t hid = uint64_t(pos[1].i);
      if (pos[0].kind == K::Tensor) {
        TensorImpl* t = pos[0].t.impl();
        remove_hook_from(t->hooks, hid, nullptr);
        if (t->grad_fn) remove_hook_from(t->grad_fn->pre_hooks, hid, t->grad_fn.get());
      } else if (auto g = as<GradFnObj>(pos[0], Tag::GradFn)) {
        remove_hook_from(g->node->pre_hooks, hid, g->node.get());
      }
      return Value::none();
    }
    case Bi::GcGet:  // _gc_get(x, k): element k of x (row-major) as a Python float
    case Bi::GcSet: {  // _gc_set(x, k, orig, d): element k = orig + d computed in x's dtype
      nargs(name, pos, id == Bi::GcGet ? 2 : 4, id == Bi::GcGet ? 2 : 4, at);
      if (pos[0].kind != K::Tensor) fail(at, std::string("TypeError: ") + name + "(): expected a Tensor");
      Tensor x = pos[0].t;
      const int64_t k = to_index(pos[1], at);
      if (!is_floating(x.dtype()) || k < 0 || k >= x.numel())
        fail(at, "RuntimeError: gradcheck: inputs that require grad must be floating point tensors");
      // The element's address under x's strides (x may be a non-contiguous view).
      int64_t off = 0, rem = k;
      for (int d = x.dim() - 1; d >= 0; --d) {
        off += (rem % x.shape()[d]) * x.strides()[size_t(d)];
        rem /= x.shape()[d];
      }
      double result = 0;
      TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
        T* p = x.impl()->data<T>() + off;
        // Written like PyTorch's gradcheck writes through .data: the version counter is not bumped,
        // so graphs that saved x stay usable.
        if (id == Bi::GcGet) result = double(*p);
        else *p = T(T(to_double(pos[2], at)) + T(to_double(pos[3], at)));
      });
      return id == Bi::GcGet ? Value::number(result) : Value::none();
    }
    default: break;
  }
  fail(at, std::string("TypeError: ") + name + "() is not callable");
}

}  // namespace tl::lang::detail
