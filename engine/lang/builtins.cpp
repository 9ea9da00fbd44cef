// Python builtins (print, len, range, ...), math, and the methods of list/dict/str/grad_fn.
#include "engine/lang/interp.h"
#include "engine/lang/numpy.h"

namespace tl::lang::detail {

void Interp::no_kw(const char* name, const Kw& kw, Pos at) {
  if (!kw.empty()) fail(at, std::string("TypeError: ") + name + "() got an unexpected keyword argument '" + kw[0].first + "'");
}

void Interp::nargs(const char* name, const std::vector<Value>& pos, size_t lo, size_t hi, Pos at) {
  if (pos.size() >= lo && pos.size() <= hi) return;
  std::string want = lo == hi ? "exactly " + std::to_string(lo) : pos.size() < lo ? "at least " + std::to_string(lo) : "at most " + std::to_string(hi);
  fail(at, std::string("TypeError: ") + name + "() takes " + want + " argument" + ((lo == hi ? lo : pos.size() < lo ? lo : hi) == 1 ? "" : "s") +
               " (" + std::to_string(pos.size()) + " given)");
}

int64_t Interp::to_index(const Value& v, Pos at) {
  if (is_int_like(v)) return int_of(v);
  if (v.kind == K::Tensor && v.t.numel() == 1 && !v.t.is_floating_point()) return int64_t(v.t.item());
  fail(at, "TypeError: '" + v.type_name() + "' object cannot be interpreted as an integer");
}

double Interp::to_double(const Value& v, Pos at) {
  if (v.is_number()) return v.as_double();
  if (is_nd(v)) return np_to_double(v, at);
  if (v.kind == K::Tensor) {
    if (v.t.numel() != 1) fail(at, "ValueError: only one element tensors can be converted to Python scalars");
    return v.t.item();
  }
  fail(at, "TypeError: must be real number, not " + v.type_name());
}

void Interp::write_out(const std::string& s, Pos at) {
  if (int64_t(res_.stdout_text.size() + s.size()) > opt_.max_stdout_bytes)
    throw LimitError(at.line, at.col, "output limit exceeded: print() wrote more than " + std::to_string(opt_.max_stdout_bytes) + " bytes");
  res_.stdout_text += s;
}

Value Interp::call_builtin(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at) {
  if (Value out; kw.empty() && np_builtin(*this, id, pos, at, out)) return out;
  if (id == Bi::Sorted || id == Bi::Min || id == Bi::Max)
    for (auto& [k, v] : kw)
      if (k == "key") return call_builtin2(id, name, pos, kw, at);
  switch (id) {
    case Bi::Print: {
      std::string sep = " ", end = "\n";
      for (auto& [k, v] : kw) {
        if ((k == "sep" || k == "end") && (v.kind == K::Str || v.is_none())) (k == "sep" ? sep : end) = v.is_none() ? (k == "sep" ? " " : "\n") : v.s;
        else if (k == "flush") continue;
        else fail(at, "TypeError: print() got an unsupported keyword argument '" + k + "'");
      }
      std::string line;
      for (size_t i = 0; i < pos.size(); ++i) {
        if (i) line += sep;
        line += at_pos(at, [&] { return str_of(pos[i]); });
      }
      write_out(line + end, at);
      return Value::none();
    }
    case Bi::Len: {
      no_kw(name, kw, at);
      nargs(name, pos, 1, 1, at);
      const Value& v = pos[0];
      if (v.is_seq()) return Value::integer(int64_t(v.items->size()));
      if (v.kind == K::Str) return Value::integer(int64_t(utf8_chars(v.s).size()));
      if (auto d = as<DictObj>(v, Tag::Dict)) return Value::integer(int64_t(d->items.size()));
      if (auto r = as<RangeObj>(v, Tag::Range)) return Value::integer(r->len());
      if (auto st = as<SetObj>(v, Tag::Set)) return Value::integer(int64_t(st->items.size()));
      if (class_of(v)) {
        Value out;
        if (call_dunder(v, "__len__", {}, out, at)) {
          if (!is_int_like(out)) fail(at, "TypeError: '" + out.type_name() + "' object cannot be interpreted as an integer");
          if (int_of(out) < 0) fail(at, "ValueError: __len__() should return >= 0");
          return Value::integer(int_of(out));
        }
      }
      if (auto m = as<NNModuleObj>(v, Tag::NNModule))
        if (auto cm = std::dynamic_pointer_cast<ContainerModule>(m->m)) return Value::integer(int64_t(cm->children().size()));
      if (auto m = as<NNModuleObj>(v, Tag::NNModule))
        if (auto sq = std::dynamic_pointer_cast<nn::Sequential>(m->m)) return Value::integer(int64_t(sq->size()));
      if (v.kind == K::Tensor) {
        if (v.t.dim() == 0) fail(at, "TypeError: len() of a 0-d tensor");
        return Value::integer(v.t.shape()[0]);
      }
      fail(at, "TypeError: object of type '" + v.type_name() + "' has no len()");
    }
    case Bi::Range: {
      no_kw(name, kw, at);
      nargs(name, pos, 1, 3, at);
      int64_t a = 0, b, st = 1;
      if (pos.size() == 1) b = to_index(pos[0], at);
      else a = to_index(pos[0], at), b = to_index(pos[1], at);
      if (pos.size() == 3) st = to_index(pos[2], at);
      if (st == 0) fail(at, "ValueError: range() arg 3 must not be zero");
      return make_obj<RangeObj>(a, b, st);
    }
    case Bi::Float: {
      no_kw(name, kw, at);
      nargs(name, pos, 0, 1, at);
      if (pos.empty()) return Value::number(0);
      if (pos[0].kind == K::Str) return Value::number(parse_float(pos[0].s, at));
      return Value::number(to_double(pos[0], at));
    }
    case Bi::Int: {
      no_kw(name, kw, at);
      nargs(name, pos, 0, 1, at);
      if (pos.empty()) return Value::integer(0);
      if (is_int_like(pos[0])) return Value::integer(int_of(pos[0]));
      if (pos[0].kind == K::Str) {
        const std::string& s = pos[0].s;
        char* endp = nullptr;
        errno = 0;
        long long x = std::strtoll(s.c_str(), &endp, 10);
        while (endp && (*endp == ' ' || *endp == '\n')) ++endp;
        if (s.empty() || *endp || errno) fail(at, "ValueError: invalid literal for int() with base 10: " + str_repr(s));
        return Value::integer(x);
      }
      double d = to_double(pos[0], at);
      if (std::isnan(d)) fail(at, "ValueError: cannot convert float NaN to integer");
      if (std::isinf(d)) fail(at, "OverflowError: cannot convert float infinity to integer");
      if (std::fabs(d) >= 9.2233720368547758e18) fail(at, "OverflowError: integer too large for tensorlens (64-bit)");
      return Value::integer(int64_t(std::trunc(d)));
    }
    case Bi::Bool:
      no_kw(name, kw, at);
      nargs(name, pos, 0, 1, at);
      return Value::boolean(!pos.empty() && truthy(pos[0], at));
    case Bi::Str:
      no_kw(name, kw, at);
      nargs(name, pos, 0, 1, at);
      return Value::str(pos.empty() ? "" : at_pos(at, [&] { return str_of(pos[0]); }));
    case Bi::Repr:
      no_kw(name, kw, at);
      nargs(name, pos, 1, 1, at);
      return Value::str(at_pos(at, [&] { return repr(pos[0]); }));
    case Bi::Abs: {
      no_kw(name, kw, at);
      nargs(name, pos, 1, 1, at);
      const Value& v = pos[0];
      if (v.kind == K::Tensor) return call1("abs", kTorch, {v}, at);
      if (is_int_like(v)) {
        if (int_of(v) == INT64_MIN) fail(at, "OverflowError: integer overflow (tensorlens integers are 64-bit)");
        return Value::integer(std::llabs(int_of(v)));
      }
      if (v.kind == K::Float) return Value::number(std::fabs(v.f));
      fail(at, "TypeError: bad operand type for abs(): '" + v.type_name() + "'");
    }
    case Bi::Min:
    case Bi::Max: {
      std::vector<Value> items;
      Value dflt;
      bool has_default = false;
      for (auto& [k, v] : kw) {
        if (k == "default") dflt = v, has_default = true;
        else fail(at, std::string("TypeError: ") + name + "() got an unsupported keyword argument '" + k + "'");
      }
      if (pos.empty()) fail(at, std::string("TypeError: ") + name + " expected at least 1 argument, got 0");
      items = pos.size() == 1 ? to_vector(pos[0], at) : pos;
      if (items.empty()) {
        if (has_default) return dflt;
        fail(at, std::string("ValueError: ") + name + "() arg is an empty sequence");
      }
      Value best = items[0];
      for (size_t i = 1; i < items.size(); ++i) {
        // max keeps the first of equal items: replace only when strictly greater (less for min).
        Value c = compare(id == Bi::Max ? CmpOpKind::Gt : CmpOpKind::Lt, items[i], best, at);
        if (truthy(c, at)) best = items[i];
      }
      return best;
    }
    case Bi::Sum: {
      nargs(name, pos, 1, 2, at);
      Value acc = pos.size() == 2 ? pos[1] : Value::integer(0);
      for (auto& [k, v] : kw) {
        if (k == "start") acc = v;
        else fail(at, "TypeError: sum() got an unexpected keyword argument '" + k + "'");
      }
      std::unique_ptr<Iter> it = make_iter(pos[0], at);
      Value x;
      while (it->next(x)) {
        tick(at);
        acc = binop(BinOpKind::Add, acc, x, at);
      }
      return acc;
    }
    case Bi::Round: {
      nargs(name, pos, 1, 2, at);
      Value nd = pos.size() == 2 ? pos[1] : Value::none();
      for (auto& [k, v] : kw) {
        if (k == "ndigits") nd = v;
        else fail(at, "TypeError: round() got an unexpected keyword argument '" + k + "'");
      }
      const Value& v = pos[0];
      if (v.kind == K::Tensor) {
        if (find_ops("round", kTorch).empty()) fail(at, "TypeError: round() of a Tensor is not supported");
        return call1("round", kTorch, {v}, at);
      }
      if (is_int_like(v)) return Value::integer(int_of(v));
      if (v.kind != K::Float) fail(at, "TypeError: type " + v.type_name() + " doesn't define __round__ method");
      if (nd.is_none()) {
        if (!std::isfinite(v.f)) fail(at, std::isnan(v.f) ? "ValueError: cannot convert float NaN to integer" : "OverflowError: cannot convert float infinity to integer");
        double r = std::nearbyint(v.f);  // round half to even, as Python
        if (std::fabs(r) >= 9.2233720368547758e18) fail(at, "OverflowError: integer too large for tensorlens (64-bit)");
        return Value::integer(int64_t(r));
      }
      const int64_t n = to_index(nd, at);
      if (!std::isfinite(v.f) || n > 300) return v;
      if (n < -300) return Value::number(0.0 * v.f);
      if (n >= 0) {
        // Python rounds the exact binary value correctly, as printf does.
        char buf[400];
        std::snprintf(buf, sizeof buf, "%.*f", int(n), v.f);
        return Value::number(std::strtod(buf, nullptr));
      }
      const double p = std::pow(10.0, double(-n));
      return Value::number(std::nearbyint(v.f / p) * p);
    }
    case Bi::List:
    case Bi::Tuple: {
      no_kw(name, kw, at);
      nargs(name, pos, 0, 1, at);
      std::vector<Value> items = pos.empty() ? std::vector<Value>{} : to_vector(pos[0], at);
      if (id == Bi::List) return make_seq(K::List, std::move(items), at);
      Value r = make_seq(K::Tuple, std::move(items), at);
      return r;
    }
    case Bi::Enumerate: {
      nargs(name, pos, 1, 2, at);
      int64_t start = pos.size() == 2 ? to_index(pos[1], at) : 0;
      for (auto& [k, v] : kw) {
        if (k == "start") start = to_index(v, at);
        else fail(at, "TypeError: enumerate() got an unexpected keyword argument '" + k + "'");
      }
      check_iterable(pos[0], at);  // type check now, as Python
      return make_obj<EnumerateObj>(pos[0], start);
    }
    case Bi::Zip: {
      no_kw(name, kw, at);
      auto z = std::make_shared<ZipObj>();
      for (const Value& v : pos) check_iterable(v, at), z->inner.push_back(v);
      return Value::object(z);
    }
    case Bi::Isinstance: {
      no_kw(name, kw, at);
      nargs(name, pos, 2, 2, at);
      std::vector<Value> types = pos[1].kind == K::Tuple ? *pos[1].items : std::vector<Value>{pos[1]};
      for (const Value& t : types) {
        if (as<ClassObj>(t, Tag::Class)) {
          if (isinstance_of(pos[0], t, at)) return Value::boolean(true);
          continue;
        }
        if (auto b2 = as<BuiltinObj>(t, Tag::Builtin); b2 && (b2->id == Bi::Dict || b2->id == Bi::Set || b2->id == Bi::Type)) {
          const Value& v = pos[0];
          if ((b2->id == Bi::Dict && as<DictObj>(v, Tag::Dict)) || (b2->id == Bi::Set && as<SetObj>(v, Tag::Set)) ||
              (b2->id == Bi::Type && as<ClassObj>(v, Tag::Class)))
            return Value::boolean(true);
          continue;
        }
        if (auto b2 = as<BuiltinObj>(t, Tag::Builtin); b2 && b2->id == Bi::Parameter) {
          if (pos[0].kind == K::Tensor && pos[0].t.impl()->is_param) return Value::boolean(true);
          continue;
        }
        if (auto c = as<NNClassObj>(t, Tag::NNClass)) {
          auto m = as<NNModuleObj>(pos[0], Tag::NNModule);
          if (m && m->m->type_name() == c->name) return Value::boolean(true);
          continue;
        }
        if (auto c = as<NNClassObj>(t, Tag::OptimClass)) {
          auto o = as<OptimizerObj>(pos[0], Tag::Optimizer);
          if (o && o->o->type_name() == c->name) return Value::boolean(true);
          continue;
        }
        if (auto tt = as<TypeObj>(t, Tag::Type)) {
          if (tt->name == "torch.Tensor" && pos[0].kind == K::Tensor) return Value::boolean(true);
          if (tt->name == kSizeMark && pos[0].kind == K::Tuple && pos[0].s == kSizeMark) return Value::boolean(true);
          if (tt->name == "torch.optim.Optimizer" && as<OptimizerObj>(pos[0], Tag::Optimizer)) return Value::boolean(true);
          if (tt->name == "numpy.ndarray" && is_nd(pos[0])) return Value::boolean(true);
          continue;
        }
        auto b = as<BuiltinObj>(t, Tag::Builtin);
        if (!b) fail(at, "TypeError: isinstance() arg 2 must be a type or tuple of types");
        const Value& v = pos[0];
        bool ok = (b->id == Bi::Int && is_int_like(v)) || (b->id == Bi::Float && v.kind == K::Float) ||
                  (b->id == Bi::Bool && v.kind == K::Bool) || (b->id == Bi::Str && v.kind == K::Str) ||
                  (b->id == Bi::List && v.kind == K::List) || (b->id == Bi::Tuple && v.kind == K::Tuple);
        if (ok) return Value::boolean(true);
      }
      return Value::boolean(false);
    }
    case Bi::Sorted: {
      nargs(name, pos, 1, 1, at);
      bool reverse = false;
      for (auto& [k, v] : kw) {
        if (k == "reverse") reverse = truthy(v, at);
        else fail(at, "TypeError: sorted() got an unsupported keyword argument '" + k + "'");
      }
      std::vector<Value> items = to_vector(pos[0], at);
      // Insertion-merge via std::stable_sort; comparisons may throw ScriptError, which leaves
      // `items` (a local) valid, so that is safe.
      std::stable_sort(items.begin(), items.end(), [&](const Value& a, const Value& b) {
        return truthy(compare(CmpOpKind::Lt, reverse ? b : a, reverse ? a : b, at), at);
      });
      return make_seq(K::List, std::move(items), at);
    }
    case Bi::Reversed: {
      no_kw(name, kw, at);
      nargs(name, pos, 1, 1, at);
      std::vector<Value> items = to_vector(pos[0], at);
      std::reverse(items.begin(), items.end());
      return make_seq(K::List, std::move(items), at);
    }
    case Bi::Any:
    case Bi::All: {
      no_kw(name, kw, at);
      nargs(name, pos, 1, 1, at);
      std::unique_ptr<Iter> it = make_iter(pos[0], at);
      Value x;
      while (it->next(x)) {
        tick(at);
        if (truthy(x, at) == (id == Bi::Any)) return Value::boolean(id == Bi::Any);
      }
      return Value::boolean(id == Bi::All);
    }
    case Bi::IsGradEnabled:
      no_kw(name, kw, at);
      nargs(name, pos, 0, 0, at);
      return Value::boolean(grad_enabled());
    case Bi::TlLabel: {
      // torch._tl_label(out, 'row', input[, input2]) -> out: a prelude function that PyTorch has
      // as one native op names the node it made after that op's row (EluBackward0, ...).
      // inplace=True: the op's in-place form (hardtanh_): out is written into the input (autograd's
      // leaf / view checks, its node moves to the input), which is returned.
      bool inplace = false;
      for (const auto& [k, v] : kw) {
        if (k != "inplace" || v.kind != K::Bool) fail(at, "TypeError: _tl_label(): unexpected keyword " + k);
        inplace = v.b;
      }
      nargs(name, pos, 2, 4, at);
      if (pos[0].kind != K::Tensor || pos[1].kind != K::Str) fail(at, "TypeError: _tl_label(Tensor, str, Tensor...)");
      auto in = [&](size_t k) { return pos.size() > k && pos[k].kind == K::Tensor ? &pos[k].t : nullptr; };
      at_pos(at, [&] { label_node(pos[0].t, op_row(pos[1].s.c_str()), {in(2), in(3)}); });
      if (!inplace) return pos[0];
      if (!in(2)) fail(at, "TypeError: _tl_label(inplace=True) needs the input");
      Tensor self = pos[2].t;
      const std::string op = pos[1].s + "_";
      at_pos(at, [&] { inplace_apply(op.c_str(), self, [&] { return pos[0].t; }); });
      return pos[2];
    }
    case Bi::SetGradEnabled:
    case Bi::TorchGenerator:
    case Bi::TimeClock: return call_torch_extra(id, name, pos, kw, at);
    case Bi::InferenceMode:
    case Bi::IsInferenceModeEnabled:
    case Bi::RemoveHook:
    case Bi::GcGet:
    case Bi::GcSet: return call_autograd_extra(id, name, pos, kw, at);
    default: return call_builtin2(id, name, pos, kw, at);
  }
}

Value Interp::call_math(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at) {
  no_kw(name, kw, at);
  const size_t want = (id == Bi::MathPow) ? 2 : 1;
  nargs(name, pos, want, id == Bi::MathLog ? 2 : want, at);
  for (const Value& v : pos)
    if (!v.is_number() && !(v.kind == K::Tensor && v.t.numel() == 1))
      fail(at, "TypeError: must be real number, not " + v.type_name());
  const double x = to_double(pos[0], at);
  auto domain = [&](bool ok) {
    if (!ok) fail(at, "ValueError: math domain error");
  };
  switch (id) {
    case Bi::MathSqrt: domain(x >= 0 || std::isnan(x)); return Value::number(std::sqrt(x));
    case Bi::MathExp: return Value::number(std::exp(x));
    case Bi::MathLog: {
      domain(x > 0 || std::isnan(x));
      if (pos.size() == 2) {
        const double b = to_double(pos[1], at);
        domain(b > 0 && b != 1);
        return Value::number(std::log(x) / std::log(b));
      }
      return Value::number(std::log(x));
    }
    case Bi::MathSin: return Value::number(std::sin(x));
    case Bi::MathCos: return Value::number(std::cos(x));
    case Bi::MathTan: return Value::number(std::tan(x));
    case Bi::MathTanh: return Value::number(std::tanh(x));
    case Bi::MathFloor:
    case Bi::MathCeil: {
      if (is_int_like(pos[0])) return Value::integer(int_of(pos[0]));
      double r = id == Bi::MathFloor ? std::floor(x) : std::ceil(x);
      if (!std::isfinite(r) || std::fabs(r) >= 9.2233720368547758e18) fail(at, "OverflowError: cannot convert float to integer");
      return Value::integer(int64_t(r));
    }
    case Bi::MathFabs: return Value::number(std::fabs(x));
    case Bi::MathIsnan: return Value::boolean(std::isnan(x));
    case Bi::MathIsinf: return Value::boolean(std::isinf(x));
    case Bi::MathIsfinite: return Value::boolean(std::isfinite(x));
    case Bi::MathPow: return Value::number(std::pow(x, to_double(pos[1], at)));
    default: break;
  }
  fail(at, std::string("TypeError: ") + name + "() is not callable");
}

Value Interp::call_method(const MethodObj& m, std::vector<Value>& pos, Kw& kw, Pos at) {
  const std::string& n = m.name;
  const Value& self = m.self;
  Value handled;
  if (call_method2(m, pos, kw, at, handled)) return handled;
  if (torch_extra_method(m, pos, kw, at, handled)) return handled;
  if (autograd_method(m, pos, kw, at, handled)) return handled;
  if (as<NNModuleObj>(self, Tag::NNModule)) return call_module_method(self, n, pos, kw, at);
  if (as<NNClassObj>(self, Tag::NNClass) && n == "from_pretrained") {
    // nn.Embedding.from_pretrained(embeddings, freeze=True, padding_idx=None, ...): the weight is the given tensor's
    // storage; frozen (requires_grad=False) unless freeze=False.
    if (pos.empty() || pos[0].kind != K::Tensor) fail(at, "TypeError: from_pretrained() missing the embeddings Tensor");
    if (pos[0].t.dim() != 2) fail(at, "AssertionError: Embeddings parameter is expected to be 2-dimensional");
    bool freeze = true;
    nn::KwArgs mk{{"_weight", pos[0]}};
    for (size_t i = 1; i < pos.size(); ++i)
      if (i == 1 && pos[i].kind == K::Bool) freeze = pos[i].b;
      else fail(at, "TypeError: from_pretrained(): pass the options after embeddings by keyword");
    for (auto& [k, v] : kw) {
      if (k == "freeze") {
        if (v.kind != K::Bool) fail(at, "TypeError: from_pretrained(): freeze must be a bool");
        freeze = v.b;
      } else {
        mk.emplace_back(k, v);
      }
    }
    std::vector<Value> dims{Value::integer(pos[0].t.shape()[0]), Value::integer(pos[0].t.shape()[1])};
    nn::ModulePtr mod = at_pos(at, [&] { return nn::make_module("Embedding", dims, mk); });
    if (freeze) at_pos(at, [&] { Tensor(mod->own_parameters()[0].second).requires_grad_(false); });
    return make_obj<NNModuleObj>(std::move(mod));
  }
  if (auto o = as<OptimizerObj>(self, Tag::Optimizer)) {
    return call_optimizer_method(self, *const_cast<OptimizerObj*>(o), n, pos, kw, at);
  }
  if (self.kind == K::List) {
    no_kw(n.c_str(), kw, at);
    std::vector<Value>& items = *self.items;
    if (n == "append") {
      nargs("append", pos, 1, 1, at);
      check_len(int64_t(items.size() + 1), at);
      check_insert(pos[0], self.items.get(), at);
      items.push_back(pos[0]);
      return Value::none();
    }
    if (n == "extend") {
      nargs("extend", pos, 1, 1, at);
      aug_value(self, BinOpKind::Add, pos[0], at);
      return Value::none();
    }
    if (n == "insert") {
      nargs("insert", pos, 2, 2, at);
      int64_t i = to_index(pos[0], at), len = int64_t(items.size());
      if (i < 0) i = std::max<int64_t>(0, i + len);
      i = std::min(i, len);
      check_len(len + 1, at);
      check_insert(pos[1], self.items.get(), at);
      items.insert(items.begin() + i, pos[1]);
      return Value::none();
    }
    if (n == "pop") {
      nargs("pop", pos, 0, 1, at);
      if (items.empty()) fail(at, "IndexError: pop from empty list");
      int64_t i = pos.empty() ? -1 : to_index(pos[0], at), len = int64_t(items.size());
      if (i < 0) i += len;
      if (i < 0 || i >= len) fail(at, "IndexError: pop index out of range");
      Value r = items[size_t(i)];
      items.erase(items.begin() + i);
      return r;
    }
    if (n == "index" || n == "count") {
      nargs(n.c_str(), pos, 1, 1, at);
      int64_t count = 0;
      for (size_t i = 0; i < items.size(); ++i)
        if (identical(items[i], pos[0]) || equal(items[i], pos[0], at)) {
          if (n == "index") return Value::integer(int64_t(i));
          ++count;
        }
      if (n == "index") fail(at, "ValueError: " + repr(pos[0]) + " is not in list");
      return Value::integer(count);
    }
  }
  if (auto d = as<DictObj>(self, Tag::Dict)) {
    if (n == "get") {
      nargs("get", pos, 1, 2, at);
      const Value* v = dict_get(*d, pos[0], at);
      return v ? *v : pos.size() == 2 ? pos[1] : Value::none();
    }
    nargs(n.c_str(), pos, 0, 0, at);
    std::vector<Value> out;
    for (const auto& kv : d->items)
      out.push_back(n == "keys" ? kv.first : n == "values" ? kv.second : Value::tuple({kv.first, kv.second}));
    // A list standing in for the view object; the mark gives CPython's repr: dict_keys([...]),
    // odict_values([...]), ...
    Value r = make_seq(K::List, std::move(out), at);
    if (n == "keys" || n == "values" || n == "items") r.s = (d->ordered ? "odict_" : "dict_") + n;
    return r;
  }
  if (self.kind == K::Str) {
    if (n == "format") return Value::str(str_format(self.s, pos, kw, at));
    no_kw(n.c_str(), kw, at);
    if (n == "join") {
      nargs("join", pos, 1, 1, at);
      std::string r;
      std::vector<Value> items = to_vector(pos[0], at);
      for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].kind != K::Str) fail(at, "TypeError: sequence item " + std::to_string(i) + ": expected str instance, " + items[i].type_name() + " found");
        if (i) r += self.s;
        r += items[i].s;
        check_len(int64_t(r.size()), at);
      }
      return Value::str(r);
    }
    nargs(n.c_str(), pos, 0, 0, at);
    std::string r = self.s;
    for (char& c : r) c = char(n == "upper" ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
    return Value::str(r);
  }
  if (auto g = as<GradFnObj>(self, Tag::GradFn)) {
    nargs("name", pos, 0, 0, at);
    // PyTorch's hand-written C++ nodes report their namespace (the generated ones do not).
    std::string nm = g->node->name();
    if (nm == "CopySlices" || nm == "CopyBackwards" || nm == "NotImplemented" || nm == "AccumulateGrad") nm = "torch::autograd::" + nm;
    return Value::str(nm);
  }
  fail(at, "TypeError: unsupported method " + n);
}

}  // namespace tl::lang::detail
