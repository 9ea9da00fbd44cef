// More Python builtins: classes and introspection (type, super, getattr, ...), functional
// helpers (map, filter, iter/next, key= of sorted/min/max), dict/set constructors, and the
// methods of str/list/dict/set beyond the basic ones in builtins.cpp.
#include <algorithm>

#include "engine/lang/interp.h"

namespace tl::lang::detail {

Value Interp::key_of(const Value& key, const Value& x, Pos at) {
  if (key.is_none()) return x;
  std::vector<Value> args{x};
  Kw kw;
  return call(key, args, kw, at);
}

Value Interp::call_builtin2(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at) {
  auto kwarg = [&](const char* k, Value& out) {
    for (auto it = kw.begin(); it != kw.end(); ++it)
      if (it->first == k) {
        out = it->second;
        kw.erase(it);
        return true;
      }
    return false;
  };
  switch (id) {
    case Bi::Sorted:
    case Bi::Min:
    case Bi::Max: {  // with key= (the plain forms are in builtins.cpp)
      Value key, rev = Value::boolean(false), dflt;
      kwarg("key", key);
      const bool has_default = kwarg("default", dflt);
      if (id == Bi::Sorted) kwarg("reverse", rev);
      no_kw(name, kw, at);
      if (pos.empty()) fail(at, std::string("TypeError: ") + name + " expected at least 1 argument, got 0");
      std::vector<Value> items = pos.size() == 1 || id == Bi::Sorted ? to_vector(pos[0], at) : pos;
      std::vector<Value> keys;
      for (const Value& x : items) keys.push_back(key_of(key, x, at));
      std::vector<size_t> order(items.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      if (id == Bi::Sorted) {
        const bool reverse = truthy(rev, at);
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
          return truthy(compare(CmpOpKind::Lt, keys[reverse ? b : a], keys[reverse ? a : b], at), at);
        });
        std::vector<Value> out;
        for (size_t i : order) out.push_back(items[i]);
        return make_seq(K::List, std::move(out), at);
      }
      if (items.empty()) {
        if (has_default) return dflt;
        fail(at, std::string("ValueError: ") + name + "() arg is an empty sequence");
      }
      size_t best = 0;
      for (size_t i = 1; i < items.size(); ++i)
        if (truthy(compare(id == Bi::Max ? CmpOpKind::Gt : CmpOpKind::Lt, keys[i], keys[best], at), at)) best = i;
      return items[best];
    }
    case Bi::Dict: {
      auto d = std::make_shared<DictObj>();
      nargs(name, pos, 0, 1, at);
      if (!pos.empty()) {
        if (auto src = as<DictObj>(pos[0], Tag::Dict)) {
          d->items = src->items;
        } else {
          std::vector<Value> xs = to_vector(pos[0], at);
          for (size_t i = 0; i < xs.size(); ++i) {
            std::vector<Value> kv = to_vector(xs[i], at);
            if (kv.size() != 2)
              fail(at, "ValueError: dictionary update sequence element #" + std::to_string(i) + " has length " +
                           std::to_string(kv.size()) + "; 2 is required");
            dict_set(*d, kv[0], kv[1], at);
          }
        }
      }
      for (auto& [k, v] : kw) dict_set(*d, Value::str(k), v, at);
      return Value::object(d);
    }
    case Bi::Set: {
      no_kw(name, kw, at);
      nargs(name, pos, 0, 1, at);
      auto st = std::make_shared<SetObj>();
      if (!pos.empty())
        for (const Value& v : to_vector(pos[0], at)) set_add(*st, v, at);
      return Value::object(st);
    }
    case Bi::Type:
      no_kw(name, kw, at);
      if (pos.size() != 1) fail(at, "TypeError: type() takes 1 argument in tensorlens (type(name, bases, dict) is not supported)");
      return builtin_type_of(pos[0]);
    case Bi::Id: {
      nargs(name, pos, 1, 1, at);
      const Value& v = pos[0];
      const void* p = v.kind == K::Object ? v.obj.get() : v.kind == K::Tensor ? static_cast<const void*>(v.t.impl())
                      : v.is_seq() ? static_cast<const void*>(v.items.get()) : static_cast<const void*>(&v);
      return Value::integer(int64_t(reinterpret_cast<uintptr_t>(p) & 0x7fffffffffffffffULL));
    }
    case Bi::Hasattr:
    case Bi::Getattr: {
      no_kw(name, kw, at);
      nargs(name, pos, 2, id == Bi::Getattr ? 3 : 2, at);
      if (pos[1].kind != K::Str) fail(at, std::string("TypeError: ") + name + "(): attribute name must be string");
      try {
        Value v = get_attr(pos[0], pos[1].s, at);
        return id == Bi::Hasattr ? Value::boolean(true) : v;
      } catch (const LimitError&) {
        throw;
      } catch (const ScriptError& e) {
        if (Interp::class_of(exception_value(e))->name != "AttributeError") throw;
        if (id == Bi::Hasattr) return Value::boolean(false);
        if (pos.size() == 3) return pos[2];
        throw;
      }
    }
    case Bi::Setattr:
      no_kw(name, kw, at);
      nargs(name, pos, 3, 3, at);
      if (pos[1].kind != K::Str) fail(at, "TypeError: attribute name must be string");
      set_attr(pos[0], pos[1].s, pos[2], at);
      return Value::none();
    case Bi::Delattr: {
      nargs(name, pos, 2, 2, at);
      if (pos[1].kind != K::Str) fail(at, "TypeError: attribute name must be string");
      if (auto inst = as<InstanceObj>(pos[0], Tag::Instance)) {
        auto& a = const_cast<InstanceObj*>(inst)->attrs;
        for (auto it = a.begin(); it != a.end(); ++it)
          if (it->first == pos[1].s) {
            a.erase(it);
            return Value::none();
          }
      }
      if (auto m = as<NNModuleObj>(pos[0], Tag::NNModule))
        if (auto um = std::dynamic_pointer_cast<UserModule>(m->m); um && um->remove(pos[1].s)) return Value::none();
      fail(at, "AttributeError: " + pos[1].s);
    }
    case Bi::Callable: {
      nargs(name, pos, 1, 1, at);
      const Obj* o = as_obj(pos[0]);
      if (!o) return Value::boolean(false);
      switch (o->tag) {
        case Tag::Builtin: case Tag::OpFn: case Tag::UserFn: case Tag::GradModeClass: case Tag::Method:
        case Tag::NNClass: case Tag::NNModule: case Tag::OptimClass: case Tag::Class: case Tag::BoundMethod:
        case Tag::GradWrapped: case Tag::GradMode: return Value::boolean(true);
        case Tag::Instance: return Value::boolean(class_of(pos[0])->lookup("__call__") != nullptr);
        default: return Value::boolean(false);
      }
    }
    case Bi::Iter: {
      no_kw(name, kw, at);
      nargs(name, pos, 1, 1, at);
      if (as<GeneratorObj>(pos[0], Tag::Generator)) return pos[0];
      if (class_of(pos[0])) {
        Value out;
        if (call_dunder(pos[0], "__iter__", {}, out, at)) return out;
      }
      auto g = std::make_shared<GeneratorObj>("iterator");
      *g->items = to_vector(pos[0], at);
      return Value::object(g);
    }
    case Bi::Next: {
      no_kw(name, kw, at);
      nargs(name, pos, 1, 2, at);
      if (auto g = as<GeneratorObj>(pos[0], Tag::Generator)) {
        auto gm = const_cast<GeneratorObj*>(g);
        if (gm->pos < gm->items->size() || gen_resume(*gm, at)) return (*gm->items)[gm->pos++];
        if (pos.size() == 2) return pos[1];
        throw PyException(at, "StopIteration", make_exception("StopIteration", {}));
      }
      if (class_of(pos[0])) {
        Value out;
        try {
          if (call_dunder(pos[0], "__next__", {}, out, at)) return out;
        } catch (const LimitError&) {
          throw;
        } catch (const ScriptError& e) {
          if (pos.size() == 2 && class_of(exception_value(e))->name == "StopIteration") return pos[1];
          throw;
        }
      }
      fail(at, "TypeError: '" + pos[0].type_name() + "' object is not an iterator");
    }
    case Bi::Map:
    case Bi::Filter: {
      no_kw(name, kw, at);
      nargs(name, pos, 2, id == Bi::Filter ? 2 : 64, at);
      std::vector<std::vector<Value>> cols;
      for (size_t i = 1; i < pos.size(); ++i) cols.push_back(to_vector(pos[i], at));
      size_t n = cols[0].size();
      for (auto& c : cols) n = std::min(n, c.size());
      auto g = std::make_shared<GeneratorObj>(name);
      for (size_t i = 0; i < n; ++i) {
        tick(at);
        std::vector<Value> args;
        for (auto& c : cols) args.push_back(c[i]);
        if (id == Bi::Filter) {
          const bool keep = pos[0].is_none() ? truthy(args[0], at) : truthy(key_of(pos[0], args[0], at), at);
          if (keep) g->items->push_back(args[0]);
        } else {
          Kw none;
          g->items->push_back(call(pos[0], args, none, at));
        }
      }
      return Value::object(g);
    }
    case Bi::Divmod: {
      nargs(name, pos, 2, 2, at);
      return Value::tuple({binop(BinOpKind::FloorDiv, pos[0], pos[1], at), binop(BinOpKind::Mod, pos[0], pos[1], at)});
    }
    case Bi::Pow: {
      nargs(name, pos, 2, 3, at);
      Value r = binop(BinOpKind::Pow, pos[0], pos[1], at);
      if (pos.size() == 3) r = binop(BinOpKind::Mod, r, pos[2], at);
      return r;
    }
    case Bi::Chr: {
      nargs(name, pos, 1, 1, at);
      const int64_t c = to_index(pos[0], at);
      if (c < 0 || c > 0x10FFFF) fail(at, "ValueError: chr() arg not in range(0x110000)");
      std::string s;
      const uint32_t u = uint32_t(c);
      if (u < 0x80) s += char(u);
      else if (u < 0x800) s += char(0xC0 | (u >> 6)), s += char(0x80 | (u & 0x3F));
      else if (u < 0x10000) s += char(0xE0 | (u >> 12)), s += char(0x80 | ((u >> 6) & 0x3F)), s += char(0x80 | (u & 0x3F));
      else s += char(0xF0 | (u >> 18)), s += char(0x80 | ((u >> 12) & 0x3F)), s += char(0x80 | ((u >> 6) & 0x3F)), s += char(0x80 | (u & 0x3F));
      return Value::str(s);
    }
    case Bi::Ord: {
      nargs(name, pos, 1, 1, at);
      if (pos[0].kind != K::Str || utf8_chars(pos[0].s).size() != 1)
        fail(at, "TypeError: ord() expected a character");
      const auto* p = reinterpret_cast<const unsigned char*>(pos[0].s.data());
      uint32_t u = p[0];
      const size_t n = pos[0].s.size();
      if (n == 2) u = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
      if (n == 3) u = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (n == 4) u = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      return Value::integer(u);
    }
    case Bi::Hash: {
      nargs(name, pos, 1, 1, at);
      check_hashable(pos[0], at);
      if (is_int_like(pos[0])) return Value::integer(int_of(pos[0]));
      return Value::integer(int64_t(std::hash<std::string>()(repr(pos[0])) & 0x7fffffffffffffffULL));
    }
    case Bi::Issubclass: {
      nargs(name, pos, 2, 2, at);
      auto a = as<ClassObj>(pos[0], Tag::Class);
      if (!a) fail(at, "TypeError: issubclass() arg 1 must be a class");
      std::vector<Value> types = pos[1].kind == K::Tuple ? *pos[1].items : std::vector<Value>{pos[1]};
      for (const Value& t : types)
        if (auto c = as<ClassObj>(t, Tag::Class); c && a->derives_from(c)) return Value::boolean(true);
      return Value::boolean(false);
    }
    case Bi::Super: {
      no_kw(name, kw, at);
      if (pos.size() == 2) {
        auto c = as<ClassObj>(pos[0], Tag::Class);
        if (!c) fail(at, "TypeError: super() argument 1 must be a type, not " + pos[0].type_name());
        return make_obj<SuperObj>(std::static_pointer_cast<ClassObj>(pos[0].obj), pos[1]);
      }
      nargs(name, pos, 0, 0, at);
      if (frames_.empty()) fail(at, "RuntimeError: super(): no arguments");
      const Frame& f = frames_.back();
      auto cls = f.fn->cls.lock();
      if (!cls || f.fn->def->params.empty()) fail(at, "RuntimeError: super(): __class__ cell not found");
      auto it = f.scope->vars.find(f.fn->def->params[0].name);
      if (it == f.scope->vars.end()) fail(at, "RuntimeError: super(): arg[0] deleted");
      return make_obj<SuperObj>(cls, it->second);
    }
    case Bi::Object:
      return Value::object(std::make_shared<InstanceObj>(builtin_class("object")));
    case Bi::Staticmethod:
    case Bi::Classmethod:
    case Bi::Property: {
      nargs(name, pos, 1, 2, at);
      auto w = std::make_shared<WrapperObj>(id == Bi::Staticmethod ? Tag::StaticMethod : id == Bi::Classmethod ? Tag::ClassMethod : Tag::Property, pos[0]);
      if (pos.size() == 2) w->setter = pos[1];
      return Value::object(w);
    }
    case Bi::Format: {
      nargs(name, pos, 1, 2, at);
      return Value::str(format_value(pos[0], pos.size() == 2 && pos[1].kind == K::Str ? pos[1].s : "", at));
    }
    case Bi::Vars: {
      nargs(name, pos, 1, 1, at);
      return get_attr(pos[0], "__dict__", at);
    }
    case Bi::NNModuleInit: return Value::none();
    case Bi::NoOp: return Value::none();
    case Bi::DataSeed:  // torch.empty((), dtype=torch.int64).random_().item() on the global generator
      return Value::integer(int64_t(default_generator().random64() % (uint64_t(1) << 63)));
    case Bi::DataPerm: {  // torch.randperm(n, generator=torch.Generator().manual_seed(seed)).tolist()
      nargs(name, pos, 2, 2, at);
      const int64_t n = to_index(pos[0], at);
      Generator saved = default_generator();
      default_generator() = Generator(uint64_t(to_index(pos[1], at)));
      Tensor p;
      try {
        p = at_pos(at, [&] { return randperm(n); });
      } catch (...) {
        default_generator() = saved;
        throw;
      }
      default_generator() = saved;
      std::vector<Value> out;
      const int64_t* d = p.contiguous().data_ptr<int64_t>();
      for (int64_t i = 0; i < n; ++i) out.push_back(Value::integer(d[i]));
      return make_seq(K::List, std::move(out), at);
    }
    case Bi::CudaIsAvailable: return Value::boolean(false);
    case Bi::CudaDeviceCount: return Value::integer(0);
    case Bi::Device: {
      Value type = pos.empty() ? Value::none() : pos[0], index = pos.size() > 1 ? pos[1] : Value::none();
      kwarg("type", type);
      kwarg("index", index);
      no_kw(name, kw, at);
      if (auto d = as<DeviceObj>(type, Tag::Device)) return make_obj<DeviceObj>(d->type, d->index);
      if (type.kind != K::Str) fail(at, "TypeError: device() received an invalid combination of arguments");
      std::string s = type.s;
      int64_t i = index.is_none() ? -1 : to_index(index, at);
      const size_t colon = s.find(':');
      if (colon != std::string::npos) i = std::atoll(s.c_str() + colon + 1), s = s.substr(0, colon);
      static const char* const known[] = {"cpu", "cuda", "mps", "meta", "xla", "ipu", "xpu", "hip", "vulkan"};
      bool ok = false;
      for (const char* k : known) ok = ok || s == k;
      if (!ok) fail(at, "RuntimeError: Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, ort, mps, xla, lazy, vulkan, meta, hpu device type at start of device string: " + type.s);
      return make_obj<DeviceObj>(s, i);
    }  // nn.Module.__init__ / object.__init__: nothing to set up
    case Bi::ExceptionInit: {
      if (pos.empty()) return Value::none();
      if (auto inst = as<InstanceObj>(pos[0], Tag::Instance))
        const_cast<InstanceObj*>(inst)->set("args", Value::tuple(std::vector<Value>(pos.begin() + 1, pos.end())));
      return Value::none();
    }
    case Bi::Parameter: {  // nn.Parameter(data, requires_grad=True): a leaf that is a module parameter
      Value rg = Value::boolean(true);
      kwarg("requires_grad", rg);
      Value data;
      if (kwarg("data", data)) pos.insert(pos.begin(), data);
      no_kw(name, kw, at);
      nargs(name, pos, 0, 2, at);
      if (pos.size() == 2) rg = pos[1];
      Tensor t;
      if (pos.empty()) t = Tensor::empty(Shape{});
      else if (pos[0].kind == K::Tensor) t = pos[0].t.detach();
      else fail(at, "TypeError: Parameter(): argument 'data' must be Tensor, not " + pos[0].type_name());
      // A Parameter shares the data of the tensor it wraps (as PyTorch), as a new leaf.
      auto impl = std::make_shared<TensorImpl>();
      impl->storage = t.impl()->storage;
      impl->shape = t.impl()->shape;
      impl->strides = t.impl()->strides;
      impl->offset = t.impl()->offset;
      impl->dtype = t.impl()->dtype;
      impl->size0_left = t.impl()->size0_left;
      impl->is_param = true;
      Tensor p(impl);
      at_pos(at, [&] { p.requires_grad_(truthy(rg, at)); });
      return Value::tensor(p);
    }
    default:
      if (id >= Bi::RandSeed && id <= Bi::RandChoices) return call_random(id, name, pos, kw, at);
      return call_math(id, name, pos, kw, at);
  }
}

bool Interp::call_method2(const MethodObj& m, std::vector<Value>& pos, Kw& kw, Pos at, Value& out) {
  const std::string& n = m.name;
  const Value& self = m.self;
  auto done = [&](Value v) {
    out = std::move(v);
    return true;
  };
  if (auto c = as<ClassObj>(self, Tag::Class); c && n == "apply") return done(function_apply(self, pos, kw, at));
  if (self.kind == K::Tensor && n == "type") {  // x.type() -> 'torch.FloatTensor'; x.type(dtype) -> x.to(dtype)
    if (pos.empty() && kw.empty()) {
      return done(Value::str(std::string("torch.") + dtype_legacy_name(self.t.dtype())));
    }
    nargs("type", pos, 1, 1, at);
    Value dt = pos[0];
    if (auto ty = as<TypeObj>(dt, Tag::Type)) {
      const std::string& tn = ty->name;
      dt = Value::dtype(dtype_from_legacy_name(tn.substr(tn.rfind('.') + 1)));
    }
    return done(call_table("to", kMethod, {self, dt}, {}, at));
  }
  if (self.kind == K::Tensor && (n == "cpu" || n == "cuda")) {
    if (n == "cuda") fail(at, "AssertionError: Torch not compiled with CUDA enabled");
    nargs("cpu", pos, 0, 0, at);
    return done(self);
  }
  if (auto w = as<WrapperObj>(self, Tag::Property); w && n == "setter") {
    nargs("setter", pos, 1, 1, at);
    auto nw = std::make_shared<WrapperObj>(Tag::Property, w->fn);
    nw->setter = pos[0];
    return done(Value::object(nw));
  }
  if (self.kind == K::List) {
    std::vector<Value>& items = *self.items;
    if (n == "sort") {
      Value key, rev = Value::boolean(false);
      for (auto& [k, v] : kw) {
        if (k == "key") key = v;
        else if (k == "reverse") rev = v;
        else fail(at, "TypeError: sort() got an unexpected keyword argument '" + k + "'");
      }
      nargs("sort", pos, 0, 0, at);
      std::vector<Value> args{self};
      Kw skw;
      if (!key.is_none()) skw.emplace_back("key", key);
      skw.emplace_back("reverse", rev);
      Value sorted = call_builtin2(Bi::Sorted, "sorted", args, skw, at);
      items = *sorted.items;
      return done(Value::none());
    }
    if (n == "reverse" || n == "clear" || n == "copy") {
      no_kw(n.c_str(), kw, at);
      nargs(n.c_str(), pos, 0, 0, at);
      if (n == "reverse") std::reverse(items.begin(), items.end());
      if (n == "clear") items.clear();
      return done(n == "copy" ? Value::list(items) : Value::none());
    }
    if (n == "remove") {
      nargs("remove", pos, 1, 1, at);
      for (size_t i = 0; i < items.size(); ++i)
        if (identical(items[i], pos[0]) || equal(items[i], pos[0], at)) {
          items.erase(items.begin() + long(i));
          return done(Value::none());
        }
      fail(at, "ValueError: list.remove(x): x not in list");
    }
    return false;
  }
  if (self.kind == K::Tuple && (n == "index" || n == "count")) {
    nargs(n.c_str(), pos, 1, 1, at);
    int64_t count = 0;
    for (size_t i = 0; i < self.items->size(); ++i)
      if (identical((*self.items)[i], pos[0]) || equal((*self.items)[i], pos[0], at)) {
        if (n == "index") return done(Value::integer(int64_t(i)));
        ++count;
      }
    if (n == "index") fail(at, "ValueError: tuple.index(x): x not in tuple");
    return done(Value::integer(count));
  }
  if (self.kind == K::Str) {
    const std::string& s = self.s;
    if (n == "format" || n == "join" || n == "upper" || n == "lower") return false;
    auto str_arg = [&](size_t i, const char* what) -> std::string {
      if (i >= pos.size()) return "";
      if (pos[i].kind != K::Str) fail(at, std::string("TypeError: ") + what + " arg must be str, not " + pos[i].type_name());
      return pos[i].s;
    };
    auto is_ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    if (n == "split" || n == "rsplit") {
      Value sep, maxsplit = Value::integer(-1);
      if (!pos.empty()) sep = pos[0];
      if (pos.size() > 1) maxsplit = pos[1];
      for (auto& [k, v] : kw) (k == "sep" ? sep : maxsplit) = v;
      int64_t maxs = to_index(maxsplit, at);
      std::vector<Value> parts;
      if (sep.is_none()) {
        size_t i = 0;
        while (i < s.size()) {
          while (i < s.size() && is_ws(s[i])) ++i;
          if (i >= s.size()) break;
          if (maxs >= 0 && int64_t(parts.size()) == maxs) {
            size_t e = s.size();
            while (e > i && is_ws(s[e - 1])) --e;
            parts.push_back(Value::str(s.substr(i, e - i)));
            break;
          }
          size_t j = i;
          while (j < s.size() && !is_ws(s[j])) ++j;
          parts.push_back(Value::str(s.substr(i, j - i)));
          i = j;
        }
      } else {
        if (sep.kind != K::Str || sep.s.empty()) fail(at, "ValueError: empty separator");
        size_t i = 0;
        while (true) {
          size_t j = s.find(sep.s, i);
          if (j == std::string::npos || (maxs >= 0 && int64_t(parts.size()) == maxs)) {
            parts.push_back(Value::str(s.substr(i)));
            break;
          }
          parts.push_back(Value::str(s.substr(i, j - i)));
          i = j + sep.s.size();
        }
      }
      return done(make_seq(K::List, std::move(parts), at));
    }
    if (n == "strip" || n == "lstrip" || n == "rstrip") {
      const std::string chars = pos.empty() || pos[0].is_none() ? std::string(" \t\n\r\f\v") : str_arg(0, n.c_str());
      size_t b = 0, e = s.size();
      if (n != "rstrip")
        while (b < e && chars.find(s[b]) != std::string::npos) ++b;
      if (n != "lstrip")
        while (e > b && chars.find(s[e - 1]) != std::string::npos) --e;
      return done(Value::str(s.substr(b, e - b)));
    }
    if (n == "replace") {
      nargs("replace", pos, 2, 3, at);
      const std::string a = str_arg(0, "replace"), b = str_arg(1, "replace");
      int64_t count = pos.size() == 3 ? to_index(pos[2], at) : -1;
      std::string r;
      size_t i = 0;
      if (a.empty()) return done(self);
      while (count != 0) {
        size_t j = s.find(a, i);
        if (j == std::string::npos) break;
        r += s.substr(i, j - i) + b;
        check_len(int64_t(r.size()), at);
        i = j + a.size();
        --count;
      }
      return done(Value::str(r + s.substr(i)));
    }
    if (n == "startswith" || n == "endswith") {
      nargs(n.c_str(), pos, 1, 1, at);
      std::vector<Value> cands = pos[0].kind == K::Tuple ? *pos[0].items : std::vector<Value>{pos[0]};
      for (const Value& c : cands) {
        if (c.kind != K::Str) fail(at, "TypeError: " + n + " first arg must be str or a tuple of str");
        if (c.s.size() <= s.size() && (n == "startswith" ? s.compare(0, c.s.size(), c.s) == 0 : s.compare(s.size() - c.s.size(), c.s.size(), c.s) == 0))
          return done(Value::boolean(true));
      }
      return done(Value::boolean(false));
    }
    if (n == "find" || n == "rfind" || n == "index" || n == "count") {
      nargs(n.c_str(), pos, 1, 3, at);
      const std::string a = str_arg(0, n.c_str());
      // s.find(sub[, start[, end]]): start/end are character indices, as in a slice s[start:end]
      const auto chars = utf8_chars(s);
      const int64_t len = int64_t(chars.size());
      auto bound = [&](size_t k, int64_t dflt) {
        if (pos.size() <= k || pos[k].is_none()) return dflt;
        int64_t v = to_index(pos[k], at);
        if (v < 0) v += len;
        return std::clamp<int64_t>(v, 0, len);
      };
      const bool past_end = pos.size() > 1 && !pos[1].is_none() && to_index(pos[1], at) > len;
      const int64_t lo = bound(1, 0), hi = std::max(lo, bound(2, len));
      size_t b_lo = 0, b_hi = 0;
      for (int64_t k = 0; k < hi; ++k) (k < lo ? b_lo : b_hi) += chars[size_t(k)].size();
      b_hi += b_lo;
      const std::string sub = past_end ? std::string() : s.substr(b_lo, b_hi - b_lo);
      if (n == "count") {
        int64_t c = 0;
        if (past_end) return done(Value::integer(0));
        if (a.empty()) return done(Value::integer(hi - lo + 1));
        for (size_t i = sub.find(a); i != std::string::npos; i = sub.find(a, i + a.size())) ++c;
        return done(Value::integer(c));
      }
      size_t j = past_end ? std::string::npos : n == "rfind" ? sub.rfind(a) : sub.find(a);
      if (j == std::string::npos) {
        if (n == "index") fail(at, "ValueError: substring not found");
        return done(Value::integer(-1));
      }
      return done(Value::integer(lo + int64_t(utf8_chars(sub.substr(0, j)).size())));
    }
    if (n == "ljust" || n == "rjust" || n == "center" || n == "zfill") {
      nargs(n.c_str(), pos, 1, n == "zfill" ? 1 : 2, at);
      const size_t w = size_t(std::max<int64_t>(0, std::min<int64_t>(to_index(pos[0], at), opt_.max_container_len)));
      const std::string fill = pos.size() == 2 ? str_arg(1, n.c_str()) : " ";
      const size_t len = utf8_chars(s).size();
      if (len >= w) return done(self);
      if (n == "zfill") {
        const bool sign = !s.empty() && (s[0] == '-' || s[0] == '+');
        return done(Value::str((sign ? s.substr(0, 1) : "") + std::string(w - len, '0') + s.substr(sign ? 1 : 0)));
      }
      std::string pad;
      const size_t total = w - len;
      auto rep = [&](size_t k) {
        std::string r;
        for (size_t i = 0; i < k; ++i) r += fill;
        return r;
      };
      if (n == "ljust") return done(Value::str(s + rep(total)));
      if (n == "rjust") return done(Value::str(rep(total) + s));
      const size_t left = total / 2 + (total & w & 1);  // CPython's centring
      return done(Value::str(rep(left) + s + rep(total - left)));
    }
    if (n == "title" || n == "capitalize" || n == "swapcase" || n == "casefold") {
      std::string r = s;
      bool start = true;
      for (size_t i = 0; i < r.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(r[i]);
        if (n == "title") {
          r[i] = char(start ? std::toupper(c) : std::tolower(c));
          start = !std::isalpha(c);
        } else if (n == "capitalize") {
          r[i] = char(i == 0 ? std::toupper(c) : std::tolower(c));
        } else if (n == "swapcase") {
          r[i] = char(std::isupper(c) ? std::tolower(c) : std::toupper(c));
        } else {
          r[i] = char(std::tolower(c));
        }
      }
      return done(Value::str(r));
    }
    if (n.rfind("is", 0) == 0) {
      if (s.empty()) return done(Value::boolean(false));
      bool ok = true, any_cased = false;
      for (unsigned char c : s) {
        if (n == "isdigit" || n == "isnumeric") ok = ok && std::isdigit(c);
        else if (n == "isalpha") ok = ok && std::isalpha(c);
        else if (n == "isalnum") ok = ok && std::isalnum(c);
        else if (n == "isspace") ok = ok && std::isspace(c);
        else if (n == "isupper") ok = ok && !std::islower(c), any_cased = any_cased || std::isupper(c);
        else if (n == "islower") ok = ok && !std::isupper(c), any_cased = any_cased || std::islower(c);
      }
      if (n == "isupper" || n == "islower") ok = ok && any_cased;
      return done(Value::boolean(ok));
    }
    if (n == "splitlines") {
      std::vector<Value> parts;
      size_t i = 0;
      while (i < s.size()) {
        size_t j = s.find('\n', i);
        if (j == std::string::npos) j = s.size();
        parts.push_back(Value::str(s.substr(i, j - i)));
        i = j + 1;
      }
      return done(make_seq(K::List, std::move(parts), at));
    }
    if (n == "partition" || n == "rpartition") {
      nargs(n.c_str(), pos, 1, 1, at);
      const std::string a = str_arg(0, n.c_str());
      size_t j = n == "partition" ? s.find(a) : s.rfind(a);
      if (j == std::string::npos)
        return done(n == "partition" ? Value::tuple({self, Value::str(""), Value::str("")})
                                     : Value::tuple({Value::str(""), Value::str(""), self}));
      return done(Value::tuple({Value::str(s.substr(0, j)), Value::str(a), Value::str(s.substr(j + a.size()))}));
    }
    return false;
  }
  if (auto d = as<DictObj>(self, Tag::Dict)) {
    auto dm = const_cast<DictObj*>(d);
    if (n == "pop") {
      nargs("pop", pos, 1, 2, at);
      if (const long p = dict_find(*dm, pos[0], at); p >= 0) {
        Value v = dm->items[size_t(p)].second;
        dm->items.erase(dm->items.begin() + p);
        dm->index.reset();
        return done(v);
      }
      if (pos.size() == 2) return done(pos[1]);
      fail(at, "KeyError: " + repr(pos[0]));
    }
    if (n == "setdefault") {
      nargs("setdefault", pos, 1, 2, at);
      if (const Value* v = dict_get(*d, pos[0], at)) return done(*v);
      Value v = pos.size() == 2 ? pos[1] : Value::none();
      dict_set(*dm, pos[0], v, at);
      return done(v);
    }
    if (n == "update") {
      nargs("update", pos, 0, 1, at);
      if (!pos.empty()) {
        std::vector<Value> args{pos[0]};
        Kw none;
        Value src = call_builtin2(Bi::Dict, "dict", args, none, at);
        for (const auto& [k, v] : as<DictObj>(src, Tag::Dict)->items) dict_set(*dm, k, v, at);
      }
      for (auto& [k, v] : kw) dict_set(*dm, Value::str(k), v, at);
      return done(Value::none());
    }
    if (n == "copy") {
      auto c = std::make_shared<DictObj>();
      c->items = d->items;
      c->ordered = d->ordered;
      return done(Value::object(c));
    }
    if (n == "clear") {
      dm->items.clear();
      dm->index.reset();
      return done(Value::none());
    }
    if (n == "popitem") {
      if (dm->items.empty()) fail(at, "KeyError: 'popitem(): dictionary is empty'");
      Value r = Value::tuple({dm->items.back().first, dm->items.back().second});
      dm->items.pop_back();
      dm->index.reset();
      return done(r);
    }
    return false;
  }
  if (auto st = as<SetObj>(self, Tag::Set)) {
    auto sm = const_cast<SetObj*>(st);
    auto contains = [&](const SetObj& x, const Value& v) { return set_find(x, v, at) >= 0; };
    if (n == "add") {
      nargs("add", pos, 1, 1, at);
      set_add(*sm, pos[0], at);
      return done(Value::none());
    }
    if (n == "update") {
      for (const Value& p : pos)
        for (const Value& v : to_vector(p, at)) set_add(*sm, v, at);
      return done(Value::none());
    }
    if (n == "remove" || n == "discard") {
      nargs(n.c_str(), pos, 1, 1, at);
      if (const long p = set_find(*sm, pos[0], at); p >= 0) {
        sm->items.erase(sm->items.begin() + p);
        sm->index.reset();
        return done(Value::none());
      }
      if (n == "remove") fail(at, "KeyError: " + repr(pos[0]));
      return done(Value::none());
    }
    if (n == "pop") {
      if (sm->items.empty()) fail(at, "KeyError: 'pop from an empty set'");
      Value v = sm->items.front();
      sm->items.erase(sm->items.begin());
      sm->index.reset();
      return done(v);
    }
    if (n == "clear") {
      sm->items.clear();
      sm->index.reset();
      return done(Value::none());
    }
    if (n == "copy") {
      auto c = std::make_shared<SetObj>();
      c->items = st->items;
      return done(Value::object(c));
    }
    nargs(n.c_str(), pos, 1, 1, at);
    auto other = std::make_shared<SetObj>();
    for (const Value& v : to_vector(pos[0], at)) set_add(*other, v, at);
    if (n == "issubset" || n == "issuperset") {
      const SetObj& a = n == "issubset" ? *st : *other;
      const SetObj& b = n == "issubset" ? *other : *st;
      for (const Value& v : a.items)
        if (!contains(b, v)) return done(Value::boolean(false));
      return done(Value::boolean(true));
    }
    const BinOpKind op = n == "union" ? BinOpKind::BitOr : n == "intersection" ? BinOpKind::BitAnd
                         : n == "difference" ? BinOpKind::Sub : BinOpKind::BitXor;
    return done(binop(op, self, Value::object(other), at));
  }
  return false;
}

}  // namespace tl::lang::detail

namespace tl::lang::detail {

// Legacy constructors: torch.Tensor / FloatTensor / DoubleTensor / LongTensor / BoolTensor(data or
// sizes), and torch.autograd.Variable(t, requires_grad=False) (a plain tensor since PyTorch 0.4).
Value Interp::call_legacy_type(const std::string& type, std::vector<Value>& pos, Kw& kw, Pos at) {
  if (type == "Variable") {
    Value rg = Value::boolean(false);
    for (auto& [k, v] : kw) {
      if (k == "requires_grad") rg = v;
      else if (k != "volatile") fail(at, "TypeError: Variable() got an unexpected keyword argument '" + k + "'");
    }
    nargs("Variable", pos, 1, 2, at);
    if (pos[0].kind != K::Tensor) fail(at, "TypeError: Variable data has to be a tensor, but got " + pos[0].type_name());
    if (pos.size() == 2) rg = pos[1];
    if (truthy(rg, at)) at_pos(at, [&] { Tensor(pos[0].t).requires_grad_(true); });
    return pos[0];
  }
  no_kw(type.c_str(), kw, at);
  DType dt = dtype_from_legacy_name(type);
  if (pos.size() == 1 && (pos[0].is_seq() || pos[0].kind == K::Tensor)) {
    if (pos[0].kind == K::Tensor) return call_table("to", kMethod, {pos[0], Value::dtype(dt)}, {}, at);
    return Value::tensor(at_pos(at, [&] { return tensor_from_value(pos[0], dt); }));
  }
  std::vector<Value> sizes;
  for (const Value& v : pos) {
    if (!is_int_like(v)) fail(at, "TypeError: " + type + "(): expected sizes (ints) or a sequence of data, got " + v.type_name());
    sizes.push_back(v);
  }
  Kw k{{"dtype", Value::dtype(dt)}};
  return call_table("zeros", kTorch, sizes, k, at);  // uninitialised in PyTorch; zeros here
}

}  // namespace tl::lang::detail
