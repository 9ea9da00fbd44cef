// Binary, unary and comparison operators on numbers, sequences and tensors.
#include "engine/lang/interp.h"
#include "engine/lang/numpy.h"
#include "engine/ops/op_table.h"

namespace tl::lang::detail {

const char* Interp::tensor_op_name(BinOpKind op) {
  switch (op) {
    case BinOpKind::Add: return "add";
    case BinOpKind::Sub: return "sub";
    case BinOpKind::Mul: return "mul";
    case BinOpKind::Div: return "div";
    case BinOpKind::MatMul: return "matmul";
    case BinOpKind::Pow: return "pow";
    case BinOpKind::FloorDiv: return "floor_divide";
    case BinOpKind::Mod: return "remainder";
    case BinOpKind::BitAnd: return "bitwise_and";
    case BinOpKind::BitOr: return "bitwise_or";
    case BinOpKind::BitXor: return "bitwise_xor";
    case BinOpKind::LShift: return "bitwise_left_shift";
    case BinOpKind::RShift: return "bitwise_right_shift";
    default: return "";
  }
}

[[noreturn]] void Interp::unsupported(BinOpKind op, const Value& a, const Value& b, Pos at) {
  fail(at, std::string("TypeError: unsupported operand type(s) for ") + op_str(op) + ": '" + a.type_name() + "' and '" +
               b.type_name() + "'");
}

[[noreturn]] void Interp::overflow(Pos at) { fail(at, "OverflowError: integer overflow (tensorlens integers are 64-bit)"); }

Value Interp::tensor_binop(BinOpKind op, const Value& a, const Value& b, Pos at) {
  // tensor +-*/ tensor-or-number, most of a script's arithmetic: tl::arith directly, with what
  // call_table adds (source position for the graph, error position, memory check).
  const bool is_arith = op == BinOpKind::Add || op == BinOpKind::Sub || op == BinOpKind::Mul || op == BinOpKind::Div;
  // (an int beyond 2^53 is not a double: it takes call_table's exact path)
  const bool exact_double = b.kind != K::Int || (b.i >= -(int64_t(1) << 53) && b.i <= (int64_t(1) << 53));
  if (is_arith && a.kind == K::Tensor && exact_double && (b.kind == K::Tensor || b.kind == K::Int || b.kind == K::Float)) {
    const Arith ar = op == BinOpKind::Add ? Arith::Add : op == BinOpKind::Sub ? Arith::Sub
                     : op == BinOpKind::Mul ? Arith::Mul : Arith::Div;
    Value r = at_pos(at, [&] {
      SourcePosGuard sp(at.line, at.col);
      Tensor t = b.kind == K::Tensor ? arith(ar, a.t, b.t) : arith(ar, a.t, b.as_double(), b.kind == K::Int);
      if (t.impl()->ti_strides) {
        if (t.impl()->storage == a.t.impl()->storage || (b.kind == K::Tensor && t.impl()->storage == b.t.impl()->storage))
          t.impl()->ti_strides.reset();
        apply_ti_layout(t);
      }
      return Value::tensor(t);
    });
    check_memory(at);
    return r;
  }
  const char* name = tensor_op_name(op);
  const unsigned where = kTorch | kMethod;
  if (!*name || find_ops(name, where).empty()) unsupported(op, a, b, at);
  if (a.kind == K::Tensor) return call_table(name, where, {a, b}, {}, at);
  if (!a.is_number()) unsupported(op, a, b, at);
  // number OP tensor: PyTorch's reflected operators. A Python number becomes a wrapped scalar
  // of the tensor's kind (wrap_scalar), so `2 * x` and `1 - x` keep x's dtype.
  switch (op) {
    case BinOpKind::Add:
    case BinOpKind::Mul: return call_table(name, where, {b, a}, {}, at);
    case BinOpKind::Pow: {  // PyTorch's __rpow__: torch.tensor(number, dtype=result_type) ** x (PowBackward1)
      Tensor w = wrap_number(a, b.t);
      // torch.tensor(number, dtype=<an integer type>) checks the range (a float type takes any number)
      if (tl::is_int(w.dtype()) && number_overflows(a, w.dtype()))
        fail(at, std::string("RuntimeError: value cannot be converted to type ") + dtype_name(w.dtype()) + " without overflow");
      return call_table(name, where, {Value::tensor(w), b}, {}, at);
    }
    case BinOpKind::MatMul: unsupported(op, a, b, at);
    case BinOpKind::Mod: return call_table(name, where, {a, b}, {}, at);  // remainder.Scalar_Tensor
    case BinOpKind::Div: {  // PyTorch's __rtruediv__: reciprocal(x) * number (its values and its graph)
      Value rec = call_table("reciprocal", kTorch, {b}, {}, at);
      return call_table("mul", where, {rec, a}, {}, at);
    }
    default: {
      if (op == BinOpKind::Sub && a.kind == K::Bool)  // PyTorch's rsub: a Python bool is a bool tensor
        fail(at, std::string("RuntimeError: ") + sub_check_message(true, b.t.dtype() == DType::Bool));
      // (a Python bool with a bool tensor stays bool: True // x reaches the bool kernel check)
      Tensor w = wrap_number(a, b.t);
      Value r = call_table(name, where, {Value::tensor(w), b}, {}, at);
      if (op == BinOpKind::Sub && r.kind == K::Tensor) label_node(r.t, TL_ROW("rsub.Scalar"), {&b.t});  // number - x
      return r;
    }
  }
}

// The dunder names of a binary operator: {"__add__", "__radd__"}, ...
static std::pair<const char*, const char*> dunder_names(BinOpKind op) {
  switch (op) {
    case BinOpKind::Add: return {"__add__", "__radd__"};
    case BinOpKind::Sub: return {"__sub__", "__rsub__"};
    case BinOpKind::Mul: return {"__mul__", "__rmul__"};
    case BinOpKind::Div: return {"__truediv__", "__rtruediv__"};
    case BinOpKind::FloorDiv: return {"__floordiv__", "__rfloordiv__"};
    case BinOpKind::Mod: return {"__mod__", "__rmod__"};
    case BinOpKind::MatMul: return {"__matmul__", "__rmatmul__"};
    case BinOpKind::Pow: return {"__pow__", "__rpow__"};
    case BinOpKind::LShift: return {"__lshift__", "__rlshift__"};
    case BinOpKind::RShift: return {"__rshift__", "__rrshift__"};
    case BinOpKind::BitOr: return {"__or__", "__ror__"};
    case BinOpKind::BitXor: return {"__xor__", "__rxor__"};
    case BinOpKind::BitAnd: return {"__and__", "__rand__"};
  }
  return {"", ""};
}

// a OP b when either operand is a script object: a.__op__(b), then b.__rop__(a); false if
// neither applies (the caller reports the TypeError).
bool Interp::instance_binop(BinOpKind op, const Value& a, const Value& b, Pos at, Value& out) {
  auto [l, rname] = dunder_names(op);
  if (class_of(a) && call_dunder(a, l, {b}, out, at) && !as<NotImplObj>(out, Tag::NotImpl)) return true;
  if (class_of(b) && call_dunder(b, rname, {a}, out, at) && !as<NotImplObj>(out, Tag::NotImpl)) return true;
  return false;
}

Value Interp::binop(BinOpKind op, const Value& a, const Value& b, Pos at) {
  if (a.kind == K::Object || b.kind == K::Object) {
    Value out;
    if (instance_binop(op, a, b, at, out)) return out;
    if ((is_nd(a) || is_nd(b)) && a.kind != K::Str) return np_binop(*this, op, a, b, at);  // "%s" % arr: formatting
    auto sa = as<SetObj>(a, Tag::Set), sb = as<SetObj>(b, Tag::Set);
    if (sa && sb && (op == BinOpKind::BitOr || op == BinOpKind::BitAnd || op == BinOpKind::Sub || op == BinOpKind::BitXor)) {
      auto r = std::make_shared<SetObj>();
      auto in = [&](const SetObj& s, const Value& v) { return set_find(s, v, at) >= 0; };
      for (const Value& v : sa->items)
        if (op == BinOpKind::BitOr || (op == BinOpKind::BitAnd) == in(*sb, v)) set_add(*r, v, at);
      if (op == BinOpKind::BitOr || op == BinOpKind::BitXor)
        for (const Value& v : sb->items)
          if (op == BinOpKind::BitOr || !in(*sa, v)) set_add(*r, v, at);
      return Value::object(r);
    }
  }
  if (op == BinOpKind::Mul && (a.kind == K::Tensor) != (b.kind == K::Tensor)) {
    // A sequence times a tensor (either order): Tensor.__mul__ / __rmul__ give NotImplemented and
    // Python repeats the sequence by the tensor's __index__ ((1, 2) * torch.tensor(2)).
    const Value& t = a.kind == K::Tensor ? a : b;
    const Value& s = a.kind == K::Tensor ? b : a;
    if (s.is_seq() || s.kind == K::Str) {
      if (t.t.numel() != 1 || t.t.is_floating_point())
        fail(at, "TypeError: only integer tensors of a single element can be converted to an index");
      return binop(op, s, Value::integer(to_index(t, at)), at);
    }
  }
  if (a.kind == K::Tensor || b.kind == K::Tensor) return tensor_binop(op, a, b, at);
  if (a.is_number() && b.is_number()) return num_binop(op, a, b, at);
  if (op == BinOpKind::Add && a.kind == b.kind && (a.is_seq() || a.kind == K::Str)) {
    if (a.kind == K::Str) {
      check_len(int64_t(a.s.size() + b.s.size()), at);
      return Value::str(a.s + b.s);
    }
    std::vector<Value> r = *a.items;
    check_len(int64_t(r.size() + b.items->size()), at);
    r.insert(r.end(), b.items->begin(), b.items->end());
    return a.kind == K::List ? Value::list(std::move(r)) : Value::tuple(std::move(r));
  }
  const bool a_seq = a.is_seq() || a.kind == K::Str, b_seq = b.is_seq() || b.kind == K::Str;
  if (op == BinOpKind::Mul && ((a_seq && is_int_like(b)) || (b_seq && is_int_like(a)))) {
    const Value& s = is_int_like(a) ? b : a;
    const int64_t n = std::max<int64_t>(0, int_of(is_int_like(a) ? a : b));
    const int64_t len = s.kind == K::Str ? int64_t(s.s.size()) : int64_t(s.items->size());
    if (len && n > opt_.max_container_len / len) check_len(opt_.max_container_len + 1, at);
    const int64_t reps = len ? n : 0;  // () * 10**12 is () at once, as in Python (no empty loop)
    if (s.kind == K::Str) {
      std::string r;
      r.reserve(size_t(len * reps));
      for (int64_t i = 0; i < reps; ++i) r += s.s;
      return Value::str(r);
    }
    std::vector<Value> r;
    r.reserve(size_t(len * reps));
    for (int64_t i = 0; i < reps; ++i) r.insert(r.end(), s.items->begin(), s.items->end());
    return s.kind == K::List ? Value::list(std::move(r)) : Value::tuple(std::move(r));
  }
  if (op == BinOpKind::Mod && a.kind == K::Str) return Value::str(percent_format(a.s, b, at));
  unsupported(op, a, b, at);
}

Value Interp::num_binop(BinOpKind op, const Value& a, const Value& b, Pos at) {
  if (is_int_like(a) && is_int_like(b)) {
    const int64_t x = int_of(a), y = int_of(b);
    int64_t r = 0;
    switch (op) {
      case BinOpKind::Add: if (__builtin_add_overflow(x, y, &r)) overflow(at); return Value::integer(r);
      case BinOpKind::Sub: if (__builtin_sub_overflow(x, y, &r)) overflow(at); return Value::integer(r);
      case BinOpKind::Mul: if (__builtin_mul_overflow(x, y, &r)) overflow(at); return Value::integer(r);
      case BinOpKind::Div:
        if (y == 0) fail(at, "ZeroDivisionError: division by zero");
        return Value::number(double(x) / double(y));
      case BinOpKind::FloorDiv:
      case BinOpKind::Mod: {
        if (y == 0) fail(at, "ZeroDivisionError: integer division or modulo by zero");
        if (y == -1) {
          if (op == BinOpKind::Mod) return Value::integer(0);
          if (x == INT64_MIN) overflow(at);
          return Value::integer(-x);
        }
        int64_t q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) --q, m += y;
        return Value::integer(op == BinOpKind::FloorDiv ? q : m);
      }
      case BinOpKind::Pow: {
        if (y < 0) {
          if (x == 0) fail(at, "ZeroDivisionError: 0.0 cannot be raised to a negative power");
          return Value::number(std::pow(double(x), double(y)));
        }
        int64_t base = x, e = y, acc = 1;
        while (e) {
          if (e & 1)
            if (__builtin_mul_overflow(acc, base, &acc)) overflow(at);
          e >>= 1;
          if (e && __builtin_mul_overflow(base, base, &base)) overflow(at);
        }
        return Value::integer(acc);
      }
      case BinOpKind::LShift:
        if (y < 0) fail(at, "ValueError: negative shift count");
        if (x == 0) return Value::integer(0);
        if (y >= 63) overflow(at);
        {
          // Shifted as unsigned: << of a negative int64 is undefined behaviour in C++17.
          const int64_t r = int64_t(uint64_t(x) << y);
          if ((r >> y) != x) overflow(at);
          return Value::integer(r);
        }
      case BinOpKind::RShift:
        if (y < 0) fail(at, "ValueError: negative shift count");
        return Value::integer(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
      case BinOpKind::BitAnd: return a.kind == K::Bool && b.kind == K::Bool ? Value::boolean(a.b && b.b) : Value::integer(x & y);
      case BinOpKind::BitOr: return a.kind == K::Bool && b.kind == K::Bool ? Value::boolean(a.b || b.b) : Value::integer(x | y);
      case BinOpKind::BitXor: return a.kind == K::Bool && b.kind == K::Bool ? Value::boolean(a.b != b.b) : Value::integer(x ^ y);
      case BinOpKind::MatMul: unsupported(op, a, b, at);
    }
  }
  const double x = a.as_double(), y = b.as_double();
  switch (op) {
    case BinOpKind::Add: return Value::number(x + y);
    case BinOpKind::Sub: return Value::number(x - y);
    case BinOpKind::Mul: return Value::number(x * y);
    case BinOpKind::Div:
      if (y == 0) fail(at, "ZeroDivisionError: float division by zero");
      return Value::number(x / y);
    case BinOpKind::FloorDiv:
    case BinOpKind::Mod: {
      if (y == 0) fail(at, op == BinOpKind::Mod ? "ZeroDivisionError: float modulo" : "ZeroDivisionError: float floor division by zero");
      // CPython's float_divmod.
      double mod = std::fmod(x, y), div = (x - mod) / y;
      if (mod != 0) {
        if ((y < 0) != (mod < 0)) mod += y, div -= 1.0;
      } else {
        mod = std::copysign(0.0, y);
      }
      double fl;
      if (div != 0) {
        fl = std::floor(div);
        if (div - fl > 0.5) fl += 1.0;
      } else {
        fl = std::copysign(0.0, x / y);
      }
      return Value::number(op == BinOpKind::Mod ? mod : fl);
    }
    case BinOpKind::Pow: {
      if (x == 0 && y < 0) fail(at, "ZeroDivisionError: 0.0 cannot be raised to a negative power");
      if (x < 0 && std::isfinite(y) && y != std::floor(y))
        fail(at, "ValueError: a negative number raised to a fractional power is complex (not supported)");
      double r = std::pow(x, y);
      if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) fail(at, "OverflowError: (34, 'Numerical result out of range')");
      return Value::number(r);
    }
    default: unsupported(op, a, b, at);
  }
}

Value Interp::unary(UnaryOpKind op, const Value& v, Pos at) {
  if (is_nd(v)) return np_unary(*this, op, v, at);
  if (op != UnaryOpKind::Not && class_of(v)) {
    Value out;
    const char* n = op == UnaryOpKind::Neg ? "__neg__" : op == UnaryOpKind::Pos ? "__pos__" : "__invert__";
    if (call_dunder(v, n, {}, out, at)) return out;
  }
  switch (op) {
    case UnaryOpKind::Not: return Value::boolean(!truthy(v, at));
    case UnaryOpKind::Neg:
      if (v.kind == K::Tensor) return call1("neg", kTorch, {v}, at);
      if (is_int_like(v)) {
        if (int_of(v) == INT64_MIN) overflow(at);
        return Value::integer(-int_of(v));
      }
      if (v.kind == K::Float) return Value::number(-v.f);
      break;
    case UnaryOpKind::Pos:
      if (v.kind == K::Tensor || v.kind == K::Float) return v;
      if (is_int_like(v)) return Value::integer(int_of(v));
      break;
    case UnaryOpKind::Invert:
      if (is_int_like(v)) return Value::integer(~int_of(v));
      if (v.kind == K::Tensor) {
        if (v.t.is_floating_point())  // PyTorch's Tensor.__invert__
          fail(at, "TypeError: ~ (operator.invert) is only implemented on integer and Boolean-type tensors");
        const char* n = v.t.dtype() == DType::Bool ? "logical_not" : "bitwise_not";
        if (!find_ops(n, kTorch).empty()) return call1(n, kTorch, {v}, at);
      }
      break;
  }
  fail(at, std::string("TypeError: bad operand type for unary ") + op_str(op) + ": '" + v.type_name() + "'");
}

const char* Interp::cmp_name(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Lt: return "lt";
    case CmpOpKind::Le: return "le";
    case CmpOpKind::Gt: return "gt";
    case CmpOpKind::Ge: return "ge";
    case CmpOpKind::Eq: return "eq";
    case CmpOpKind::Ne: return "ne";
    default: return "";
  }
}

CmpOpKind Interp::flip(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Lt: return CmpOpKind::Gt;
    case CmpOpKind::Le: return CmpOpKind::Ge;
    case CmpOpKind::Gt: return CmpOpKind::Lt;
    case CmpOpKind::Ge: return CmpOpKind::Le;
    default: return op;
  }
}

bool Interp::identical(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case K::None: return true;
    case K::Bool: return a.b == b.b;
    case K::Int: return a.i == b.i;
    case K::Float: return a.f == b.f;
    case K::Str: return a.s == b.s;
    case K::DType: return a.i == b.i;
    case K::Tensor: return a.t.same(b.t);
    case K::List:
    case K::Tuple: return a.items == b.items;
    case K::Object: {
      if (a.obj == b.obj) return true;
      // Ellipsis is a singleton (`x is ...`); each `...` literal makes an EllipsisObj here
      if (as<EllipsisObj>(a, Tag::Ellipsis) && as<EllipsisObj>(b, Tag::Ellipsis)) return true;
      auto ma = as<NNModuleObj>(a, Tag::NNModule), mb = as<NNModuleObj>(b, Tag::NNModule);
      if (ma && mb) return ma->m == mb->m;
      // Classes are singletons in Python (type(m) is nn.Linear); tensorlens makes a fresh object
      // for each reading of a builtin class, so they are compared by name.
      const Obj *x = as_obj(a), *y = as_obj(b);
      if (x->tag != y->tag) return false;
      if (x->tag == Tag::NNClass || x->tag == Tag::OptimClass)
        return static_cast<const NNClassObj*>(x)->name == static_cast<const NNClassObj*>(y)->name;
      if (x->tag == Tag::Type) return static_cast<const TypeObj*>(x)->name == static_cast<const TypeObj*>(y)->name;
      if (x->tag == Tag::Builtin) return static_cast<const BuiltinObj*>(x)->id == static_cast<const BuiltinObj*>(y)->id;
      if (x->tag == Tag::Module) return static_cast<const ModuleObj*>(x)->mod == static_cast<const ModuleObj*>(y)->mod;
      return false;
    }
  }
  return false;
}

Value Interp::compare(CmpOpKind op, const Value& a, const Value& b, Pos at) {
  if (op != CmpOpKind::Is && op != CmpOpKind::IsNot && (op == CmpOpKind::In || op == CmpOpKind::NotIn ? is_nd(b) : is_nd(a) || is_nd(b)))
    return np_compare(*this, op, a, b, at);
  switch (op) {
    case CmpOpKind::Is: return Value::boolean(identical(a, b));
    case CmpOpKind::IsNot: return Value::boolean(!identical(a, b));
    case CmpOpKind::In:
    case CmpOpKind::NotIn: {
      bool found = false;
      Value out;
      if (class_of(b) && call_dunder(b, "__contains__", {a}, out, at)) return Value::boolean(truthy(out, at) == (op == CmpOpKind::In));
      if (auto st = as<SetObj>(b, Tag::Set)) {
        found = set_find(*st, a, at) >= 0;
        return Value::boolean(found == (op == CmpOpKind::In));
      }
      if (auto m = as<NNModuleObj>(b, Tag::NNModule)) {  // key in ModuleDict
        if (a.kind == K::Str) found = m->m->find_child(a.s) != nullptr;
        return Value::boolean(found == (op == CmpOpKind::In));
      }
      if (class_of(b) || as<GeneratorObj>(b, Tag::Generator)) {
        std::unique_ptr<Iter> it = make_iter(b, at);
        Value x;
        while (!found && it->next(x)) found = identical(x, a) || equal(x, a, at);
        return Value::boolean(found == (op == CmpOpKind::In));
      }
      if (b.is_seq()) {
        for (const Value& x : *b.items)
          if (identical(x, a) || (x.kind != K::Tensor && a.kind != K::Tensor && equal(x, a, at))) {
            found = true;
            break;
          }
      } else if (b.kind == K::Str) {
        if (a.kind != K::Str) fail(at, "TypeError: 'in <string>' requires string as left operand, not " + a.type_name());
        found = b.s.find(a.s) != std::string::npos;
      } else if (auto d = as<DictObj>(b, Tag::Dict)) {
        found = dict_get(*d, a, at) != nullptr;
      } else if (auto r = as<RangeObj>(b, Tag::Range)) {
        if (is_int_like(a)) {
          const int64_t x = int_of(a);
          found = r->step > 0 ? (x >= r->start && x < r->stop && (x - r->start) % r->step == 0)
                              : (x <= r->start && x > r->stop && (r->start - x) % (-r->step) == 0);
        }
      } else {
        fail(at, "TypeError: argument of type '" + b.type_name() + "' is not iterable");
      }
      return Value::boolean(found == (op == CmpOpKind::In));
    }
    default: break;
  }
  const bool eqne = op == CmpOpKind::Eq || op == CmpOpKind::Ne;
  if (class_of(a) || class_of(b)) {
    static const char* const names[] = {"__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__"};
    auto idx = [](CmpOpKind k) { return k == CmpOpKind::Lt ? 0 : k == CmpOpKind::Le ? 1 : k == CmpOpKind::Gt ? 2 : k == CmpOpKind::Ge ? 3 : k == CmpOpKind::Eq ? 4 : 5; };
    Value out;
    if (class_of(a) && call_dunder(a, names[idx(op)], {b}, out, at) && !as<NotImplObj>(out, Tag::NotImpl)) return out;
    if (class_of(b) && call_dunder(b, names[idx(flip(op))], {a}, out, at) && !as<NotImplObj>(out, Tag::NotImpl)) return out;
    if (op == CmpOpKind::Ne && class_of(a) && call_dunder(a, "__eq__", {b}, out, at) && !as<NotImplObj>(out, Tag::NotImpl))
      return Value::boolean(!truthy(out, at));
    if (eqne) return Value::boolean(identical(a, b) == (op == CmpOpKind::Eq));
    fail(at, std::string("TypeError: '") + op_str(op) + "' not supported between instances of '" + a.type_name() +
                 "' and '" + b.type_name() + "'");
  }
  if (a.kind == K::Tensor || b.kind == K::Tensor) {
    const Value& t = a.kind == K::Tensor ? a : b;
    const Value& o = a.kind == K::Tensor ? b : a;
    if (o.kind == K::Tensor || o.is_number())
      return call_table(cmp_name(a.kind == K::Tensor ? op : flip(op)), kTorch | kMethod, {t, o}, {}, at);
    if (eqne) return Value::boolean(op == CmpOpKind::Ne);
    fail(at, std::string("TypeError: '") + op_str(op) + "' not supported between instances of '" + a.type_name() +
                 "' and '" + b.type_name() + "'");
  }
  if (eqne) return Value::boolean(equal(a, b, at) == (op == CmpOpKind::Eq));
  int c = 0;  // -1, 0, 1
  if (a.is_number() && b.is_number()) {
    if (a.kind == K::Float || b.kind == K::Float) {
      const double x = a.as_double(), y = b.as_double();
      if (std::isnan(x) || std::isnan(y)) return Value::boolean(false);
      c = x < y ? -1 : x > y ? 1 : 0;
    } else {
      c = int_of(a) < int_of(b) ? -1 : int_of(a) > int_of(b) ? 1 : 0;
    }
  } else if (a.kind == K::Str && b.kind == K::Str) {
    c = a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
  } else if (a.is_seq() && a.kind == b.kind) {
    size_t i = 0;
    // Python's PyObject_RichCompareBool: an element is equal to itself without __eq__ (a tuple of
    // empty tensors compares with itself).
    auto same = [&](const Value& x, const Value& y) { return identical(x, y) || equal(x, y, at); };
    while (i < a.items->size() && i < b.items->size() && same((*a.items)[i], (*b.items)[i])) ++i;
    if (i < a.items->size() && i < b.items->size()) return compare(op, (*a.items)[i], (*b.items)[i], at);
    c = a.items->size() < b.items->size() ? -1 : a.items->size() > b.items->size() ? 1 : 0;
  } else {
    fail(at, std::string("TypeError: '") + op_str(op) + "' not supported between instances of '" + a.type_name() +
                 "' and '" + b.type_name() + "'");
  }
  switch (op) {
    case CmpOpKind::Lt: return Value::boolean(c < 0);
    case CmpOpKind::Le: return Value::boolean(c <= 0);
    case CmpOpKind::Gt: return Value::boolean(c > 0);
    default: return Value::boolean(c >= 0);
  }
}

}  // namespace tl::lang::detail
