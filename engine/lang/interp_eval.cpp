// Expressions, truthiness and equality, dicts, and calls (builtins, user functions).
#include <cmath>

#include "engine/lang/interp.h"
#include "engine/lang/numpy.h"

namespace tl::lang::detail {

Value Interp::eval(const Expr* e) {
  DepthGuard dg(eval_depth_, e->op_pos, stack_limit_);
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
        if (!e->elts[i]) {  // {**m}
          Value m = eval(e->values[i]);
          auto src = as<DictObj>(m, Tag::Dict);
          if (!src) fail(e->values[i]->span.start(), "TypeError: '" + m.type_name() + "' object is not a mapping");
          for (const auto& [k, v] : src->items) dict_set(*d, k, v, e->values[i]->span.start());
          continue;
        }
        Value k = eval(e->elts[i]);
        Value v = eval(e->values[i]);
        dict_set(*d, k, v, e->elts[i]->span.start());
      }
      return Value::object(d);
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GenExp: return eval_listcomp(e);
    case ExprKind::Set: {
      auto set = std::make_shared<SetObj>();
      for (const Expr* x : e->elts) {
        if (x->kind == ExprKind::Starred) {
          for (const Value& v : to_vector(eval(x->value), x->span.start())) set_add(*set, v, x->span.start());
        } else {
          set_add(*set, eval(x), x->span.start());
        }
      }
      return Value::object(set);
    }
    case ExprKind::Lambda: return make_user_fn(e->lambda_def);
    case ExprKind::Yield: {
      if (!yield_sink_) fail(e->span.start(), "SyntaxError: 'yield' outside function");
      if (e->bool_value) {  // yield from
        for (const Value& v : to_vector(eval(e->value), e->value->span.start())) {
          tick(e->span.start());
          yield_sink_->push_back(v);
        }
      } else {
        yield_sink_->push_back(e->value ? eval(e->value) : Value::none());
      }
      check_len(int64_t(yield_sink_->size()), e->span.start());
      return Value::none();
    }
    case ExprKind::CompFor: fail(e->span.start(), "SyntaxError: comprehension clause outside a comprehension");
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

// Comprehensions: each `for` clause is a loop level, walked with an explicit stack of iterators
// (no recursion over clauses). As in Python 3, the first clause's iterable is evaluated in the
// enclosing scope and everything else in a scope of the comprehension's own (whose parent is the
// enclosing one), so the targets neither leak out nor overwrite an outer variable of the same
// name. Generator expressions are evaluated eagerly (see GeneratorObj).
Value Interp::eval_listcomp(const Expr* e) {
  const Pos at = e->op_pos;
  std::vector<Value> out;
  std::shared_ptr<DictObj> dict;
  std::shared_ptr<SetObj> set;
  if (e->kind == ExprKind::DictComp) dict = std::make_shared<DictObj>();
  if (e->kind == ExprKind::SetComp) set = std::make_shared<SetObj>();
  const size_t n = e->elts.size();
  std::vector<std::unique_ptr<Iter>> its(n);
  size_t level = 0;
  its[0] = make_iter(eval(e->elts[0]->iter), e->elts[0]->iter->span.start());
  auto own = std::make_shared<Scope>();
  own->parent = scope_ == globals_.get() ? nullptr : scope_owner_;
  ScopeSwap swap(*this, own);
  while (true) {
    Value x;
    if (!its[level]->next(x)) {
      if (level == 0) break;
      --level;
      continue;
    }
    tick(at);
    const Expr* c = e->elts[level];
    assign(c->target, x, c->target->span.start());
    bool ok = true;
    for (const Expr* cond : c->values)
      if (!truthy(eval(cond), cond->span.start())) {
        ok = false;
        break;
      }
    if (!ok) continue;
    if (level + 1 < n) {
      ++level;
      its[level] = make_iter(eval(e->elts[level]->iter), e->elts[level]->iter->span.start());
      continue;
    }
    if (dict) {
      Value k = eval(e->value);
      dict_set(*dict, k, eval(e->right), at);
    } else if (set) {
      set_add(*set, eval(e->value), at);
    } else {
      out.push_back(eval(e->value));
      check_len(int64_t(out.size()), at);
    }
  }
  if (dict) return Value::object(dict);
  if (set) return Value::object(set);
  if (e->kind == ExprKind::GenExp) {
    auto g = std::make_shared<GeneratorObj>("<genexpr>");
    *g->items = std::move(out);
    return Value::object(g);
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
      if (is_nd(v)) return np_truthy(v, at);
      if (auto d = as<DictObj>(v, Tag::Dict)) return !d->items.empty();
      if (auto r = as<RangeObj>(v, Tag::Range)) return r->len() > 0;
      if (auto st = as<SetObj>(v, Tag::Set)) return !st->items.empty();
      if (class_of(v)) {
        Value out;
        if (call_dunder(v, "__bool__", {}, out, at)) {
          if (out.kind != K::Bool) fail(at, "TypeError: __bool__ should return bool, returned " + out.type_name());
          return out.b;
        }
        if (call_dunder(v, "__len__", {}, out, at)) return truthy(out, at);
      }
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
  if (class_of(a) || class_of(b)) return truthy(compare(CmpOpKind::Eq, a, b, at), at);
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case K::None: return true;
    case K::Str: return a.s == b.s;
    case K::DType: return a.i == b.i;
    case K::List:
    case K::Tuple: {
      if (a.items->size() != b.items->size()) return false;
      if (depth > opt_.max_container_depth) fail(at, "RecursionError: maximum recursion depth exceeded in comparison");
      // (elements as PyObject_RichCompareBool: the same object is equal without __eq__, so
      // `(t,) == (t,)` holds for a tensor t of several elements)
      for (size_t i = 0; i < a.items->size(); ++i)
        if (!identical((*a.items)[i], (*b.items)[i]) && !equal((*a.items)[i], (*b.items)[i], at, depth + 1)) return false;
      return true;
    }
    default: {
      if (a.obj == b.obj) return true;
      const Obj *x = as_obj(a), *y = as_obj(b);
      if (!x || !y || x->tag != y->tag) return false;
      switch (x->tag) {
        case Tag::Builtin: return static_cast<const BuiltinObj*>(x)->id == static_cast<const BuiltinObj*>(y)->id;
        case Tag::Type: return static_cast<const TypeObj*>(x)->name == static_cast<const TypeObj*>(y)->name;
        case Tag::NNClass:
        case Tag::OptimClass: return static_cast<const NNClassObj*>(x)->name == static_cast<const NNClassObj*>(y)->name;
        case Tag::Device: return static_cast<const DeviceObj*>(x)->str() == static_cast<const DeviceObj*>(y)->str();
        case Tag::NNModule: return static_cast<const NNModuleObj*>(x)->m == static_cast<const NNModuleObj*>(y)->m;
        case Tag::Dict: {
          auto p = static_cast<const DictObj*>(x), q = static_cast<const DictObj*>(y);
          if (p->items.size() != q->items.size()) return false;
          if (depth > opt_.max_container_depth) fail(at, "RecursionError: maximum recursion depth exceeded in comparison");
          for (const auto& [k, v] : p->items) {
            const Value* w = dict_get(*q, k, at);
            if (!w || (!identical(v, *w) && !equal(v, *w, at, depth + 1))) return false;
          }
          return true;
        }
        case Tag::Set: {
          auto p = static_cast<const SetObj*>(x), q = static_cast<const SetObj*>(y);
          if (p->items.size() != q->items.size()) return false;
          for (const Value& v : p->items)
            if (set_find(*q, v, at) < 0) return false;
          return true;
        }
        default: return false;
      }
    }
  }
}

// Hashable keys: numbers, str, None, tuples, dtypes, tensors and objects (by identity, as in
// Python, unless their class defines __eq__), not lists, dicts or sets.
void Interp::check_hashable(const Value& k, Pos at) {
  const bool bad = k.kind == K::List || as<DictObj>(k, Tag::Dict) || as<SetObj>(k, Tag::Set);
  if (bad) fail(at, "TypeError: unhashable type: '" + k.type_name() + "'");
  if (k.kind == K::Tuple)
    for (const Value& x : *k.items) check_hashable(x, at);
}
bool Interp::key_equal(const Value& a, const Value& b, Pos at) {
  if (a.kind == K::Tensor || b.kind == K::Tensor) return a.kind == b.kind && a.t.same(b.t);
  if ((a.kind == K::Object && !class_of(a)) || (b.kind == K::Object && !class_of(b))) return identical(a, b);
  return equal(a, b, at);
}

// Hashes consistent with key_equal: numbers by their double value (1 == 1.0 == True), strings by
// content, tensors and objects without a class by identity (NNModuleObj: the module), instances
// of classes without __eq__/__hash__ by identity, tuples of numbers/strings/None/dtypes by content.
bool Interp::fast_hash(const Value& k, uint64_t& h, int depth) {
  auto mix = [](uint64_t x) {  // splitmix64's finalizer
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
  };
  auto ptr = [&](const void* p) { return mix(uint64_t(uintptr_t(p)) ^ 0x9e3779b97f4a7c15ull); };
  switch (k.kind) {
    case K::None: h = 0x6e6f6e65ull; return true;
    case K::Bool:
    case K::Int:
    case K::Float: {
      double d = k.as_double();
      if (d == 0) d = 0;  // -0.0 == 0.0
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof bits);
      h = mix(bits);
      return true;
    }
    case K::Str: h = mix(std::hash<std::string>()(k.s)); return true;
    case K::DType: h = mix(uint64_t(k.i) + 0x64747970ull); return true;
    case K::Tensor: h = ptr(k.t.impl()); return true;
    case K::List: return false;
    case K::Tuple: {
      // Elements compare with equal(), which differs from key_equal for tensors and objects:
      // only tuples of plain values are hashed.
      if (depth > 8) return false;
      uint64_t acc = 0x7475706cull + k.items->size();
      for (const Value& x : *k.items) {
        uint64_t hx;
        if (x.kind == K::Tensor || x.kind == K::Object || !fast_hash(x, hx, depth + 1)) return false;
        acc = mix(acc * 31 + hx);
      }
      h = acc;
      return true;
    }
    case K::Object: {
      if (depth > 0) return false;
      if (auto cls = class_of(k)) {
        if (cls->lookup("__eq__") || cls->lookup("__hash__")) return false;
        if (auto m = as<NNModuleObj>(k, Tag::NNModule)) return h = ptr(m->m.get()), true;
        return h = ptr(k.obj.get()), true;
      }
      if (as<DictObj>(k, Tag::Dict) || as<SetObj>(k, Tag::Set)) return false;
      if (auto m = as<NNModuleObj>(k, Tag::NNModule)) return h = ptr(m->m.get()), true;
      return h = ptr(k.obj.get()), true;
    }
  }
  return false;
}

template <class Items, class KeyOf>
long Interp::key_find(KeyIndex& ix, const Items& items, const KeyOf& key_of, const Value& k, Pos at) {
  auto key_at = [&](size_t p) -> const Value& { return key_of(items[p]); };
  const size_t n = items.size();
  auto scan = [&]() -> long {  // (an __eq__ may change the container: its size is read each time)
    for (size_t p = 0; p < items.size(); ++p)
      if (key_equal(key_at(p), k, at)) return long(p);
    return -1;
  };
  if (n < KeyIndex::kMinIndexed) {
    if (!ix.hashes.empty()) ix.reset();
    return scan();
  }
  uint64_t h;
  if (!fast_hash(k, h)) return scan();
  auto insert = [&ix](uint64_t hp, size_t p) {
    const size_t mask = ix.slots.size() - 1;
    size_t i = size_t(hp) & mask;
    while (ix.slots[i]) i = (i + 1) & mask;
    ix.slots[i] = uint32_t(p + 1);
  };
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (ix.hashes.size() > n) ix.reset();  // items were removed without a reset()
    if (ix.hashes.size() < n) {            // index the tail (new items)
      if (ix.slots.size() < 2 * n) {       // grow: load factor <= 1/2
        size_t cap = 16;
        while (cap < 4 * n) cap *= 2;
        ix.slots.assign(cap, 0);
        for (size_t p = 0; p < ix.hashes.size(); ++p)
          if (ix.hashes[p] != KeyIndex::kNoHash) insert(ix.hashes[p], p);
      }
      for (size_t p = ix.hashes.size(); p < n; ++p) {
        uint64_t hp;
        if (!fast_hash(key_at(p), hp) || hp == KeyIndex::kNoHash) {
          ix.hashes.push_back(KeyIndex::kNoHash);
          ++ix.slow;
          continue;
        }
        ix.hashes.push_back(hp);
        insert(hp, p);
      }
    }
    if (ix.slow) return scan();
    const size_t mask = ix.slots.size() - 1;
    bool stale = false;
    for (size_t i = size_t(h) & mask; ix.slots[i]; i = (i + 1) & mask) {
      const size_t p = ix.slots[i] - 1;
      if (ix.hashes[p] != h) continue;
      uint64_t now;
      if (p >= n || !fast_hash(key_at(p), now) || now != h) {
        stale = true;
        break;
      }
      if (key_equal(key_at(p), k, at)) return long(p);
    }
    if (!stale) return -1;
    ix.reset();
  }
  return scan();
}

long Interp::dict_find(const DictObj& d, const Value& k, Pos at) {
  return key_find(const_cast<DictObj&>(d).index, d.items, [](const std::pair<Value, Value>& kv) -> const Value& { return kv.first; }, k, at);
}

long Interp::set_find(const SetObj& s, const Value& k, Pos at) {
  return key_find(const_cast<SetObj&>(s).index, s.items, [](const Value& v) -> const Value& { return v; }, k, at);
}

void Interp::set_add(SetObj& s, const Value& v, Pos at) {
  check_hashable(v, at);
  if (set_find(s, v, at) >= 0) return;
  check_len(int64_t(s.items.size() + 1), at);
  s.items.push_back(v);
}

void Interp::dict_set(DictObj& d, const Value& k, const Value& v, Pos at) {
  check_hashable(k, at);
  check_insert(v, &d, at);
  const long p = dict_find(d, k, at);
  if (p >= 0) {
    d.items[size_t(p)].second = v;
    return;
  }
  check_len(int64_t(d.items.size() + 1), at);
  d.items.emplace_back(k, v);
}

const Value* Interp::dict_get(const DictObj& d, const Value& k, Pos at) {
  const long p = dict_find(d, k, at);
  return p >= 0 ? &d.items[size_t(p)].second : nullptr;
}

// Keyword options of a few torch functions that their op-table rows lack (nonzero(as_tuple=),
// F.mse_loss(reduction=), F.gelu(approximate=), F.cross_entropy(label_smoothing=),
// scatter(reduce=)), composed of rows. Kept out of Interp::call (which every Python call passes
// through) so that its stack frame stays small: recursion depth is bounded by the wasm stack.
// Checks PyTorch makes in Python before the op's argument parser, for the rows where they differ
// from the row's own (in their own frame: see call_op_kw_options).
[[gnu::noinline]] void Interp::python_side_checks(const OpFnObj* f, const std::vector<Value>& pos, const Kw& kw, Pos at) {
  auto arg = [&](size_t i, const char* name) -> const Value* {  // pos includes self for a method
    for (const auto& [k, v] : kw)
      if (k == name) return &v;
    return pos.size() > i ? &pos[i] : nullptr;
  };
  if (f->name == "size") {
    // x.size(None) / x.size(dim=None): PyTorch's `size()` has no dim=None; None binds to the
    // named-dimension overload, which rejects it (the row's None default stands for `size()`).
    const Value* d = arg(1, "dim");
    if (d && d->is_none()) fail(at, "RuntimeError: Please look up dimensions by name, got: name = None.");
  } else if (f->name == "unflatten" && f->self.defined()) {
    // Tensor.unflatten (torch/_tensor.py) refuses empty sizes before ATen wraps the dim
    // (torch.unflatten wraps first: the row's order).
    const Value* sz = arg(2, "sizes");
    if (sz && sz->is_seq() && sz->items->empty()) fail(at, "RuntimeError: unflatten: sizes must be non-empty");
  } else if ((f->name == "sigmoid" || f->name == "tanh") && f->where == kF) {
    // F.sigmoid / F.tanh (deprecated) are `return input.sigmoid()` / `input.tanh()`.
    const Value* v = arg(0, "input");
    if (v && v->kind != K::Tensor)
      fail(at, "AttributeError: '" + v->type_name() + "' object has no attribute '" + f->name + "'");
  } else if ((f->name == "softmax" || f->name == "log_softmax") && f->where == kF) {
    // F.softmax(input, dim=None): _get_softmax_dim reads input.dim() when dim is None, then
    // input.softmax(dim) / input.log_softmax(dim).
    const Value* v = arg(0, "input");
    const Value* d = arg(1, "dim");
    if (v && v->kind != K::Tensor)
      fail(at, "AttributeError: '" + v->type_name() + "' object has no attribute '" +
                   (d && !d->is_none() ? f->name : std::string("dim")) + "'");
  } else if ((f->name == "max" || f->name == "min") && !(kw.size() == 1 && kw[0].first == "other")) {
    // max(None) / max(x, None) / max(dim=None): None binds to the named-dimension overload
    // (max(other=None) alone matches none: the row's TypeError).
    const Value* d = arg(1, "dim");
    const Value* x = arg(0, "input");
    if (x && x->kind == K::Tensor && d && d->is_none())
      fail(at, "RuntimeError: Please look up dimensions by name, got: name = None.");
  } else if ((f->name == "binary_cross_entropy_with_logits" || f->name == "binary_cross_entropy" ||
              f->name == "mse_loss" || f->name == "l1_loss" || f->name == "smooth_l1_loss") &&
             f->where == kF) {
    // These F losses compare target.size() with input.size() first (torch/nn/functional.py).
    for (const auto& [i, name] : {std::pair<size_t, const char*>{1, "target"}, {0, "input"}}) {
      const Value* v = arg(i, name);
      if (v && v->kind != K::Tensor)
        fail(at, "AttributeError: '" + v->type_name() + "' object has no attribute 'size'");
    }
  }
}

[[gnu::noinline]] bool Interp::call_op_kw_options(const OpFnObj* f, std::vector<Value>& pos, Kw& kw, Pos at, Value& out) {
  const auto body = [&]() -> std::optional<Value> {
    if (f->name == "nonzero")
      for (auto it = kw.begin(); it != kw.end(); ++it)
        if (it->first == "as_tuple") {
          // nonzero(as_tuple=True): one 1-D index tensor per dimension (a 0-d input counts as 1-d)
          const bool as_tuple = truthy(it->second, at);
          kw.erase(it);
          if (!as_tuple) break;
          if (!pos.empty() && pos[0].kind == K::Tensor && pos[0].t.dim() == 0)
            pos[0] = call1("reshape", kMethod, {pos[0], Value::integer(1)}, at);
          Value nz = call_table(f->name, f->where, pos, kw, at);
          return call1("unbind", kMethod, {nz, Value::integer(1)}, at);
        }
    // Keyword options of F.mse_loss / F.gelu / F.cross_entropy the op rows lack, composed of
    // rows as PyTorch's functional.py / ATen compose them (the values; the grad_fn is the last op's).
    auto take_kw = [&](const char* key, Value& out) {
      for (auto it = kw.begin(); it != kw.end(); ++it)
        if (it->first == key) return out = it->second, kw.erase(it), true;
      return false;
    };
    auto num = [](double x) { return Value::number(x); };
    if (f->name == "mse_loss" && !f->self.defined()) {
      Value red;
      if (take_kw("reduction", red) && !(red.kind == K::Str && red.s == "mean")) {
        if (pos.size() != 2 || red.kind != K::Str || (red.s != "sum" && red.s != "none"))
          fail(at, "ValueError: mse_loss: reduction must be 'mean', 'sum' or 'none'");
        Value d = call1("sub", kTorch, {pos[0], pos[1]}, at);
        Value sq = call1("mul", kTorch, {d, d}, at);
        if (red.s == "none") return sq;
        Value r = call1("sum", kTorch, {sq}, at);
        if (r.kind == K::Tensor && sq.kind == K::Tensor) resized_from(r.t, sq.t.shape());  // as mse_loss()
        return r;
      }
    }
    if (f->name == "gelu" && !f->self.defined()) {
      Value approx;
      if (take_kw("approximate", approx) && !(approx.kind == K::Str && approx.s == "none")) {
        if (pos.size() != 1 || approx.kind != K::Str || approx.s != "tanh")
          fail(at, "ValueError: gelu: approximate must be 'none' or 'tanh'");
        // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
        const Value& x = pos[0];
        Value x3 = call1("mul", kTorch, {call1("mul", kTorch, {x, x}, at), x}, at);
        Value inner = call1("add", kTorch, {x, call1("mul", kTorch, {x3, num(0.044715)}, at)}, at);
        Value t = call1("tanh", kTorch, {call1("mul", kTorch, {inner, num(M_SQRT2 * M_2_SQRTPI * 0.5)}, at)}, at);
        Value y = call1("mul", kTorch, {call1("mul", kTorch, {x, num(0.5)}, at), call1("add", kTorch, {t, num(1.0)}, at)}, at);
        if (x.kind == K::Tensor && y.kind == K::Tensor) label_node(y.t, TL_ROW("gelu"), {&x.t});  // GeluBackward0
        return y;
      }
    }
    if (f->name == "cross_entropy" && !f->self.defined()) {
      Value ls;
      if (take_kw("label_smoothing", ls) && truthy(ls, at)) {
        // (1 - e) * cross_entropy + e / C * mean over the batch of -sum_c log_softmax(x)[:, c]
        // (class-index targets, reduction 'mean', no weight / ignored targets)
        if (pos.size() != 2 || pos[0].kind != K::Tensor || !kw.empty())
          fail(at, "NotImplementedError: cross_entropy(label_smoothing=) is supported for (input, target) only");
        const double e = ls.kind == K::Int ? double(ls.i) : ls.f;
        Value nll = call_table(f->name, f->where, pos, kw, at);
        const int64_t classes = pos[0].t.dim() >= 2 ? pos[0].t.size(1) : pos[0].t.size(0);
        Value logp = call1("log_softmax", kTorch, {pos[0], Value::integer(pos[0].t.dim() >= 2 ? 1 : 0)}, at);
        Value smooth = pos[0].t.dim() >= 2 ? call1("mean", kTorch, {call1("sum", kTorch, {logp, Value::integer(1)}, at)}, at)
                                           : call1("sum", kTorch, {logp}, at);
        Value a = call1("mul", kTorch, {nll, num(1.0 - e)}, at);
        return call1("sub", kTorch, {a, call1("mul", kTorch, {smooth, num(e / double(classes))}, at)}, at);
      }
    }
    if ((f->name == "scatter_" || f->name == "scatter") && pos.size() == 4 && pos[0].kind == K::Tensor) {
      Value red;
      if (take_kw("reduce", red)) {
        // scatter_(dim, index, value or src, reduce='add' | 'multiply'): 'add' is scatter_add_ of
        // src (a number: a tensor of it, index's shape); 'multiply' with a number multiplies each
        // element by value ** (times it is indexed)
        if (red.kind != K::Str || (red.s != "add" && red.s != "multiply"))
          fail(at, "RuntimeError: reduce argument must be either add or multiply.");
        Value self = f->name == "scatter" ? call1("clone", kMethod, {pos[0]}, at) : pos[0];
        const Value& index = pos[2];
        const bool scalar = pos[3].kind != K::Tensor;
        if (red.s == "add") {
          Value src = scalar ? call1("new_full", kMethod, {self, call1("size", kMethod, {index}, at), pos[3]}, at) : pos[3];
          return call1("scatter_add_", kMethod, {self, pos[1], index, src}, at);
        }
        if (!scalar) fail(at, "NotImplementedError: scatter_(reduce='multiply') with a src tensor is not supported by tensorlens");
        Value ones = call1("new_ones", kMethod, {self, call1("size", kMethod, {index}, at)}, at);
        Value count = call1("scatter_add_", kMethod, {call1("zeros_like", kTorch, {self}, at), pos[1], index, ones}, at);
        return call1("mul_", kMethod, {self, call1("pow", kTorch, {pos[3], count}, at)}, at);
      }
    }
    return std::nullopt;
  };
  std::optional<Value> r = body();
  if (!r) return false;
  out = std::move(*r);
  return true;
}

Value Interp::call(const Value& fn, std::vector<Value>& pos, Kw& kw, Pos at) {
  const Obj* o = as_obj(fn);
  if (!o) fail(at, "TypeError: '" + fn.type_name() + "' object is not callable");
  if (o->tag == Tag::OpFn || o->tag == Tag::Type)  // torch.tensor(np_array) and friends: the array's values
    np_args_to_torch(*this, fn, pos, kw, at);
  switch (o->tag) {
    case Tag::NpFn:
    case Tag::NpDType: return np_call(*this, fn, pos, kw, at);
    case Tag::OpFn: {
      auto f = static_cast<const OpFnObj*>(o);
      if (f->self.defined()) pos.insert(pos.begin(), Value::tensor(f->self));
      if (!kw.empty()) {
        Value opt;
        if (call_op_kw_options(f, pos, kw, at, opt)) return opt;
      }
      python_side_checks(f, pos, kw, at);
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
    case Tag::UserFn: {
      // Library and prelude functions take the error-positioning paths (errors at the user's call
      // line); plain script functions (no closure: the recursion path) stay one frame.
      auto& f = *static_cast<const UserFnObj*>(o);
      Value r = f.closure && is_library_scope(f.closure.get()) ? call_library(f, pos, kw, at)
                : ag_ns_ && (in_prelude_ || f.closure)           ? call_user_positioned(f, pos, kw, at)
                                                                 : call_user(f, pos, kw, at);
      if (auto g = as<GeneratorObj>(r, Tag::Generator); g && g->lazy) g->lazy->fn = fn;  // keeps the function alive
      return r;
    }
    case Tag::GradModeClass:
      if (!pos.empty() || !kw.empty()) fail(at, "TypeError: " + o->type_name() + "() takes no arguments");
      return make_obj<GradModeObj>(Tag::GradMode, static_cast<const GradModeObj*>(o)->enable);
    case Tag::Method: return call_method(*static_cast<const MethodObj*>(o), pos, kw, at);
    case Tag::NNClass: return construct_module(static_cast<const NNClassObj*>(o)->name, pos, kw, at);
    case Tag::OptimClass: return construct_optimizer(static_cast<const NNClassObj*>(o)->name, pos, kw, at);
    case Tag::NNModule: return call_module(static_cast<const NNModuleObj*>(o)->m, pos, kw, at);
    case Tag::Class: return call_class(std::static_pointer_cast<ClassObj>(fn.obj), pos, kw, at);
    case Tag::Type: {
      const std::string& n = static_cast<const TypeObj*>(o)->name;
      static const char* const legacy[] = {"torch.Tensor", "torch.FloatTensor", "torch.DoubleTensor", "torch.LongTensor",
                                           "torch.BoolTensor", "torch.IntTensor", "torch.ShortTensor", "torch.CharTensor",
                                           "torch.ByteTensor", "torch.autograd.Variable"};
      for (const char* l : legacy)
        if (n == l) return call_legacy_type(n.substr(n.rfind('.') + 1), pos, kw, at);
      if (n.rfind("torch.nn.init.", 0) == 0) return call_nn_init(n.substr(14), pos, kw, at);
      if (n == kSizeMark) {  // torch.Size(iterable of ints=())
        no_kw("Size", kw, at), nargs("Size", pos, 0, 1, at);
        std::vector<Value> dims = pos.empty() ? std::vector<Value>{} : to_vector(pos[0], at);
        for (Value& d : dims) {
          if (d.kind == K::Tensor && d.t.numel() == 1 && !d.t.is_floating_point()) d = Value::integer(int64_t(d.t.item()));
          if (!is_int_like(d))
            fail(at, "TypeError: torch.Size() takes an iterable of 'int' (item " +
                         std::to_string(&d - dims.data()) + " is '" + d.type_name() + "')");
          d = Value::integer(int_of(d));
        }
        Value r = Value::tuple(std::move(dims));
        r.s = kSizeMark;
        return r;
      }
      fail(at, "TypeError: '" + fn.type_name() + "' object is not callable");
    }
    case Tag::BoundMethod: {
      auto b = static_cast<const BoundMethodObj*>(o);
      pos.insert(pos.begin(), b->self);
      return call(b->fn, pos, kw, at);
    }
    case Tag::Instance: {
      Value out;
      auto cls = class_of(fn);
      const Value* f = cls->lookup("__call__");
      if (!f) fail(at, "TypeError: '" + fn.type_name() + "' object is not callable");
      Value bound = bind_attr(fn, *f, cls, at);
      return call(bound, pos, kw, at);
    }
    case Tag::GradMode: {  // @torch.no_grad() on a function
      if (pos.size() != 1 || !kw.empty()) fail(at, "TypeError: " + o->type_name() + "() as a decorator takes one function");
      auto w = std::make_shared<WrapperObj>(Tag::GradWrapped, pos[0]);
      w->setter = Value::boolean(static_cast<const GradModeObj*>(o)->enable);
      if (static_cast<const GradModeObj*>(o)->inference >= 0)  // @torch.inference_mode(mode): the mode as an int
        w->setter = Value::integer(static_cast<const GradModeObj*>(o)->inference);
      return Value::object(w);
    }
    case Tag::GradWrapped: {
      auto w = static_cast<const WrapperObj*>(o);
      if (w->setter.kind == K::Int) return call_inference_wrapped(*w, pos, kw, at);  // @torch.inference_mode()
      EnableGradGuard guard(w->setter.b);
      return call(w->fn, pos, kw, at);
    }
    case Tag::StaticMethod:
    case Tag::ClassMethod: return call(static_cast<const WrapperObj*>(o)->fn, pos, kw, at);
    default: fail(at, "TypeError: '" + fn.type_name() + "' object is not callable");
  }
}

Value Interp::call_user(const UserFnObj& f, std::vector<Value>& pos, Kw& kw, Pos at) {
  const Stmt* d = f.def;
  if (call_depth_ >= opt_.max_call_depth)
    fail(at, "RecursionError: maximum recursion depth exceeded (more than " + std::to_string(opt_.max_call_depth) +
                 " nested calls)");
  auto scope = std::make_shared<Scope>();
  scope->parent = f.closure;
  bind_args(f, *scope, pos, kw, at);
  if (d->is_generator && lazy_generator_ok(d->body)) {  // runs as it is consumed (gen_resume)
    auto gen = std::make_shared<GeneratorObj>(d->name);
    gen->lazy = std::make_shared<GenState>();
    gen->lazy->scope = scope;
    captured_.push_back(scope);  // cycles through the suspended locals are broken at the end (~Interp)
    if (captured_.size() > 4096 && captured_.size() % 4096 == 0)  // drop scopes already gone
      captured_.erase(std::remove_if(captured_.begin(), captured_.end(), [](auto& w) { return w.expired(); }),
                      captured_.end());
    gen->lazy->frames.push_back({GenFrame::Kind::Block, &d->body, 0, nullptr, nullptr});
    return Value::object(gen);
  }
  // Switch scopes; restored on every exit (RAII), including errors.
  struct Restore {
    Interp& in;
    Scope* scope;
    std::shared_ptr<Scope> owner;
    std::vector<Value>* sink;
    ~Restore() {
      in.scope_ = scope;
      in.scope_owner_ = std::move(owner);
      in.yield_sink_ = sink;
      in.frames_.pop_back();
      --in.call_depth_;
    }
  } restore{*this, scope_, scope_owner_, yield_sink_};
  ++call_depth_;
  frames_.push_back({&f, scope.get()});
  scope_ = scope.get();
  scope_owner_ = scope;
  std::shared_ptr<GeneratorObj> gen;
  if (d->is_generator) {
    gen = std::make_shared<GeneratorObj>(d->name);
    yield_sink_ = gen->items.get();
  } else {
    yield_sink_ = nullptr;
  }
  ret_ = Value::none();
  Flow fl = exec_block(d->body);
  if (fl == Flow::Break || fl == Flow::Continue) fail(at, "SyntaxError: 'break' or 'continue' outside loop");
  Value r = std::move(ret_);
  ret_ = Value::none();
  if (gen) return Value::object(gen);
  return r;
}

void Interp::bind_args(const UserFnObj& f, Scope& scope, std::vector<Value>& pos, Kw& kw, Pos at) {
  const Stmt* d = f.def;
  const std::string& fname = f.qualname.empty() ? d->name : f.qualname;
  const size_t np = d->params.size();
  std::vector<bool> set(np, false);
  size_t n_positional = 0, n_required = 0;
  int varargs = -1, varkw = -1;
  for (size_t j = 0; j < np; ++j) {
    const Param& p = d->params[j];
    if (p.kind == Param::Kind::Normal) {
      ++n_positional;
      if (!p.default_value) ++n_required;
    }
    if (p.kind == Param::Kind::VarArgs) varargs = int(j);
    if (p.kind == Param::Kind::VarKw) varkw = int(j);
  }
  auto plural = [](size_t n, const char* w) { return std::to_string(n) + " " + w + (n == 1 ? "" : "s"); };
  if (pos.size() > n_positional && varargs < 0) {
    const std::string takes = n_required == n_positional ? plural(n_positional, "positional argument")
                                                          : "from " + std::to_string(n_required) + " to " +
                                                                plural(n_positional, "positional argument");
    fail(at, "TypeError: " + fname + "() takes " + takes + " but " + std::to_string(pos.size()) +
                 (pos.size() == 1 ? " was" : " were") + " given");
  }
  for (size_t i = 0; i < pos.size() && i < n_positional; ++i) scope.vars[d->params[i].name] = pos[i], set[i] = true;
  if (varargs >= 0) {
    std::vector<Value> extra;
    for (size_t i = n_positional; i < pos.size(); ++i) extra.push_back(pos[i]);
    scope.vars[d->params[size_t(varargs)].name] = Value::tuple(std::move(extra));
    set[size_t(varargs)] = true;
  }
  std::shared_ptr<DictObj> extra_kw;
  if (varkw >= 0) extra_kw = std::make_shared<DictObj>();
  for (auto& [k, v] : kw) {
    size_t j = 0;
    while (j < np && !(d->params[j].name == k && (d->params[j].kind == Param::Kind::Normal ||
                                                  d->params[j].kind == Param::Kind::KwOnly)))
      ++j;
    if (j == np) {
      if (!extra_kw) fail(at, "TypeError: " + fname + "() got an unexpected keyword argument '" + k + "'");
      for (const auto& kv : extra_kw->items)
        if (kv.first.s == k) fail(at, "TypeError: " + fname + "() got multiple values for keyword argument '" + k + "'");
      extra_kw->items.emplace_back(Value::str(k), v);
      continue;
    }
    if (set[j]) fail(at, "TypeError: " + fname + "() got multiple values for argument '" + k + "'");
    scope.vars[k] = v, set[j] = true;
  }
  if (extra_kw) scope.vars[d->params[size_t(varkw)].name] = Value::object(extra_kw), set[size_t(varkw)] = true;
  std::vector<std::string> missing_pos, missing_kw;
  for (size_t j = 0; j < np; ++j) {
    if (set[j]) continue;
    const Param& p = d->params[j];
    if (!p.default_value) {
      (p.kind == Param::Kind::KwOnly ? missing_kw : missing_pos).push_back("'" + p.name + "'");
      continue;
    }
    scope.vars[p.name] = f.defaults[j];
  }
  for (int k = 0; k < 2; ++k) {
    auto& m = k == 0 ? missing_pos : missing_kw;
    if (m.empty()) continue;
    std::string names;
    for (size_t i = 0; i < m.size(); ++i)
      names += (i == 0 ? "" : i + 1 == m.size() ? (m.size() > 2 ? ", and " : " and ") : ", ") + m[i];
    fail(at, "TypeError: " + fname + "() missing " + std::to_string(m.size()) + " required " +
                 (k == 0 ? "positional" : "keyword-only") + " argument" + (m.size() == 1 ? "" : "s") + ": " + names);
  }
}

}  // namespace tl::lang::detail

namespace tl::lang::detail {

// ---------------- lazy generators ----------------
namespace {
// Whether an expression contains a yield (of the function it is in: lambdas are their own).
// The parser bounds expression nesting, so this recursion is bounded.
bool expr_has_yield(const Expr* e) {
  if (!e) return false;
  if (e->kind == ExprKind::Yield) return true;
  if (e->kind == ExprKind::Lambda) return false;
  for (const Expr* x : {e->value, e->left, e->right, e->test, e->body, e->orelse, e->lower, e->upper, e->step,
                        e->target, e->iter, e->format_spec})
    if (expr_has_yield(x)) return true;
  for (const Expr* x : e->elts)
    if (expr_has_yield(x)) return true;
  for (const Expr* x : e->values)
    if (expr_has_yield(x)) return true;
  for (const Keyword& k : e->keywords)
    if (expr_has_yield(k.value)) return true;
  return false;
}
}  // namespace

bool Interp::stmt_has_yield(const Stmt* s) {
  if (s->kind == StmtKind::Def || s->kind == StmtKind::ClassDef) return false;  // their own bodies
  auto it = has_yield_.find(s);
  if (it != has_yield_.end()) return it->second;
  bool y = expr_has_yield(s->value) || expr_has_yield(s->target) || expr_has_yield(s->test) || expr_has_yield(s->iter);
  for (const Expr* t : s->targets) y = y || expr_has_yield(t);
  for (const auto* block : {&s->body, &s->orelse, &s->finalbody})
    for (const Stmt* c : *block) y = y || stmt_has_yield(c);
  for (const ExceptHandler& h : s->handlers) {
    y = y || expr_has_yield(h.type);
    for (const Stmt* c : h.body) y = y || stmt_has_yield(c);
  }
  has_yield_[s] = y;
  return y;
}

// A body runs lazily when each yield is a statement of its own (`yield x`, `yield from xs`) in
// the body or in if/elif/else, while and for blocks (not in try/with, nor inside an expression).
bool Interp::lazy_generator_ok(const std::vector<Stmt*>& body) {
  for (const Stmt* s : body) {
    if (!stmt_has_yield(s)) continue;
    switch (s->kind) {
      case StmtKind::Expr:
        if (s->value->kind != ExprKind::Yield || expr_has_yield(s->value->value)) return false;
        break;
      case StmtKind::If:
      case StmtKind::While:
        if (expr_has_yield(s->test) || !lazy_generator_ok(s->body) || !lazy_generator_ok(s->orelse)) return false;
        break;
      case StmtKind::For:
        if (expr_has_yield(s->iter) || expr_has_yield(s->target) || !lazy_generator_ok(s->body) ||
            !lazy_generator_ok(s->orelse))
          return false;
        break;
      default: return false;
    }
  }
  return true;
}

bool Interp::gen_resume(GeneratorObj& g, Pos at) {
  if (!g.lazy || g.lazy->done) return false;
  if (g.pos == g.items->size()) {  // everything made so far was consumed: keep memory bounded
    g.items->clear();
    g.pos = 0;
  }
  std::shared_ptr<GenState> keep = g.lazy;
  GenState& st = *keep;
  if (st.running) fail(at, "ValueError: generator already executing");
  auto fn = as<UserFnObj>(st.fn, Tag::UserFn);
  if (!fn) fail(at, "RuntimeError: generator without its function");
  if (call_depth_ >= opt_.max_call_depth)
    fail(at, "RecursionError: maximum recursion depth exceeded (more than " + std::to_string(opt_.max_call_depth) +
                 " nested calls)");
  // The generator's frame, as call_user sets it up; restored on every exit, including errors
  // (an error ends the generator, as in Python).
  struct Restore {
    Interp& in;
    GenState& st;
    Scope* scope;
    std::shared_ptr<Scope> owner;
    std::vector<Value>* sink;
    bool ok = false;
    ~Restore() {
      in.scope_ = scope;
      in.scope_owner_ = std::move(owner);
      in.yield_sink_ = sink;
      in.frames_.pop_back();
      --in.call_depth_;
      st.running = false;
      if (!ok) st.done = true, st.frames.clear();
    }
  } restore{*this, st, scope_, scope_owner_, yield_sink_};
  ++call_depth_;
  frames_.push_back({fn, st.scope.get()});
  scope_ = st.scope.get();
  scope_owner_ = st.scope;
  yield_sink_ = nullptr;
  st.running = true;
  auto push_block = [&](const std::vector<Stmt*>& b) {
    if (!b.empty()) st.frames.push_back({GenFrame::Kind::Block, &b, 0, nullptr, nullptr});
  };
  auto is_loop = [](const GenFrame& f) { return f.kind == GenFrame::Kind::While || f.kind == GenFrame::Kind::For; };
  auto finish = [&]() {
    restore.ok = true;
    st.done = true;
    st.frames.clear();
    return false;
  };
  Value ret_saved = std::move(ret_);
  struct RetBack {
    Value& r;
    Value& saved;
    ~RetBack() { r = std::move(saved); }
  } ret_back{ret_, ret_saved};
  while (!st.frames.empty()) {
    GenFrame& f = st.frames.back();
    if (f.kind != GenFrame::Kind::YieldFrom && f.idx < f.block->size()) {
      const Stmt* s = (*f.block)[f.idx++];
      const Pos sp = s->span.start();
      if (!stmt_has_yield(s)) {
        const Flow fl = exec(s);
        if (fl == Flow::Return) return finish();
        if (fl == Flow::Break || fl == Flow::Continue) {
          while (!st.frames.empty() && !is_loop(st.frames.back())) st.frames.pop_back();
          if (st.frames.empty()) fail(sp, "SyntaxError: 'break' or 'continue' outside loop");
          if (fl == Flow::Break) st.frames.pop_back();
          else st.frames.back().idx = st.frames.back().block->size();  // on to the next iteration
        }
        continue;
      }
      tick(sp);
      bind_pos_ = sp;
      switch (s->kind) {
        case StmtKind::Expr: {
          const Expr* y = s->value;
          if (y->bool_value) {  // yield from
            std::shared_ptr<Iter> it = make_iter(eval(y->value), y->value->span.start());
            st.frames.push_back({GenFrame::Kind::YieldFrom, nullptr, 0, nullptr, std::move(it)});
            continue;
          }
          Value v = y->value ? eval(y->value) : Value::none();
          g.items->push_back(std::move(v));
          restore.ok = true;
          return true;
        }
        case StmtKind::If: {
          const Stmt* cur = s;
          for (;;) {  // elif chains in a loop, as exec
            if (truthy(eval(cur->test), cur->test->span.start())) {
              push_block(cur->body);
              break;
            }
            if (cur->orelse.size() == 1 && cur->orelse[0]->kind == StmtKind::If) {
              cur = cur->orelse[0];
              tick(cur->span.start());
              continue;
            }
            push_block(cur->orelse);
            break;
          }
          continue;
        }
        case StmtKind::While:
          if (truthy(eval(s->test), s->test->span.start())) st.frames.push_back({GenFrame::Kind::While, &s->body, 0, s, nullptr});
          else push_block(s->orelse);
          continue;
        case StmtKind::For: {
          std::shared_ptr<Iter> it = make_iter(eval(s->iter), s->iter->span.start());
          // idx at the end: the first item is fetched like every next one
          st.frames.push_back({GenFrame::Kind::For, &s->body, s->body.size(), s, std::move(it)});
          continue;
        }
        default: fail(sp, "SyntaxError: unsupported statement in a generator");  // lazy_generator_ok refuses these
      }
    }
    // The frame's block is done: next iteration / item, or pop.
    switch (f.kind) {
      case GenFrame::Kind::Block: st.frames.pop_back(); break;
      case GenFrame::Kind::While: {
        const Stmt* s = f.loop;
        tick(s->span.start());
        if (truthy(eval(s->test), s->test->span.start())) {
          st.frames.back().idx = 0;
        } else {
          st.frames.pop_back();
          push_block(s->orelse);
        }
        break;
      }
      case GenFrame::Kind::For: {
        const Stmt* s = f.loop;
        std::shared_ptr<Iter> it = f.it;
        Value v;
        if (it->next(v)) {
          tick(s->span.start());
          assign(s->target, v, s->target->span.start());
          st.frames.back().idx = 0;
        } else {
          st.frames.pop_back();
          push_block(s->orelse);
        }
        break;
      }
      case GenFrame::Kind::YieldFrom: {
        std::shared_ptr<Iter> it = f.it;
        Value v;
        if (!it->next(v)) {
          st.frames.pop_back();
          break;
        }
        g.items->push_back(std::move(v));
        restore.ok = true;
        return true;
      }
    }
  }
  return finish();
}

}  // namespace tl::lang::detail
