// Python's repr/str of script values, and small helpers of the object model.
#include "engine/lang/interp.h"
#include "engine/lang/numpy.h"

namespace tl::lang::detail {

Value size_value(const Shape& s) {
  std::vector<Value> v;
  for (int i = 0; i < s.n; ++i) v.push_back(Value::integer(s.d[i]));
  Value r = Value::tuple(std::move(v));
  r.s = kSizeMark;
  return r;
}

std::string hex_addr(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%012" PRIxPTR, reinterpret_cast<uintptr_t>(p));
  return buf;
}

const char* dtype_repr(DType d) {
  switch (d) {
    case DType::Float32: return "torch.float32";
    case DType::Float64: return "torch.float64";
    case DType::Int64: return "torch.int64";
    case DType::Bool: return "torch.bool";
    case DType::Int32: return "torch.int32";
    case DType::Int16: return "torch.int16";
    case DType::Int8: return "torch.int8";
    case DType::UInt8: return "torch.uint8";
  }
  return "?";
}

std::string str_repr(const std::string& s) {
  const bool dq = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
  const char q = dq ? '"' : '\'';
  std::string r(1, q);
  for (unsigned char c : s) {
    if (c == '\\') r += "\\\\";
    else if (c == char(q)) r += std::string("\\") + char(q);
    else if (c == '\n') r += "\\n";
    else if (c == '\t') r += "\\t";
    else if (c == '\r') r += "\\r";
    else if (c < 0x20 || c == 0x7f) {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02x", c);
      r += b;
    }
    else r += char(c);
  }
  return r + q;
}

std::string repr(const Value& v) {
  if (v.kind == K::Object)
    if (std::string s = np_repr(v, false); !s.empty()) return s;
  switch (v.kind) {
    case K::None: return "None";
    case K::Bool: return v.b ? "True" : "False";
    case K::Int: return std::to_string(v.i);
    case K::Float: return py_float_repr(v.f);
    case K::Str: return str_repr(v.s);
    case K::Tensor: return tensor_repr(v.t);
    case K::DType: return dtype_repr(DType(v.i));
    case K::List:
    case K::Tuple: {
      if (is_return_type(v))
        return v.s + "(\nvalues=" + repr((*v.items)[0]) + ",\nindices=" + repr((*v.items)[1]) + ")";
      const bool size = v.kind == K::Tuple && v.s == kSizeMark;
      std::string r = size ? "torch.Size([" : v.kind == K::List ? "[" : "(";
      for (size_t i = 0; i < v.items->size(); ++i) r += (i ? ", " : "") + repr((*v.items)[i]);
      if (size) return r + "])";
      if (v.kind == K::Tuple && v.items->size() == 1) r += ",";
      if (v.kind == K::List && !v.s.empty()) return v.s + "(" + r + "])";  // dict views: dict_keys([...])
      return r + (v.kind == K::List ? "]" : ")");
    }
    case K::Object: break;
  }
  const Obj* o = as_obj(v);
  switch (o->tag) {
    case Tag::Module: return std::string("<module '") + static_cast<const ModuleObj*>(o)->qualname() + "'>";
    case Tag::Builtin: {
      auto b = static_cast<const BuiltinObj*>(o);
      switch (b->id) {
        case Bi::Int: case Bi::Float: case Bi::Bool: case Bi::Str: case Bi::List: case Bi::Tuple: case Bi::Dict:
        case Bi::Set: case Bi::Type: case Bi::Object: case Bi::Super: case Bi::Range: case Bi::Enumerate:
        case Bi::Zip: case Bi::Map: case Bi::Filter: case Bi::Staticmethod: case Bi::Classmethod: case Bi::Property:
          return std::string("<class '") + b->name + "'>";
        case Bi::Parameter: return "<class 'torch.nn.parameter.Parameter'>";
        default: return std::string("<built-in function ") + b->name + ">";
      }
    }
    case Tag::OpFn: {
      auto f = static_cast<const OpFnObj*>(o);
      return f->self.defined() ? "<built-in method " + f->name + " of Tensor object at " + hex_addr(f->self.impl()) + ">"
                               : "<built-in method " + f->name + ">";
    }
    case Tag::UserFn: {
      auto f = static_cast<const UserFnObj*>(o);
      return "<function " + (f->qualname.empty() ? f->def->name : f->qualname) + " at " + hex_addr(o) + ">";
    }
    case Tag::Range: {
      auto r = static_cast<const RangeObj*>(o);
      return "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop) +
             (r->step != 1 ? ", " + std::to_string(r->step) : "") + ")";
    }
    case Tag::GradFn: {
      auto g = static_cast<const GradFnObj*>(o);
      return "<" + g->node->name() + " object at " + hex_addr(g->node.get()) + ">";
    }
    case Tag::GradModeClass: return std::string("<class 'torch.autograd.grad_mode.") + o->type_name() + "'>";
    case Tag::GradMode: return "<torch.autograd.grad_mode." + o->type_name() + " object at " + hex_addr(o) + ">";
    case Tag::Dict: {
      auto d = static_cast<const DictObj*>(o);
      if (d->ordered) {  // OrderedDict([('a', 1), ...])
        if (d->items.empty()) return "OrderedDict()";
        std::string r = "OrderedDict([";
        for (size_t i = 0; i < d->items.size(); ++i)
          r += (i ? ", (" : "(") + repr(d->items[i].first) + ", " + repr(d->items[i].second) + ")";
        return r + "])";
      }
      std::string r = "{";
      for (size_t i = 0; i < d->items.size(); ++i)
        r += (i ? ", " : "") + repr(d->items[i].first) + ": " + repr(d->items[i].second);
      return r + "}";
    }
    case Tag::Method: {
      auto m = static_cast<const MethodObj*>(o);
      return "<built-in method " + m->name + " of " + m->self.type_name() + " object at " + hex_addr(o) + ">";
    }
    case Tag::Slice: {
      auto s = static_cast<const SliceObj*>(o);
      return "slice(" + repr(s->lower) + ", " + repr(s->upper) + ", " + repr(s->step) + ")";
    }
    case Tag::Ellipsis: return "Ellipsis";
    case Tag::Enumerate: return "<enumerate object at " + hex_addr(o) + ">";
    case Tag::Zip: return "<zip object at " + hex_addr(o) + ">";
    case Tag::Type: return "<class '" + static_cast<const TypeObj*>(o)->name + "'>";
    case Tag::NNClass: return "<class 'torch.nn." + static_cast<const NNClassObj*>(o)->name + "'>";
    case Tag::OptimClass: return "<class 'torch.optim." + static_cast<const NNClassObj*>(o)->name + "'>";
    case Tag::NNModule: {
      auto m = static_cast<const NNModuleObj*>(o);
      auto um = dynamic_cast<const UserModule*>(m->m.get());
      if (um && um->cls->lookup("__repr__") && current_interp()) return current_interp()->instance_repr(v, false);
      return m->m->repr();
    }
    case Tag::Class: {
      auto c = static_cast<const ClassObj*>(o);
      return "<class '" + (c->module == "builtins" ? c->name : c->module + "." + c->name) + "'>";
    }
    case Tag::Instance:
      if (current_interp()) return current_interp()->instance_repr(v, false);
      return "<" + o->type_name() + " object>";
    case Tag::BoundMethod: {
      auto b = static_cast<const BoundMethodObj*>(o);
      std::string fname = "?";
      if (auto f = as<UserFnObj>(b->fn, Tag::UserFn)) fname = f->qualname;
      else if (auto f2 = as<BuiltinObj>(b->fn, Tag::Builtin)) fname = f2->name;
      return "<bound method " + fname + " of " + repr(b->self) + ">";
    }
    case Tag::Super: return "<super: <class '" + static_cast<const SuperObj*>(o)->start->name + "'>, <" + o->type_name() + " object>>";
    case Tag::StaticMethod:
    case Tag::ClassMethod:
    case Tag::Property: return "<" + o->type_name() + " object at " + hex_addr(o) + ">";
    case Tag::GradWrapped: {
      auto w = static_cast<const WrapperObj*>(o);
      return repr(w->fn);
    }
    case Tag::Set: {
      auto st = static_cast<const SetObj*>(o);
      if (st->items.empty()) return "set()";
      std::string r = "{";
      const std::vector<Value> items = set_iteration_order(*st);
      for (size_t i = 0; i < items.size(); ++i) r += (i ? ", " : "") + repr(items[i]);
      return r + "}";
    }
    case Tag::Generator: return "<generator object " + static_cast<const GeneratorObj*>(o)->name + " at " + hex_addr(o) + ">";
    case Tag::NotImpl: return "NotImplemented";
    case Tag::RngGen: return "<torch._C.Generator object at " + hex_addr(o) + ">";
    case Tag::Device: {
      auto d = static_cast<const DeviceObj*>(o);
      return "device(type='" + d->type + "'" + (d->index >= 0 ? ", index=" + std::to_string(d->index) : "") + ")";
    }
    case Tag::Optimizer:
      if (current_interp()) return current_interp()->optimizer_repr(v);
      return "<" + o->type_name() + " optimizer object at " + hex_addr(o) + ">";
    case Tag::NdArray:
    case Tag::NpFn:
    case Tag::NpDType: break;  // numpy objects print through np_repr above
  }
  return "<object>";
}

}  // namespace tl::lang::detail

namespace tl::lang::detail {
std::string str_of(const Value& v) {
  if (v.kind == K::Str) return v.s;
  if (v.kind == K::Object && current_interp() && Interp::class_of(v)) return current_interp()->instance_repr(v, true);
  if (auto d = as<DeviceObj>(v, Tag::Device)) return d->str();
  if (v.kind == K::Object)
    if (std::string s = np_repr(v, true); !s.empty()) return s;
  return repr(v);
}
}  // namespace tl::lang::detail
