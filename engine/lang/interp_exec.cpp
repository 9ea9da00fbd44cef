// Statements, assignment, names and scopes, resource checks.
#include "engine/lang/interp.h"
#include "engine/lang/numpy.h"

namespace tl::lang::detail {

void Interp::run(const Program& prog) {
  try {
    Flow f = exec_block(prog.body);
    (void)f;  // break/continue/return outside their constructs are refused where they run
  } catch (const ScriptError& e) {
    // sys.exit() / sys.exit(0) / raise SystemExit: the script ends there, successfully (CPython
    // exits with status 0); any other status stays an error.
    const std::string& m = e.message();
    if (m != "SystemExit" && m != "SystemExit: " && m != "SystemExit: None" && m != "SystemExit: 0") throw;
  }
  for (const std::string& name : order_) {
    auto it = globals_->vars.find(name);
    if (it == globals_->vars.end()) continue;
    if (it->second.kind == K::Tensor) res_.tensors.emplace_back(name, it->second.t);
    std::vector<Tensor> ps;
    if (auto m = as<NNModuleObj>(it->second, Tag::NNModule)) ps = m->m->parameters();
    if (auto o = as<OptimizerObj>(it->second, Tag::Optimizer))
      for (size_t g = 0; g < o->num_groups(); ++g) ps.insert(ps.end(), o->group(g).params().begin(), o->group(g).params().end());
    res_.module_parameters.insert(res_.module_parameters.end(), ps.begin(), ps.end());
  }
  res_.statements_executed = steps_;
}

void Interp::exec_more(const Program& prog) {
  steps_ = 0;
  scope_ = globals_.get();
  scope_owner_.reset();
  exec_block(prog.body);
}

const Value* Interp::global(const std::string& name) const {
  auto it = globals_->vars.find(name);
  return it == globals_->vars.end() ? nullptr : &it->second;
}

void Interp::check_memory(Pos at) {
  const int64_t live = stats().storage_bytes - base_bytes_;
  if (live > opt_.max_live_bytes)
    throw LimitError(at.line, at.col, "MemoryError: tensors alive in this run hold " + std::to_string(live) +
                 " bytes, over the limit of " + std::to_string(opt_.max_live_bytes) + " bytes");
}

void Interp::tick(Pos at) {
  if (++steps_ > opt_.max_statements)
    throw LimitError(at.line, at.col, "statement limit exceeded: the script ran more than " + std::to_string(opt_.max_statements) +
                 " statements (an endless loop?)");
}

// A device argument: torch.device or a string naming one. Everything runs on the CPU; CUDA is
// PyTorch's error for a build without it.
bool Interp::device_arg(const Value& v, Pos at) {
  std::string type;
  if (auto d = as<DeviceObj>(v, Tag::Device)) type = d->type;
  else if (v.kind == K::Str && (v.s == "cpu" || v.s.rfind("cuda", 0) == 0 || v.s == "mps")) type = v.s.substr(0, v.s.find(':'));
  else return false;
  if (type != "cpu") fail(at, type == "cuda" ? "AssertionError: Torch not compiled with CUDA enabled"
                                             : "RuntimeError: tensorlens runs on the CPU only (device '" + type + "')");
  return true;
}

Value Interp::call_table(const std::string& name, unsigned where, const std::vector<Value>& pos0, const Kw& kw0, Pos at) {
  // device= / non_blocking= / pin_memory= are accepted for the CPU and dropped; x.to(device)
  // with nothing else to change is x itself, as in PyTorch.
  const std::vector<Value>* pos = &pos0;
  const Kw* kw = &kw0;
  std::vector<Value> p2;
  Kw k2;
  bool strip = false;
  auto special = [](const std::string& k) {
    return k == "device" || k == "non_blocking" || k == "pin_memory" || k == "generator" || k == "out" || k == "axis" ||
           k == "keepdims";
  };
  for (const auto& [k, v] : kw0) strip = strip || special(k);
  TorchGeneratorObj* gen = nullptr;  // generator=: this call draws from it instead of the default
  Value out_arg;                     // out=: the result is written into this tensor
  if (name == "to")
    for (const Value& v : pos0) strip = strip || as<DeviceObj>(v, Tag::Device) || v.kind == K::Str;
  if (strip) {
    for (const auto& [k, v] : kw0) {
      if (k == "device" && !v.is_none() && !device_arg(v, at)) fail(at, "TypeError: " + name + "(): device must be a torch.device or a string, not " + v.type_name());
      if (k == "generator" && !v.is_none()) {
        gen = const_cast<TorchGeneratorObj*>(as<TorchGeneratorObj>(v, Tag::RngGen));
        if (!gen) fail(at, "TypeError: " + name + "(): argument 'generator' must be torch.Generator, not " + v.type_name());
      }
      if (k == "out" && !v.is_none()) {
        if (v.kind != K::Tensor) fail(at, "TypeError: " + name + "(): argument 'out' must be Tensor, not " + v.type_name());
        out_arg = v;
      }
      // numpy-style aliases PyTorch accepts: axis= for dim=, keepdims= for keepdim=.
      if (k == "axis" || k == "keepdims") k2.emplace_back(k == "axis" ? "dim" : "keepdim", v);
      else if (!special(k)) k2.emplace_back(k, v);
    }
    for (size_t i = 0; i < pos0.size(); ++i)
      if (!(name == "to" && i > 0 && device_arg(pos0[i], at))) p2.push_back(pos0[i]);
    if (name == "to" && p2.size() == 1 && k2.empty() && p2[0].kind == K::Tensor) return p2[0];
    pos = &p2, kw = &k2;
  }
  Value r = at_pos(at, [&] {
    SourcePosGuard sp(at.line, at.col);
    if (!gen) return call_op(name, where, *pos, *kw);
    std::swap(default_generator(), gen->g);  // swapped back on every exit
    struct Back {
      Generator& a;
      Generator& b;
      ~Back() { std::swap(a, b); }
    } back{default_generator(), gen->g};
    return call_op(name, where, *pos, *kw);
  });
  if (out_arg.kind == K::Tensor) r = write_out(name, out_arg, r, at);
  check_memory(at);
  return r;
}

Value Interp::call1(const char* name, unsigned where, std::vector<Value> pos, Pos at) { return call_table(name, where, pos, {}, at); }

void Interp::check_len(int64_t n, Pos at) {
  if (n > opt_.max_container_len)
    fail(at, "MemoryError: a list, tuple or string of " + std::to_string(n) + " elements is over the limit of " +
                 std::to_string(opt_.max_container_len));
}

void Interp::check_insert(const Value& elem, const void* container, Pos at) {
  auto children = [](const Value& v, std::vector<const Value*>& out, const void*& id) {
    id = nullptr;
    if (v.is_seq()) {
      id = v.items.get();
      for (const Value& c : *v.items) out.push_back(&c);
    } else if (auto d = as<DictObj>(v, Tag::Dict)) {
      id = d;
      for (const auto& kv : d->items) out.push_back(&kv.first), out.push_back(&kv.second);
    }
  };
  std::vector<std::pair<const Value*, int>> stack{{&elem, 2}};
  std::vector<const Value*> kids;
  while (!stack.empty()) {
    auto [v, depth] = stack.back();
    stack.pop_back();
    kids.clear();
    const void* id;
    children(*v, kids, id);
    if (!id) continue;
    if (container && id == container) fail(at, "ValueError: a list or dict cannot contain itself");
    if (depth > opt_.max_container_depth)
      fail(at, "RecursionError: lists nested more than " + std::to_string(opt_.max_container_depth) +
                   " levels deep are not supported");
    for (const Value* k : kids)
      if (k->is_seq() || k->kind == K::Object) stack.emplace_back(k, depth + 1);
  }
}

Value Interp::make_seq(K kind, std::vector<Value> items, Pos at) {
  check_len(int64_t(items.size()), at);
  for (const Value& v : items)
    if (v.is_seq() || v.kind == K::Object) check_insert(v, nullptr, at);
  return kind == K::List ? Value::list(std::move(items)) : Value::tuple(std::move(items));
}

Value* Interp::find_var(const std::string& name) {
  for (Scope* s = scope_; s;) {
    auto it = s->vars.find(name);
    if (it != s->vars.end()) return &it->second;
    if (s == globals_.get()) break;
    s = s->parent ? s->parent.get() : globals_.get();
  }
  return nullptr;
}

Value Interp::lookup(const Expr* e) {
  if (Value* v = find_var(e->name)) return *v;
  Value b = builtin(e->name);
  if (!b.is_none()) return b;
  if (e->name == "None") return Value::none();
  if (e->name == "Ellipsis") return make_obj<EllipsisObj>();  // `is` treats every EllipsisObj as one
  if (e->name == "NotImplemented") {
    static const Value ni = make_obj<NotImplObj>();
    return ni;
  }
  if (e->name != "Module" && e->name != "Function")
    if (auto c = builtin_class(e->name)) return Value::object(c);
  fail(e->span.start(), "NameError: name '" + e->name + "' is not defined");
}

Value Interp::builtin(const std::string& n) {
  static const std::unordered_map<std::string, Value> table = [] {
    std::unordered_map<std::string, Value> m;
    const std::pair<const char*, Bi> list[] = {
        {"print", Bi::Print}, {"len", Bi::Len},     {"range", Bi::Range},       {"float", Bi::Float},
        {"int", Bi::Int},     {"bool", Bi::Bool},   {"str", Bi::Str},           {"repr", Bi::Repr},
        {"abs", Bi::Abs},     {"min", Bi::Min},     {"max", Bi::Max},           {"sum", Bi::Sum},
        {"round", Bi::Round}, {"list", Bi::List},   {"tuple", Bi::Tuple},       {"enumerate", Bi::Enumerate},
        {"zip", Bi::Zip},     {"isinstance", Bi::Isinstance}, {"sorted", Bi::Sorted},
        {"reversed", Bi::Reversed}, {"any", Bi::Any}, {"all", Bi::All}, {"dict", Bi::Dict}, {"set", Bi::Set},
        {"type", Bi::Type}, {"id", Bi::Id}, {"hasattr", Bi::Hasattr}, {"getattr", Bi::Getattr},
        {"setattr", Bi::Setattr}, {"delattr", Bi::Delattr}, {"callable", Bi::Callable}, {"iter", Bi::Iter},
        {"next", Bi::Next}, {"map", Bi::Map}, {"filter", Bi::Filter}, {"divmod", Bi::Divmod}, {"pow", Bi::Pow},
        {"chr", Bi::Chr}, {"ord", Bi::Ord}, {"hash", Bi::Hash}, {"issubclass", Bi::Issubclass},
        {"super", Bi::Super}, {"staticmethod", Bi::Staticmethod}, {"classmethod", Bi::Classmethod},
        {"property", Bi::Property}, {"format", Bi::Format}, {"vars", Bi::Vars}, {"frozenset", Bi::Set}};
    for (const auto& [name, id] : list) m[name] = make_obj<BuiltinObj>(id, name);
    return m;
  }();
  auto it = table.find(n);
  return it == table.end() ? Value::none() : it->second;
}

void Interp::bind(const std::string& name, const Value& v0) {
  Value v = v0;
  if (opt_.on_bind && v.kind == K::Tensor && v.t.defined()) opt_.on_bind(name, v.t);
  Scope* target = scope_;
  if (scope_ != globals_.get() && !scope_->globals.empty() &&
      std::find(scope_->globals.begin(), scope_->globals.end(), name) != scope_->globals.end())
    target = globals_.get();
  if (scope_ != globals_.get() && !scope_->nonlocals.empty() &&
      std::find(scope_->nonlocals.begin(), scope_->nonlocals.end(), name) != scope_->nonlocals.end()) {
    for (Scope* p = scope_->parent.get(); p; p = p->parent.get())
      if (p->vars.count(name)) {
        target = p;
        break;
      }
  }
  auto [it, inserted] = target->vars.insert_or_assign(name, v);
  (void)it;
  if (inserted && target == globals_.get()) order_.push_back(name);
  if (inserted && target->order) target->order->push_back(name);
  if (v.kind == K::Tensor && v.t.defined()) note_tensor(name, v.t);
}

void Interp::note_tensor(const std::string& name, const Tensor& t) {
  t.impl()->name = name;
  res_.last_assigned = name;
  res_.last_assigned_tensor = t;
  // (the stored grad_fn: naming a tensor regenerates no stale view's history, as in PyTorch)
  res_.bindings.push_back({t.impl()->grad_fn, t.impl_ptr(), name, bind_pos_.line, bind_pos_.col});
  if (res_.bindings.size() > 2 * bindings_pruned_at_) {  // drop entries whose graph is gone
    auto& b = res_.bindings;
    b.erase(std::remove_if(b.begin(), b.end(),
                           [](const RunResult::Binding& x) { return x.node.expired() && x.tensor.expired(); }),
            b.end());
    bindings_pruned_at_ = std::max<size_t>(1024, b.size());
  }
}

Flow Interp::exec_block(const std::vector<Stmt*>& body) {
  for (const Stmt* s : body) {
    Flow f = exec(s);
    if (f != Flow::Normal) return f;
  }
  return Flow::Normal;
}

Flow Interp::exec(const Stmt* s) {
  const Pos sp = s->span.start();
  tick(sp);
  DepthGuard dg(eval_depth_, sp, stack_limit_);
  bind_pos_ = sp;
  switch (s->kind) {
    case StmtKind::Expr: eval(s->value); break;
    case StmtKind::Assign: {
      const Pos vp = s->value->kind == ExprKind::Call ? call_pos(s->value) : s->value->op_pos;
      Value v = eval(s->value);
      bind_pos_ = vp;  // after eval: a called function may have moved it
      for (const Expr* t : s->targets) assign(t, v, s->op_pos);
      break;
    }
    case StmtKind::AugAssign: aug_assign(s); break;
    case StmtKind::For: return exec_for(s);
    case StmtKind::While: {
      for (;;) {
        if (!truthy(eval(s->test), s->test->span.start())) {
          if (exec_block(s->orelse) == Flow::Return) return Flow::Return;
          break;
        }
        Flow f = exec_block(s->body);
        if (f == Flow::Break) break;
        if (f == Flow::Return) return f;
        tick(sp);  // an iteration counts, so even `while True: continue` ends
      }
      break;
    }
    case StmtKind::If: {
      // elif chains are walked in a loop, not by recursion.
      const Stmt* cur = s;
      for (;;) {
        if (truthy(eval(cur->test), cur->test->span.start())) return exec_block(cur->body);
        if (cur->orelse.size() == 1 && cur->orelse[0]->kind == StmtKind::If) {
          cur = cur->orelse[0];
          tick(cur->span.start());
          continue;
        }
        return exec_block(cur->orelse);
      }
    }
    case StmtKind::With: return exec_with(s);
    case StmtKind::Def: {
      Value fn = apply_decorators(s, make_user_fn(s));
      bind_pos_ = sp;
      bind(s->name, fn);
      break;
    }
    case StmtKind::ClassDef: return exec_class(s);
    case StmtKind::Try: return exec_try(s);
    case StmtKind::Raise: exec_raise(s); break;
    case StmtKind::Assert: {
      if (!truthy(eval(s->test), s->test->span.start())) {
        std::vector<Value> args;
        if (s->value) args.push_back(eval(s->value));
        Value exc = make_exception("AssertionError", args);
        const std::string text = args.empty() ? "" : str_of(args[0]);
        throw PyException(sp, text.empty() ? "AssertionError" : "AssertionError: " + text, exc);
      }
      break;
    }
    case StmtKind::Delete:
      for (const Expr* t : s->targets) exec_delete(t, sp);
      break;
    case StmtKind::Global:
    case StmtKind::Nonlocal:
      if (scope_ != globals_.get())
        for (const Alias& a : s->names) {
          if (s->kind == StmtKind::Nonlocal) {
            bool found = false;
            for (Scope* p = scope_->parent.get(); p && !found; p = p->parent.get()) found = p->vars.count(a.name) > 0;
            if (!found) fail(a.span.start(), "SyntaxError: no binding for nonlocal '" + a.name + "' found");
          }
          (s->kind == StmtKind::Global ? scope_->globals : scope_->nonlocals).push_back(a.name);
        }
      break;
    case StmtKind::Return:
      if (call_depth_ == 0) fail(sp, "SyntaxError: 'return' outside function");
      ret_ = s->value ? eval(s->value) : Value::none();
      return Flow::Return;
    case StmtKind::Pass: break;
    case StmtKind::Break: return Flow::Break;
    case StmtKind::Continue: return Flow::Continue;
    case StmtKind::Import: exec_import(s); break;
  }
  check_memory(sp);
  return Flow::Normal;
}

Flow Interp::exec_for(const Stmt* s) {
  Value seq = eval(s->iter);
  std::unique_ptr<Iter> it = make_iter(seq, s->iter->span.start());
  Value v;
  const Pos sp = s->span.start();
  bool first = true;
  while (it->next(v)) {
    if (!first) tick(sp);
    first = false;
    assign(s->target, v, s->target->span.start());
    Flow f = exec_block(s->body);
    if (f == Flow::Break) return Flow::Normal;
    if (f == Flow::Return) return f;
  }
  return exec_block(s->orelse) == Flow::Return ? Flow::Return : Flow::Normal;
}

Flow Interp::exec_with(const Stmt* s) {
  Value ctx = eval(s->value);
  auto g = as<GradModeObj>(ctx, Tag::GradMode);
  if (!g && class_of(ctx) && class_of(ctx)->lookup("__enter__")) {
    const Pos at = s->value->span.start();
    Value entered;
    call_dunder(ctx, "__enter__", {}, entered, at);
    if (s->target) assign(s->target, entered, s->target->span.start());
    Flow f;
    try {
      f = exec_block(s->body);
    } catch (const LimitError&) {
      throw;
    } catch (const ScriptError& e) {
      Value exc = exception_value(e), out;
      call_dunder(ctx, "__exit__", {Value::object(class_of(exc)), exc, Value::none()}, out, at);
      if (truthy(out, at)) return Flow::Normal;  // __exit__ returning True swallows the exception
      throw;
    }
    Value out;
    call_dunder(ctx, "__exit__", {Value::none(), Value::none(), Value::none()}, out, at);
    return f;
  }
  if (!g) {
    if (as<GradModeObj>(ctx, Tag::GradModeClass))
      fail(s->value->span.start(), "TypeError: use torch." + ctx.obj->type_name() + "() (with parentheses) in a with statement");
    fail(s->value->span.start(), "TypeError: '" + ctx.type_name() + "' object does not support the context manager protocol");
  }
  if (s->target) assign(s->target, ctx, s->target->span.start());
  if (g->inference >= 0) {  // torch.inference_mode(mode): mode=True also turns grad mode off
    InferenceModeGuard inf(g->inference != 0);
    EnableGradGuard guard(g->inference ? false : grad_enabled());
    return exec_block(s->body);
  }
  EnableGradGuard guard(g->enable);  // restored on every exit, including exceptions
  if (g->restore >= 0) guard.prev = g->restore != 0;  // set_grad_enabled: the mode before the call
  return exec_block(s->body);
}

void Interp::exec_import(const Stmt* s) {
  auto module = [&](const std::string& path, Pos at) -> Value {
    if (path == "torch") return make_obj<ModuleObj>(Mod::Torch);
    if (path == "torch.nn") return make_obj<ModuleObj>(Mod::NN);
    if (path == "torch.nn.functional") return make_obj<ModuleObj>(Mod::F);
    if (path == "torch.nn.init") return make_obj<ModuleObj>(Mod::Init);
    if (path == "torch.autograd") return make_obj<ModuleObj>(Mod::Autograd);
    if (path == "torch.autograd.functional") return make_obj<ModuleObj>(Mod::AutogradFunctional);
    if (path == "torch.autograd.gradcheck") return make_obj<ModuleObj>(Mod::AutogradGradcheck);
    if (path == "torch.optim") return make_obj<ModuleObj>(Mod::Optim);
    if (path == "math") return make_obj<ModuleObj>(Mod::Math);
    if (path == "random") return make_obj<ModuleObj>(Mod::Random);
    if (path == "torch.utils") return make_obj<ModuleObj>(Mod::Utils);
    if (path == "torch.utils.data") return make_obj<ModuleObj>(Mod::Data);
    if (path == "torch.cuda") return make_obj<ModuleObj>(Mod::Cuda);
    if (path == "torch.optim.lr_scheduler") return make_obj<ModuleObj>(Mod::LrScheduler);
    if (path == "numpy") return make_obj<ModuleObj>(Mod::Numpy);
    if (path == "numpy.random") return make_obj<ModuleObj>(Mod::NpRandom);
    if (path == "numpy.linalg") return make_obj<ModuleObj>(Mod::NpLinalg);
    if (path == "torch.nn.utils" || path == "torch.nn.utils.clip_grad") return make_obj<ModuleObj>(Mod::NNUtils);
    if (path == "os") return make_obj<ModuleObj>(Mod::Os);
    if (path == "os.path") return make_obj<ModuleObj>(Mod::OsPath);
    if (path == "sys") return make_obj<ModuleObj>(Mod::Sys);
    if (path == "time") return make_obj<ModuleObj>(Mod::Time);
    fail(at, "ModuleNotFoundError: No module named '" + path + "' (tensorlens scripts can import torch, "
             "torch.nn, torch.nn.functional, torch.nn.utils, torch.optim, torch.autograd, torch.utils.data, math, "
             "random, numpy, os, sys and time)");
  };
  for (const Alias& a : s->names) {
    const Pos at = a.span.start();
    if (!s->is_from) {
      Value m = module(a.name, at);
      if (!a.asname.empty()) bind(a.asname, m);
      else bind(a.name.substr(0, a.name.find('.')), module(a.name.substr(0, a.name.find('.')), at));
      continue;
    }
    if (s->module == "__future__") continue;  // print_function, division, ...: Python 3 already
    if (a.name == "*") fail(at, "SyntaxError: 'from ... import *' is not supported");
    Value m = module(s->module, s->span.start());
    Value v;
    const std::string full = s->module + "." + a.name;
    if (full == "torch.nn" || full == "torch.nn.functional" || full == "torch.autograd" || full == "torch.optim" ||
        full == "torch.autograd.functional" ||
        full == "torch.utils" || full == "torch.utils.data" || full == "torch.optim.lr_scheduler" ||
        full == "numpy.random" || full == "numpy.linalg" || full == "torch.nn.utils" || full == "os.path")
      v = module(full, at);
    else v = get_attr(m, a.name, at);
    bind(a.asname.empty() ? a.name : a.asname, v);
  }
}

void Interp::assign(const Expr* t, const Value& v, Pos at) {
  switch (t->kind) {
    case ExprKind::Name: bind(t->name, v); return;
    case ExprKind::Tuple:
    case ExprKind::List: {
      std::vector<Value> items;
      size_t star = t->elts.size();
      for (size_t i = 0; i < t->elts.size(); ++i)
        if (t->elts[i]->kind == ExprKind::Starred) star = i;
      if (star < t->elts.size()) {  // a, *rest, b = iterable
        items = to_vector(v, at);
        const size_t fixed = t->elts.size() - 1;
        if (items.size() < fixed)
          fail(at, "ValueError: not enough values to unpack (expected at least " + std::to_string(fixed) + ", got " +
                       std::to_string(items.size()) + ")");
        const size_t nstar = items.size() - fixed;
        for (size_t i = 0; i < star; ++i) assign(t->elts[i], items[i], t->elts[i]->span.start());
        assign(t->elts[star]->value,
               Value::list(std::vector<Value>(items.begin() + long(star), items.begin() + long(star + nstar))),
               t->elts[star]->span.start());
        for (size_t i = star + 1; i < t->elts.size(); ++i) assign(t->elts[i], items[i - 1 + nstar], t->elts[i]->span.start());
        return;
      }
      std::unique_ptr<Iter> it = make_iter(v, at);
      Value x;
      while (it->next(x)) {
        if (items.size() > t->elts.size())
          break;
        items.push_back(x);
      }
      if (items.size() != t->elts.size())
        fail(at, items.size() > t->elts.size()
                     ? "ValueError: too many values to unpack (expected " + std::to_string(t->elts.size()) + ")"
                     : "ValueError: not enough values to unpack (expected " + std::to_string(t->elts.size()) +
                           ", got " + std::to_string(items.size()) + ")");
      for (size_t i = 0; i < items.size(); ++i) assign(t->elts[i], items[i], t->elts[i]->span.start());
      return;
    }
    case ExprKind::Attribute: set_attr(eval(t->value), t->name, v, attr_pos(t)); return;
    case ExprKind::Subscript: {
      Value obj = eval(t->value);
      std::vector<Value> idx = eval_index(t);
      set_item(obj, idx, t->index_is_tuple, v, t->op_pos);
      return;
    }
    default: fail(t->span.start(), "SyntaxError: cannot assign to " + std::string(kind_name(t->kind)));
  }
}

const char* Interp::inplace_name(BinOpKind op) {
  switch (op) {
    case BinOpKind::Add: return "add_";
    case BinOpKind::Sub: return "sub_";
    case BinOpKind::Mul: return "mul_";
    case BinOpKind::Div: return "div_";
    case BinOpKind::Pow: return "pow_";
    case BinOpKind::FloorDiv: return "floor_divide_";
    case BinOpKind::Mod: return "remainder_";
    case BinOpKind::BitAnd: return "bitwise_and_";
    case BinOpKind::BitOr: return "bitwise_or_";
    case BinOpKind::BitXor: return "bitwise_xor_";
    case BinOpKind::LShift: return "bitwise_left_shift_";
    case BinOpKind::RShift: return "bitwise_right_shift_";
    default: return "";
  }
}

Value Interp::aug_value(const Value& cur, BinOpKind op, const Value& rhs, Pos at) {
  if (is_nd(cur)) return np_inplace(*this, cur, op, rhs, at);
  if (cur.kind == K::Tensor) {
    const char* name = inplace_name(op);
    if (!*name || find_ops(name, kMethod).empty())
      fail(at, std::string("TypeError: in-place operator ") + op_str(op) + "= on a Tensor is not supported");
    call_table(name, kMethod, {cur, rhs}, {}, at);
    return cur;
  }
  if (class_of(cur)) {  // x += y: x.__iadd__(y), else x = x + y
    static const std::pair<BinOpKind, const char*> inames[] = {
        {BinOpKind::Add, "__iadd__"}, {BinOpKind::Sub, "__isub__"}, {BinOpKind::Mul, "__imul__"},
        {BinOpKind::Div, "__itruediv__"}, {BinOpKind::MatMul, "__imatmul__"}, {BinOpKind::Pow, "__ipow__"}};
    for (const auto& [k, n] : inames) {
      Value out;
      if (k == op && call_dunder(cur, n, {rhs}, out, at) && !as<NotImplObj>(out, Tag::NotImpl)) return out;
    }
  }
  if (cur.kind == K::List && op == BinOpKind::Add) {  // list += iterable extends in place
    std::vector<Value> add = to_vector(rhs, at);
    check_len(int64_t(cur.items->size() + add.size()), at);
    for (const Value& x : add) check_insert(x, cur.items.get(), at);
    cur.items->insert(cur.items->end(), add.begin(), add.end());
    return cur;
  }
  return binop(op, cur, rhs, at);
}

void Interp::aug_assign(const Stmt* s) {
  const Expr* t = s->target;
  const Pos at = s->op_pos;
  switch (t->kind) {
    case ExprKind::Name: {
      Value cur = lookup(t);
      Value rhs = eval(s->value);
      Value nv = aug_value(cur, s->aug_op, rhs, at);
      bind_pos_ = at;
      bind(t->name, nv);
      return;
    }
    case ExprKind::Attribute: {
      Value obj = eval(t->value);
      Value cur = get_attr(obj, t->name, attr_pos(t));
      Value rhs = eval(s->value);
      Value nv = aug_value(cur, s->aug_op, rhs, at);
      if (!(nv.kind == K::Tensor && cur.kind == K::Tensor && nv.t.same(cur.t))) set_attr(obj, t->name, nv, attr_pos(t));
      return;
    }
    case ExprKind::Subscript: {
      Value obj = eval(t->value);
      std::vector<Value> idx = eval_index(t);
      Value cur = get_item(obj, idx, t->index_is_tuple, t->op_pos);
      Value rhs = eval(s->value);
      Value nv = aug_value(cur, s->aug_op, rhs, at);
      // A tensor element was updated in place through its view: nothing to store back, unless the
      // index made a copy (an index tensor: x[i, [1, 2]] += 1 writes the copy back, as PyTorch).
      const bool through_view = nv.kind == K::Tensor && cur.kind == K::Tensor && nv.t.same(cur.t) &&
                                !(obj.kind == K::Tensor && obj.t.impl()->storage != cur.t.impl()->storage);
      if (!through_view) set_item(obj, idx, t->index_is_tuple, nv, t->op_pos);
      return;
    }
    default: fail(t->span.start(), "SyntaxError: illegal expression for augmented assignment");
  }
}

Pos Interp::attr_pos(const Expr* e) {  // the attribute name of `x.name`
  const int c = e->span.end_col - int(e->name.size());
  return c >= 1 ? Pos{e->span.end_line, c} : e->op_pos;
}

Pos Interp::call_pos(const Expr* e) {  // the callee's name of a call
  const Expr* f = e->value;
  if (f->kind == ExprKind::Name) return f->span.start();
  if (f->kind == ExprKind::Attribute) return attr_pos(f);
  return e->op_pos;
}

}  // namespace tl::lang::detail
