// User classes: class statements, instances and their attributes, bound methods, super(),
// dunder-method dispatch, nn.Module subclasses (UserModule), exceptions (raise/try/except).
#include "engine/lang/interp.h"

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <pthread.h>
#endif

namespace tl::lang::detail {

// The lowest address the interpreter's frames may reach: the current thread's stack bounds
// (pthread_getattr_np; for the main thread glibc derives them from RLIMIT_STACK), leaving a quarter
// of the room below the interpreter (and at least 256 KiB) for the engine calls made at the deepest
// level. 0 (no check) where the bounds are unknown.
uintptr_t Interp::compute_stack_limit() {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* lo = nullptr;
  size_t size = 0;
  const int rc = pthread_attr_getstack(&attr, &lo, &size);
  pthread_attr_destroy(&attr);
  if (rc != 0 || !lo || size == 0) return 0;
  const uintptr_t here = uintptr_t(__builtin_frame_address(0)), bottom = uintptr_t(lo);
  if (here <= bottom) return 0;
  const uintptr_t room = here - bottom;
  const uintptr_t reserve = std::max<uintptr_t>(room / 4, 256 * 1024);
  return room > reserve ? bottom + reserve : 0;
#else
  return 0;
#endif
}

Interp*& current_interp() {
  thread_local Interp* p = nullptr;
  return p;
}

// ---------------- UserModule: PyTorch's attribute registration rules ----------------
namespace {
template <class V>
bool erase_named(std::vector<std::pair<std::string, V>>& v, const std::string& n) {
  for (auto it = v.begin(); it != v.end(); ++it)
    if (it->first == n) {
      v.erase(it);
      return true;
    }
  return false;
}
template <class V>
void put_named(std::vector<std::pair<std::string, V>>& v, const std::string& n, const V& x) {
  for (auto& kv : v)
    if (kv.first == n) {
      kv.second = x;
      return;
    }
  v.emplace_back(n, x);
}
}  // namespace

void UserModule::set_parameter(const std::string& n, const Tensor& t) {
  erase_named(attrs, n), erase_named(buffers, n), erase_named(children_, n);
  if (t.defined()) t.impl()->name = n;
  put_named(params_, n, t);
}
void UserModule::set_child(const std::string& n, const nn::ModulePtr& m) {
  erase_named(attrs, n), erase_named(buffers, n), erase_named(params_, n);
  // Qualified names for the graph view: "fc1.weight", "block.0.bias", ...
  for (auto& [pn, t] : m->named_parameters()) t.impl()->name = n + "." + pn;
  put_named(children_, n, m);
}
void UserModule::set_buffer(const std::string& n, const Tensor& t) {
  erase_named(attrs, n), erase_named(params_, n), erase_named(children_, n);
  put_named(buffers, n, t);
}
void UserModule::set_plain(const std::string& n, const Value& v) {
  erase_named(params_, n), erase_named(buffers, n), erase_named(children_, n);
  put_named(attrs, n, v);
}
bool UserModule::remove(const std::string& n) {
  return erase_named(attrs, n) || erase_named(params_, n) || erase_named(buffers, n) || erase_named(children_, n);
}

// ---------------- lifetime ----------------
Interp::~Interp() {
  // Break the reference cycles a script can make (closures over their own scope, instances
  // pointing at each other): clear every captured scope and every instance. The values are
  // moved out first so that destructors running meanwhile see consistent containers.
  for (auto& w : captured_)
    if (auto s = w.lock()) {
      auto vars = std::move(s->vars);
      s->vars.clear();
      s->parent.reset();
    }
  for (auto& w : instances_)
    if (auto o = w.lock()) {
      auto attrs = std::move(o->attrs);
      o->attrs.clear();
    }
  for (auto& w : user_modules_)
    if (auto m = w.lock()) {
      auto* um = static_cast<UserModule*>(m.get());
      auto attrs = std::move(um->attrs);
      um->attrs.clear();
    }
  current_interp() = saved_current_;
}

// ---------------- builtin classes ----------------
std::shared_ptr<ClassObj> Interp::builtin_class(const std::string& name) {
  auto it = builtin_classes_.find(name);
  if (it != builtin_classes_.end()) return it->second;
  static const std::pair<const char*, const char*> kExceptions[] = {
      {"BaseException", "object"},         {"Exception", "BaseException"},
      {"ArithmeticError", "Exception"},    {"ZeroDivisionError", "ArithmeticError"},
      {"OverflowError", "ArithmeticError"}, {"FloatingPointError", "ArithmeticError"},
      {"LookupError", "Exception"},        {"IndexError", "LookupError"},
      {"KeyError", "LookupError"},         {"RuntimeError", "Exception"},
      {"NotImplementedError", "RuntimeError"}, {"RecursionError", "RuntimeError"},
      {"TypeError", "Exception"},          {"ValueError", "Exception"},
      {"UnicodeError", "ValueError"},      {"AttributeError", "Exception"},
      {"NameError", "Exception"},          {"UnboundLocalError", "NameError"},
      {"AssertionError", "Exception"},     {"StopIteration", "Exception"},
      {"ImportError", "Exception"},        {"ModuleNotFoundError", "ImportError"},
      {"MemoryError", "Exception"},        {"OSError", "Exception"},
      {"EOFError", "Exception"},           {"SyntaxError", "Exception"},
      {"KeyboardInterrupt", "BaseException"}, {"SystemExit", "BaseException"},
      {"Warning", "Exception"},            {"UserWarning", "Warning"}};
  auto c = std::make_shared<ClassObj>();
  c->name = name;
  if (name == "object") {
    c->builtin = BuiltinBase::Object;
    c->module = "builtins";
  } else if (name == "Module") {
    c->builtin = BuiltinBase::Module;
    c->module = "torch.nn.modules.module";
    c->base = builtin_class("object");
  } else if (name == "Function") {
    c->builtin = BuiltinBase::Function;
    c->module = "torch.autograd.function";
    c->base = builtin_class("object");
  } else {
    const char* parent = nullptr;
    for (const auto& [n, p] : kExceptions)
      if (name == n) parent = p;
    if (!parent) return nullptr;
    c->builtin = BuiltinBase::Exception;
    c->module = "builtins";
    c->base = builtin_class(parent);
  }
  builtin_classes_[name] = c;
  return c;
}

std::shared_ptr<ClassObj> Interp::class_of(const Value& v) {
  if (auto i = as<InstanceObj>(v, Tag::Instance)) return i->cls;
  if (auto m = as<NNModuleObj>(v, Tag::NNModule))
    if (auto um = dynamic_cast<const UserModule*>(m->m.get())) return um->cls;
  return nullptr;
}

// ---------------- class statements, functions, decorators ----------------
Value Interp::make_user_fn(const Stmt* s) {
  auto fn = std::make_shared<UserFnObj>(s);
  for (const Param& p : s->params) fn->defaults.push_back(p.default_value ? eval(p.default_value) : Value::none());
  const bool in_class_body = defining_class_ && scope_->order;
  if (in_class_body) {
    fn->closure = class_outer_owner_;
    fn->cls = defining_class_;
    fn->qualname = defining_class_->name + "." + s->name;
  } else {
    fn->qualname = s->name;
    if (scope_ != globals_.get()) {
      fn->closure = scope_owner_;
      captured_.push_back(scope_owner_);
      if (captured_.size() > 4096 && captured_.size() % 4096 == 0)  // drop scopes already gone
        captured_.erase(std::remove_if(captured_.begin(), captured_.end(), [](auto& w) { return w.expired(); }),
                        captured_.end());
    }
  }
  return Value::object(fn);
}

Value Interp::apply_decorators(const Stmt* s, Value v) {
  std::vector<Value> decs;
  for (const Expr* d : s->decorators) decs.push_back(eval(d));
  for (size_t i = decs.size(); i-- > 0;) {
    std::vector<Value> pos{v};
    Kw kw;
    v = call(decs[i], pos, kw, s->decorators[i]->span.start());
  }
  return v;
}

Flow Interp::exec_class(const Stmt* s) {
  const Pos at = s->span.start();
  std::shared_ptr<ClassObj> base;
  for (const Expr* b : s->targets) {
    Value bv = eval(b);
    if (auto nc = as<NNClassObj>(bv, Tag::NNClass))
      fail(b->span.start(), "TypeError: subclassing torch.nn." + nc->name +
                                " is not supported in tensorlens; subclass nn.Module and hold a " + nc->name);
    auto c = as<ClassObj>(bv, Tag::Class);
    if (!c) fail(b->span.start(), "TypeError: a class can only derive from a class, not " + bv.type_name());
    auto cp = std::static_pointer_cast<ClassObj>(bv.obj);
    if (base && cp->builtin == BuiltinBase::Object) continue;
    if (base && base->builtin != BuiltinBase::Object)
      fail(b->span.start(), "TypeError: multiple inheritance is not supported in tensorlens");
    base = cp;
  }
  if (!base) base = builtin_class("object");
  auto cls = std::make_shared<ClassObj>();
  cls->name = s->name;
  cls->base = base;
  auto scope = std::make_shared<Scope>();
  scope->parent = scope_ == globals_.get() ? nullptr : scope_owner_;
  std::vector<std::string> order;
  scope->order = &order;
  struct RestoreClass {
    Interp& in;
    std::shared_ptr<Scope> outer;
    std::shared_ptr<ClassObj> cls;
    ~RestoreClass() {
      in.class_outer_owner_ = std::move(outer);
      in.defining_class_ = std::move(cls);
    }
  };
  {
    RestoreClass restore{*this, class_outer_owner_, defining_class_};
    class_outer_owner_ = scope_ == globals_.get() ? nullptr : scope_owner_;
    defining_class_ = cls;
    ScopeSwap swap(*this, scope);
    Flow f = exec_block(s->body);
    if (f != Flow::Normal) fail(at, "SyntaxError: 'return', 'break' or 'continue' in a class body");
  }
  for (const std::string& n : order) cls->attrs.emplace_back(n, scope->vars[n]);
  scope->order = nullptr;
  Value v = apply_decorators(s, Value::object(cls));
  bind_pos_ = at;
  bind(s->name, v);
  return Flow::Normal;
}

// ---------------- instances ----------------
Value Interp::call_class(const std::shared_ptr<ClassObj>& c, std::vector<Value>& pos, Kw& kw, Pos at) {
  const Value* init = nullptr;
  for (const ClassObj* k = c.get(); k && k->builtin == BuiltinBase::None; k = k->base.get())
    for (const auto& kv : k->attrs)
      if (kv.first == "__init__" && !init) init = &kv.second;
  switch (c->root()) {
    case BuiltinBase::Module: {
      auto m = std::make_shared<UserModule>();
      m->cls = c;
      m->call_forward = [](UserModule& um, const std::vector<Tensor>& in) {
        Interp* ip = current_interp();
        TL_CHECK(ip, um.cls->name, ".forward called outside a script");
        std::vector<Value> pos;
        for (const Tensor& t : in) pos.push_back(Value::tensor(t));
        Kw kw;
        auto self = std::static_pointer_cast<UserModule>(um.self_weak.lock());
        Value r = ip->call_module_forward(self, pos, kw, Pos{0, 0});
        TL_CHECK(r.kind == K::Tensor, um.cls->name, ".forward returned ", r.type_name(),
                 ", but a module inside nn.Sequential must return a Tensor");
        return r.t;
      };
      m->call_extra_repr = [](const UserModule& um) -> std::string {
        Interp* ip = current_interp();
        const Value* f = um.cls->lookup("extra_repr");
        if (!ip || !f) return "";
        auto self = um.self_weak.lock();
        Value out;
        if (!self || !ip->call_dunder(make_obj<NNModuleObj>(self), "extra_repr", {}, out, Pos{0, 0})) return "";
        return out.kind == K::Str ? out.s : "";
      };
      m->self_weak = m;
      user_modules_.push_back(m);
      Value self = make_obj<NNModuleObj>(m);
      if (init) {
        std::vector<Value> args{self};
        args.insert(args.end(), pos.begin(), pos.end());
        call(*init, args, kw, at);
      } else if (!pos.empty() || !kw.empty()) {
        fail(at, "TypeError: " + c->name + ".__init__() takes 1 positional argument but " +
                     std::to_string(pos.size() + 1) + " were given");
      }
      return self;
    }
    case BuiltinBase::Function:
      fail(at, "RuntimeError: Legacy autograd function with non-static forward method is deprecated. Please use new-style "
               "autograd function with static forward method. (Example: "
               "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)");
    case BuiltinBase::Exception: {
      auto inst = std::make_shared<InstanceObj>(c);
      instances_.push_back(inst);
      Value self = Value::object(inst);
      inst->set("args", Value::tuple(pos));
      if (init) {
        std::vector<Value> args{self};
        args.insert(args.end(), pos.begin(), pos.end());
        call(*init, args, kw, at);
      } else if (!kw.empty()) {
        fail(at, "TypeError: " + c->name + "() takes no keyword arguments");
      }
      return self;
    }
    default: break;
  }
  auto inst = std::make_shared<InstanceObj>(c);
  instances_.push_back(inst);
  if (instances_.size() > 4096 && instances_.size() % 4096 == 0)
    instances_.erase(std::remove_if(instances_.begin(), instances_.end(), [](auto& w) { return w.expired(); }),
                     instances_.end());
  Value self = Value::object(inst);
  if (init) {
    std::vector<Value> args{self};
    args.insert(args.end(), pos.begin(), pos.end());
    Value r = call(*init, args, kw, at);
    if (!r.is_none()) fail(at, "TypeError: __init__() should return None, not '" + r.type_name() + "'");
  } else if (!pos.empty() || !kw.empty()) {
    fail(at, "TypeError: " + c->name + "() takes no arguments");
  }
  return self;
}

Value Interp::bind_attr(const Value& self, const Value& attr, const std::shared_ptr<ClassObj>& cls, Pos at) {
  const Obj* o = as_obj(attr);
  if (!o) return attr;
  switch (o->tag) {
    case Tag::UserFn:
    case Tag::GradWrapped: return make_obj<BoundMethodObj>(self, attr);
    case Tag::StaticMethod: return static_cast<const WrapperObj*>(o)->fn;
    case Tag::ClassMethod: return make_obj<BoundMethodObj>(Value::object(cls), static_cast<const WrapperObj*>(o)->fn);
    case Tag::Property: {
      std::vector<Value> pos{self};
      Kw kw;
      return call(static_cast<const WrapperObj*>(o)->fn, pos, kw, at);
    }
    default: return attr;
  }
}

Value Interp::class_attr(const Value& cls_v, const ClassObj& c, const std::string& name, Pos at) {
  if (name == "__name__") return Value::str(c.name);
  if (name == "__qualname__") return Value::str(c.name);
  if (name == "__module__") return Value::str(c.module);
  if (name == "__bases__") return Value::tuple(c.base ? std::vector<Value>{Value::object(c.base)} : std::vector<Value>{});
  if (name == "apply" && c.root() == BuiltinBase::Function) return make_obj<MethodObj>(cls_v, "apply");
  if (const Value* v = c.lookup(name)) {
    if (auto w = as<WrapperObj>(*v, Tag::StaticMethod)) return w->fn;
    if (auto w = as<WrapperObj>(*v, Tag::ClassMethod)) return make_obj<BoundMethodObj>(cls_v, w->fn);
    return *v;
  }
  if (name == "__init__") return make_obj<BuiltinObj>(c.root() == BuiltinBase::Exception ? Bi::ExceptionInit : Bi::NNModuleInit, "__init__");
  fail(at, "AttributeError: type object '" + c.name + "' has no attribute '" + name + "'");
}

Value Interp::instance_attr(const Value& obj, const std::string& name, Pos at, bool* found) {
  auto inst = std::static_pointer_cast<InstanceObj>(obj.obj);
  if (found) *found = true;
  if (Value* v = inst->find(name)) return *v;
  if (name == "__class__") return Value::object(inst->cls);
  if (name == "__dict__") {
    auto d = std::make_shared<DictObj>();
    for (auto& [k, v] : inst->attrs) d->items.emplace_back(Value::str(k), v);
    return Value::object(d);
  }
  if (const Value* v = inst->cls->lookup(name)) return bind_attr(obj, *v, inst->cls, at);
  if (name == "__init__")
    return make_obj<BoundMethodObj>(
        obj, make_obj<BuiltinObj>(inst->cls->root() == BuiltinBase::Exception ? Bi::ExceptionInit : Bi::NNModuleInit, "__init__"));
  if (found) {
    *found = false;
    return Value::none();
  }
  fail(at, "AttributeError: '" + inst->cls->name + "' object has no attribute '" + name + "'");
}

void Interp::instance_set_attr(const Value& obj, const std::string& name, const Value& v, Pos at) {
  if (auto inst = as<InstanceObj>(obj, Tag::Instance)) {
    if (const Value* p = inst->cls->lookup(name))
      if (auto w = as<WrapperObj>(*p, Tag::Property)) {
        if (w->setter.is_none()) fail(at, "AttributeError: can't set attribute '" + name + "'");
        std::vector<Value> pos{obj, v};
        Kw kw;
        call(w->setter, pos, kw, at);
        return;
      }
    check_insert(v, nullptr, at);
    const_cast<InstanceObj*>(inst)->set(name, v);
    return;
  }
  auto mo = as<NNModuleObj>(obj, Tag::NNModule);
  auto um = std::dynamic_pointer_cast<UserModule>(mo->m);
  if (auto c = as<NNModuleObj>(v, Tag::NNModule)) {
    // A module inside itself would make every walk over the tree (parameters(), repr) endless.
    std::vector<const nn::Module*> stack{c->m.get()};
    while (!stack.empty()) {
      const nn::Module* x = stack.back();
      stack.pop_back();
      if (x == um.get()) fail(at, "RuntimeError: tensorlens does not support a module that contains itself ('" + name + "')");
      for (const auto& kid : x->children()) stack.push_back(kid.second.get());
    }
    return um->set_child(name, c->m);
  }
  auto has_param = [&] {
    for (auto& kv : um->params())
      if (kv.first == name) return true;
    return false;
  };
  if (v.kind == K::Tensor && v.t.impl()->is_param) return um->set_parameter(name, v.t);
  if (has_param()) {
    if (v.is_none()) return um->set_parameter(name, Tensor());
    fail(at, "TypeError: cannot assign '" + v.type_name() + "' as parameter '" + name +
                 "' (torch.nn.Parameter or None expected)");
  }
  for (auto& kv : um->buffers)
    if (kv.first == name && v.kind == K::Tensor) return um->set_buffer(name, v.t);
  if (name == "training" && v.kind == K::Bool) return um->set_training(v.b);
  um->set_plain(name, v);
}

Value Interp::super_attr(const SuperObj& s, const std::string& name, Pos at) {
  if (const Value* v = s.start->base ? s.start->base->lookup(name) : nullptr) return bind_attr(s.self, *v, s.start, at);
  if (name == "__init__")
    return make_obj<BoundMethodObj>(
        s.self, make_obj<BuiltinObj>(s.start->root() == BuiltinBase::Exception ? Bi::ExceptionInit : Bi::NNModuleInit, "__init__"));
  // nn.Module's own methods (super().train(mode), super().state_dict(), ...).
  if (auto m = as<NNModuleObj>(s.self, Tag::NNModule)) return nn_module_attr(s.self, *m->m, name, at);
  fail(at, "AttributeError: 'super' object has no attribute '" + name + "'");
}

bool Interp::call_dunder(const Value& self, const char* name, std::vector<Value> args, Value& out, Pos at) {
  auto cls = class_of(self);
  if (!cls) return false;
  const Value* f = cls->lookup(name);
  if (!f) return false;
  Value bound = bind_attr(self, *f, cls, at);
  Kw kw;
  out = call(bound, args, kw, at);
  return true;
}

std::string Interp::instance_repr(const Value& v, bool str) {
  Value out;
  const Pos at = bind_pos_;
  if (str && call_dunder(v, "__str__", {}, out, at)) {
    if (out.kind != K::Str) fail(at, "TypeError: __str__ returned non-string (type " + out.type_name() + ")");
    return out.s;
  }
  if (call_dunder(v, "__repr__", {}, out, at)) {
    if (out.kind != K::Str) fail(at, "TypeError: __repr__ returned non-string (type " + out.type_name() + ")");
    return out.s;
  }
  if (auto m = as<NNModuleObj>(v, Tag::NNModule)) return m->m->repr();
  auto inst = as<InstanceObj>(v, Tag::Instance);
  if (inst && inst->cls->root() == BuiltinBase::Exception) {
    const Value* a = const_cast<InstanceObj*>(inst)->find("args");
    std::vector<Value> args = a && a->kind == K::Tuple ? *a->items : std::vector<Value>{};
    // KeyError's str is the repr of its key (CPython's KeyError_str).
    const bool key_error = inst->cls->derives_from(builtin_class("KeyError").get());
    if (str) return args.empty() ? "" : args.size() == 1 ? (key_error ? repr(args[0]) : str_of(args[0])) : repr(Value::tuple(args));
    std::string r = inst->cls->name + "(";
    for (size_t i = 0; i < args.size(); ++i) r += (i ? ", " : "") + repr(args[i]);
    return r + ")";
  }
  const ClassObj* c = inst ? inst->cls.get() : nullptr;
  return "<" + (c ? c->module + "." + c->name : v.type_name()) + " object at " + hex_addr(v.obj.get()) + ">";
}

bool Interp::isinstance_of(const Value& v, const Value& cls, Pos at) {
  (void)at;
  auto c = as<ClassObj>(cls, Tag::Class);
  if (!c) return false;
  if (c->builtin == BuiltinBase::Object) return true;
  if (c->builtin == BuiltinBase::Module && as<NNModuleObj>(v, Tag::NNModule)) return true;
  auto vc = class_of(v);
  return vc && vc->derives_from(c);
}

// ---------------- exceptions ----------------
Value Interp::make_exception(const std::string& type, const std::vector<Value>& args) {
  auto c = builtin_class(type);
  if (!c || c->builtin != BuiltinBase::Exception) c = builtin_class("RuntimeError");
  auto inst = std::make_shared<InstanceObj>(c);
  instances_.push_back(inst);
  inst->set("args", Value::tuple(args));
  return Value::object(inst);
}

Value Interp::exception_value(const ScriptError& e) {
  if (auto pe = dynamic_cast<const PyException*>(&e)) return pe->exc;
  // Interpreter messages start with Python's exception name; engine messages (TL_CHECK) are
  // PyTorch's RuntimeError.
  const std::string& m = e.message();
  const size_t colon = m.find(": ");
  if (colon != std::string::npos && colon > 0 && colon < 40) {
    const std::string type = m.substr(0, colon);
    bool ident = true;
    for (char c : type) ident = ident && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    auto c = ident ? builtin_class(type) : nullptr;
    if (c && c->builtin == BuiltinBase::Exception) {
      std::string msg = m.substr(colon + 2);
      // KeyError's message is the repr of the key: keep the key itself as the argument.
      if (type == "KeyError" && msg.size() >= 2 && msg.front() == '\'' && msg.back() == '\'')
        msg = msg.substr(1, msg.size() - 2);
      return make_exception(type, {Value::str(msg)});
    }
  }
  return make_exception("RuntimeError", {Value::str(m)});
}

void Interp::exec_raise(const Stmt* s) {
  const Pos at = s->span.start();
  Value v;
  if (!s->value) {
    if (handling_.empty()) fail(at, "RuntimeError: No active exception to reraise");
    v = handling_.back();
  } else {
    v = eval(s->value);
    if (auto c = as<ClassObj>(v, Tag::Class)) {
      (void)c;
      std::vector<Value> pos;
      Kw kw;
      v = call(v, pos, kw, at);
    }
  }
  auto cls = class_of(v);
  if (!cls || cls->root() != BuiltinBase::Exception) fail(at, "TypeError: exceptions must derive from BaseException");
  const std::string text = instance_repr(v, true);
  throw PyException(at, text.empty() ? cls->name : cls->name + ": " + text, v);
}

Flow Interp::exec_try(const Stmt* s) {
  auto run_finally = [&]() -> Flow { return s->finalbody.empty() ? Flow::Normal : exec_block(s->finalbody); };
  Flow f = Flow::Normal;
  try {
    bool handled = false;
    try {
      f = exec_block(s->body);
    } catch (const LimitError&) {
      throw;
    } catch (const ScriptError& e) {
      Value exc = exception_value(e);
      const ExceptHandler* match = nullptr;
      for (const ExceptHandler& h : s->handlers) {
        if (!h.type) {
          match = &h;
          break;
        }
        Value t = eval(h.type);
        std::vector<Value> types = t.kind == K::Tuple ? *t.items : std::vector<Value>{t};
        for (const Value& x : types) {
          auto c = as<ClassObj>(x, Tag::Class);
          if (!c || c->root() != BuiltinBase::Exception)
            fail(h.type->span.start(), "TypeError: catching classes that do not inherit from BaseException is not allowed");
          if (isinstance_of(exc, x, h.span.start())) match = &h;
        }
        if (match) break;
      }
      if (!match) throw;
      handled = true;
      if (!match->name.empty()) {
        bind_pos_ = match->span.start();
        bind(match->name, exc);
      }
      handling_.push_back(exc);
      struct Pop {
        std::vector<Value>& v;
        ~Pop() { v.pop_back(); }
      } pop{handling_};
      f = exec_block(match->body);
    }
    if (!handled && f == Flow::Normal) f = exec_block(s->orelse);
  } catch (const LimitError&) {
    throw;
  } catch (const ScriptError&) {
    Flow ff = run_finally();
    if (ff != Flow::Normal) return ff;  // return/break in finally swallows the exception
    throw;
  }
  Flow ff = run_finally();
  return ff != Flow::Normal ? ff : f;
}

void Interp::exec_delete(const Expr* t, Pos at) {
  switch (t->kind) {
    case ExprKind::Name: {
      if (scope_->vars.erase(t->name)) return;
      fail(t->span.start(), "NameError: name '" + t->name + "' is not defined");
    }
    case ExprKind::Tuple:
    case ExprKind::List:
      for (const Expr* x : t->elts) exec_delete(x, at);
      return;
    case ExprKind::Attribute: {
      Value obj = eval(t->value);
      if (auto inst = as<InstanceObj>(obj, Tag::Instance)) {
        auto& a = const_cast<InstanceObj*>(inst)->attrs;
        for (auto it = a.begin(); it != a.end(); ++it)
          if (it->first == t->name) {
            a.erase(it);
            return;
          }
      }
      if (auto m = as<NNModuleObj>(obj, Tag::NNModule))
        if (auto um = std::dynamic_pointer_cast<UserModule>(m->m); um && um->remove(t->name)) return;
      fail(attr_pos(t), "AttributeError: '" + obj.type_name() + "' object has no attribute '" + t->name + "'");
    }
    case ExprKind::Subscript: {
      Value obj = eval(t->value);
      std::vector<Value> idx = eval_index(t);
      const Pos p = t->op_pos;
      Value out;
      if (class_of(obj) && call_dunder(obj, "__delitem__", idx, out, p)) return;
      if (auto d = as<DictObj>(obj, Tag::Dict)) {
        auto dm = const_cast<DictObj*>(d);
        if (const long k = idx.size() == 1 ? dict_find(*dm, idx[0], p) : -1; k >= 0) {
          dm->items.erase(dm->items.begin() + k);
          dm->index.reset();
          return;
        }
        fail(p, "KeyError: " + repr(idx[0]));
      }
      if (obj.kind == K::List && idx.size() == 1) {
        auto& items = *obj.items;
        if (auto sl = as<SliceObj>(idx[0], Tag::Slice)) {
          int64_t start, stop, step, count;
          py_slice(*sl, int64_t(items.size()), start, stop, step, count, p);
          std::vector<bool> drop(items.size(), false);
          for (int64_t k = 0; k < count; ++k) drop[size_t(start + k * step)] = true;
          std::vector<Value> keep;
          for (size_t k = 0; k < items.size(); ++k)
            if (!drop[k]) keep.push_back(items[k]);
          items = std::move(keep);
          return;
        }
        int64_t i = to_index(idx[0], p), n = int64_t(items.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) fail(p, "IndexError: list assignment index out of range");
        items.erase(items.begin() + i);
        return;
      }
      fail(p, "TypeError: '" + obj.type_name() + "' object doesn't support item deletion");
    }
    default: fail(t->span.start(), "SyntaxError: cannot delete " + std::string(kind_name(t->kind)));
  }
}

extern const char* const kPreludeTorchUtilsData;

Value Interp::data_attr(const std::string& name) {
  if (!data_ns_) {
    auto ns = std::make_shared<Scope>();
    ns->vars["_draw_seed"] = make_obj<BuiltinObj>(Bi::DataSeed, "_draw_seed");
    ns->vars["_randperm_with_seed"] = make_obj<BuiltinObj>(Bi::DataPerm, "_randperm_with_seed");
    ScopeSwap swap(*this, ns);
    captured_.push_back(ns);
    exec_block(prelude_program(kPreludeTorchUtilsData).body);
    for (auto& [n, v] : ns->vars)
      if (auto c = as<ClassObj>(v, Tag::Class))
        const_cast<ClassObj*>(c)->module = n == "DataLoader" ? "torch.utils.data.dataloader" : "torch.utils.data.dataset";
    data_ns_ = ns;
  }
  if (name.empty() || name[0] == '_') return Value::none();
  auto it = data_ns_->vars.find(name);
  return it == data_ns_->vars.end() || as<ModuleObj>(it->second, Tag::Module) ? Value::none() : it->second;
}

Value Interp::call_module_forward(const std::shared_ptr<UserModule>& m, std::vector<Value>& pos, Kw& kw, Pos at) {
  const Value* f = m->cls->lookup("forward");
  if (!f)
    fail(at, "NotImplementedError: Module [" + m->cls->name + "] is missing the required \"forward\" function");
  Value self = make_obj<NNModuleObj>(m);
  Value bound = bind_attr(self, *f, m->cls, at);
  return call(bound, pos, kw, at);
}

}  // namespace tl::lang::detail
