// Expressions, truthiness and equality, dicts, and calls (builtins, user functions).
#include "engine/lang/interp.h"

namespace tl::lang::detail {

Value Interp::eval(const Expr* e) {
  DepthGuard dg(eval_depth_, e->op_pos);
  switch (e->kind) {
    case ExprKind::Name: return lookup(e);
    case ExprKind::Int: return Value::integer(e->int_value);
    case ExprKind::Float: return Value::number(e->float_value);
    case ExprKind::Str: {
      check_len(int64_t(e->str_value.size()), e->span.start());
      return Value::str(e->str_value);
    }
    case ExprKind::Bool: return Value::boolean(e->bool_value);
    case ExprKind::None: return Value::none();
    case ExprKind::Ellipsis: return make_obj<EllipsisObj>();
    case ExprKind::List:
    case ExprKind::Tuple: {
      std::vector<Value> items;
      items.reserve(e->elts.size());
      for (const Expr* x : e->elts) {
        if (x->kind == ExprKind::Starred) {
          std::vector<Value> more = to_vector(eval(x->value), x->span.start());
          items.insert(items.end(), more.begin(), more.end());
        } else {
          items.push_back(eval(x));
        }
      }
      return make_seq(e->kind == ExprKind::List ? K::List : K::Tuple, std::move(items), e->span.start());
    }
    case ExprKind::Dict: {
      auto d = std::make_shared<DictObj>();
      for (size_t i = 0; i < e->elts.size(); ++i) {
        if (!e->elts[i]) fail(e->span.start(), "SyntaxError: '**' in dict displays is not supported");
        Value k = eval(e->elts[i]);
        Value v = eval(e->values[i]);
        dict_set(*d, k, v, e->elts[i]->span.start());
      }
      return Value::object(d);
    }
    case ExprKind::ListComp: return eval_listcomp(e);
    case ExprKind::Attribute: {
      Value obj = eval(e->value);
      return get_attr(obj, e->name, attr_pos(e));
    }
    case ExprKind::Call: return eval_call(e);
    case ExprKind::Subscript: {
      Value obj = eval(e->value);
      std::vector<Value> idx = eval_index(e);
      return get_item(obj, idx, e->index_is_tuple, e->op_pos);
    }
    case ExprKind::Slice:
    case ExprKind::Starred: fail(e->span.start(), std::string("SyntaxError: ") + kind_name(e->kind) + " is not allowed here");
    case ExprKind::BinOp: {
      Value l = eval(e->left);
      Value r = eval(e->right);
      return binop(e->bin_op, l, r, e->op_pos);
    }
    case ExprKind::UnaryOp: return unary(e->unary_op, eval(e->value), e->op_pos);
    case ExprKind::Compare: {
      Value l = eval(e->left);
      for (size_t i = 0; i < e->cmp_ops.size(); ++i) {
        Value r = eval(e->elts[i]);
        Value c = compare(e->cmp_ops[i], l, r, e->cmp_op_pos[i]);
        if (i + 1 == e->cmp_ops.size()) return c;
        if (!truthy(c, e->cmp_op_pos[i])) return c;  // a < b < c == (a < b) and (b < c)
        l = std::move(r);
      }
      return Value::boolean(true);
    }
    case ExprKind::BoolOp: {  // returns the deciding operand, as Python
      Value v;
      for (size_t i = 0; i < e->elts.size(); ++i) {
        v = eval(e->elts[i]);
        if (i + 1 == e->elts.size()) break;
        const bool t = truthy(v, e->op_pos);
        if (e->bool_op == BoolOpKind::And ? !t : t) break;
      }
      return v;
    }
    case ExprKind::IfExp: return truthy(eval(e->test), e->test->span.start()) ? eval(e->body) : eval(e->orelse);
    case ExprKind::FString: {
      std::string out;
      for (const Expr* x : e->elts) {
        out += x->kind == ExprKind::Str ? x->str_value : eval(x).s;
        check_len(int64_t(out.size()), e->span.start());
      }
      return Value::str(std::move(out));
    }
    case ExprKind::FormattedValue: {
      Value v = eval(e->value);
      const Pos at = e->value->span.start();
      if (e->conversion == 'r' || e->conversion == 'a') v = Value::str(at_pos(at, [&] { return repr(v); }));
      else if (e->conversion == 's') v = Value::str(at_pos(at, [&] { return str_of(v); }));
      const std::string spec = e->format_spec ? eval(e->format_spec).s : std::string();
      return Value::str(format_value(v, spec, at));
    }
  }
  fail(e->span.start(), "SyntaxError: unsupported expression");
}

Value Interp::eval_listcomp(const Expr* e) {
  Value seq = eval(e->iter);
  std::unique_ptr<Iter> it = make_iter(seq, e->iter->span.start());
  std::vector<Value> out;
  Value x;
  const Pos at = e->op_pos;
  // Python 3 comprehensions have their own scope; binding the target in the current scope is
  // a simplification that only differs when the target name is also used outside.
  while (it->next(x)) {
    tick(at);
    assign(e->target, x, e->target->span.start());
    if (e->cond && !truthy(eval(e->cond), e->cond->span.start())) continue;
    out.push_back(eval(e->value));
    check_len(int64_t(out.size()), at);
  }
  return make_seq(K::List, std::move(out), e->span.start());
}

Value Interp::eval_call(const Expr* e) {
  Value fn = eval(e->value);
  std::vector<Value> pos;
  Kw kw;
  for (const Expr* a : e->elts) {
    if (a->kind == ExprKind::Starred) {
      std::vector<Value> more = to_vector(eval(a->value), a->span.start());
      pos.insert(pos.end(), more.begin(), more.end());
    } else {
      pos.push_back(eval(a));
    }
  }
  for (const Keyword& k : e->keywords) {
    Value v = eval(k.value);
    if (!k.name.empty()) {
      kw.emplace_back(k.name, std::move(v));
      continue;
    }
    auto d = as<DictObj>(v, Tag::Dict);
    if (!d) fail(k.span.start(), "TypeError: argument after ** must be a mapping, not " + v.type_name());
    for (const auto& [key, val] : d->items) {
      if (key.kind != K::Str) fail(k.span.start(), "TypeError: keywords must be strings");
      kw.emplace_back(key.s, val);
    }
  }
  return call(fn, pos, kw, call_pos(e));
}

std::vector<Value> Interp::eval_index(const Expr* e) {
  std::vector<Value> idx;
  for (const Expr* x : e->elts) {
    if (x->kind != ExprKind::Slice) {
      idx.push_back(eval(x));
      continue;
    }
    auto s = std::make_shared<SliceObj>();
    if (x->lower) s->lower = eval(x->lower);
    if (x->upper) s->upper = eval(x->upper);
    if (x->step) s->step = eval(x->step);
    idx.push_back(Value::object(s));
  }
  return idx;
}

bool Interp::truthy(const Value& v, Pos at) {
  switch (v.kind) {
    case K::None: return false;
    case K::Bool: return v.b;
    case K::Int: return v.i != 0;
    case K::Float: return v.f != 0;
    case K::Str: return !v.s.empty();
    case K::List:
    case K::Tuple: return !v.items->empty();
    case K::DType: return true;
    case K::Tensor: {
      const int64_t n = v.t.numel();
      if (n == 0) fail(at, "RuntimeError: Boolean value of Tensor with no values is ambiguous");
      if (n > 1) fail(at, "RuntimeError: Boolean value of Tensor with more than one value is ambiguous");
      return v.t.item() != 0;
    }
    case K::Object: {
      if (auto d = as<DictObj>(v, Tag::Dict)) return !d->items.empty();
      if (auto r = as<RangeObj>(v, Tag::Range)) return r->len() > 0;
      return true;
    }
  }
  return true;
}

bool Interp::equal(const Value& a, const Value& b, Pos at, int depth) {
  if (a.is_number() && b.is_number()) {
    if (a.kind == K::Float || b.kind == K::Float) return a.as_double() == b.as_double();
    return int_of(a) == int_of(b);
  }
  if (a.kind == K::Tensor || b.kind == K::Tensor) return truthy(compare(CmpOpKind::Eq, a, b, at), at);
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case K::None: return true;
    case K::Str: return a.s == b.s;
    case K::DType: return a.i == b.i;
    case K::List:
    case K::Tuple: {
      if (a.items->size() != b.items->size()) return false;
      if (depth > opt_.max_container_depth) fail(at, "RecursionError: maximum recursion depth exceeded in comparison");
      for (size_t i = 0; i < a.items->size(); ++i)
        if (!equal((*a.items)[i], (*b.items)[i], at, depth + 1)) return false;
      return true;
    }
    default: return a.obj == b.obj;
  }
}

void Interp::dict_set(DictObj& d, const Value& k, const Value& v, Pos at) {
  if (!(k.is_number() || k.kind == K::Str || k.kind == K::None || k.kind == K::Tuple || k.kind == K::DType))
    fail(at, "TypeError: unhashable type: '" + k.type_name() + "'");
  check_insert(v, &d, at);
  for (auto& kv : d.items)
    if (equal(kv.first, k, at)) {
      kv.second = v;
      return;
    }
  check_len(int64_t(d.items.size() + 1), at);
  d.items.emplace_back(k, v);
}

const Value* Interp::dict_get(const DictObj& d, const Value& k, Pos at) {
  for (const auto& kv : d.items)
    if (kv.first.kind != K::Tensor && k.kind != K::Tensor && equal(kv.first, k, at)) return &kv.second;
  return nullptr;
}

Value Interp::call(const Value& fn, std::vector<Value>& pos, Kw& kw, Pos at) {
  const Obj* o = as_obj(fn);
  if (!o) fail(at, "TypeError: '" + fn.type_name() + "' object is not callable");
  switch (o->tag) {
    case Tag::OpFn: {
      auto f = static_cast<const OpFnObj*>(o);
      if (f->self.defined()) pos.insert(pos.begin(), Value::tensor(f->self));
      Value r = call_table(f->name, f->where, pos, kw, at);
      if (f->name == "backward") {
        if (f->self.defined()) res_.backward_root = f->self;
        else if (!pos.empty() && pos[0].kind == K::Tensor) res_.backward_root = pos[0].t;
        else if (!pos.empty() && pos[0].is_seq() && !pos[0].items->empty() && (*pos[0].items)[0].kind == K::Tensor)
          res_.backward_root = (*pos[0].items)[0].t;
      }
      if (f->name == "size" && r.kind == K::Tuple) r.s = kSizeMark;
      return r;
    }
    case Tag::Builtin: return call_builtin(static_cast<const BuiltinObj*>(o)->id, static_cast<const BuiltinObj*>(o)->name, pos, kw, at);
    case Tag::UserFn: return call_user(*static_cast<const UserFnObj*>(o), pos, kw, at);
    case Tag::GradModeClass:
      if (!pos.empty() || !kw.empty()) fail(at, "TypeError: " + o->type_name() + "() takes no arguments");
      return make_obj<GradModeObj>(Tag::GradMode, static_cast<const GradModeObj*>(o)->enable);
    case Tag::Method: return call_method(*static_cast<const MethodObj*>(o), pos, kw, at);
    case Tag::NNClass: return construct_module(static_cast<const NNClassObj*>(o)->name, pos, kw, at);
    case Tag::OptimClass: return construct_optimizer(static_cast<const NNClassObj*>(o)->name, pos, kw, at);
    case Tag::NNModule: return call_module(static_cast<const NNModuleObj*>(o)->m, pos, kw, at);
    default: fail(at, "TypeError: '" + fn.type_name() + "' object is not callable");
  }
}

Value Interp::call_user(const UserFnObj& f, std::vector<Value>& pos, Kw& kw, Pos at) {
  const Stmt* d = f.def;
  const std::string& fname = d->name;
  if (call_depth_ >= opt_.max_call_depth)
    fail(at, "RecursionError: maximum recursion depth exceeded (more than " + std::to_string(opt_.max_call_depth) +
                 " nested calls)");
  const size_t np = d->params.size();
  if (pos.size() > np)
    fail(at, "TypeError: " + fname + "() takes " + std::to_string(np) + " positional argument" + (np == 1 ? "" : "s") +
                 " but " + std::to_string(pos.size()) + (pos.size() == 1 ? " was" : " were") + " given");
  auto scope = std::make_shared<Scope>();
  scope->parent = f.closure;
  std::vector<bool> set(np, false);
  for (size_t i = 0; i < pos.size(); ++i) scope->vars[d->params[i].name] = pos[i], set[i] = true;
  for (auto& [k, v] : kw) {
    size_t j = 0;
    while (j < np && d->params[j].name != k) ++j;
    if (j == np) fail(at, "TypeError: " + fname + "() got an unexpected keyword argument '" + k + "'");
    if (set[j]) fail(at, "TypeError: " + fname + "() got multiple values for argument '" + k + "'");
    scope->vars[k] = v, set[j] = true;
  }
  for (size_t j = 0; j < np; ++j) {
    if (set[j]) continue;
    if (!d->params[j].default_value)
      fail(at, "TypeError: " + fname + "() missing required positional argument: '" + d->params[j].name + "'");
    scope->vars[d->params[j].name] = f.defaults[j];
  }
  // Switch scopes; restored on every exit (RAII), including errors.
  struct Restore {
    Interp& in;
    Scope* scope;
    std::shared_ptr<Scope> owner;
    ~Restore() {
      in.scope_ = scope;
      in.scope_owner_ = std::move(owner);
      --in.call_depth_;
    }
  } restore{*this, scope_, scope_owner_};
  ++call_depth_;
  scope_ = scope.get();
  scope_owner_ = scope;
  ret_ = Value::none();
  Flow fl = exec_block(d->body);
  if (fl == Flow::Break || fl == Flow::Continue) fail(at, "SyntaxError: 'break' or 'continue' outside loop");
  Value r = std::move(ret_);
  ret_ = Value::none();
  return r;
}

}  // namespace tl::lang::detail
