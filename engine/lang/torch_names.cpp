// torch / torch.nn / torch.optim names: module attributes, tensor attributes, nn modules and optimizers.
#include "engine/lang/interp.h"
#include "engine/lang/numpy.h"

#include <set>

namespace tl::lang::detail {

Value Interp::get_attr(const Value& obj, const std::string& name, Pos at) {
  if (obj.kind == K::Tensor) return tensor_attr(obj.t, name, at);
  if (auto m = as<ModuleObj>(obj, Tag::Module)) return module_attr(*m, name, at);
  if (is_nd(obj)) return np_array_attr(*this, obj, name, at);
  if (auto m = as<NNModuleObj>(obj, Tag::NNModule)) return nn_module_attr(obj, *m->m, name, at);
  if (auto o = as<OptimizerObj>(obj, Tag::Optimizer)) return optimizer_attr(obj, *const_cast<OptimizerObj*>(o), name, at);
  auto one_of = [&](std::initializer_list<const char*> names) {
    for (const char* n : names)
      if (name == n) return true;
    return false;
  };
  if (obj.kind == K::List && one_of({"append", "extend", "pop", "insert", "index", "count", "sort", "reverse", "remove",
                                     "clear", "copy"}))
    return make_obj<MethodObj>(obj, name);
  if (obj.kind == K::Tuple && one_of({"index", "count"})) return make_obj<MethodObj>(obj, name);
  if (obj.kind == K::Tuple && is_return_type(obj) && (name == "values" || name == "indices"))
    return (*obj.items)[name == "values" ? 0 : 1];
  if (obj.kind == K::Str &&
      one_of({"format", "join", "upper", "lower", "split", "rsplit", "strip", "lstrip", "rstrip", "replace", "startswith",
              "endswith", "find", "rfind", "index", "count", "title", "capitalize", "isdigit", "isalpha", "isalnum",
              "isspace", "isupper", "islower", "isnumeric", "ljust", "rjust", "center", "zfill", "splitlines", "partition",
              "rpartition", "swapcase", "casefold"}))
    return make_obj<MethodObj>(obj, name);
  if (as<DictObj>(obj, Tag::Dict) &&
      one_of({"items", "keys", "values", "get", "pop", "setdefault", "update", "copy", "clear", "popitem"}))
    return make_obj<MethodObj>(obj, name);
  if (as<SetObj>(obj, Tag::Set) && one_of({"add", "update", "remove", "discard", "pop", "clear", "copy", "union",
                                          "intersection", "difference", "issubset", "issuperset", "symmetric_difference"}))
    return make_obj<MethodObj>(obj, name);
  if (auto c = as<ClassObj>(obj, Tag::Class)) return class_attr(obj, *c, name, at);
  if (as<TorchGeneratorObj>(obj, Tag::RngGen) && (name == "manual_seed" || name == "seed" || name == "initial_seed"))
    return make_obj<MethodObj>(obj, name);
  if (auto d = as<DeviceObj>(obj, Tag::Device)) {
    if (name == "type") return Value::str(d->type);
    if (name == "index") return d->index < 0 ? Value::none() : Value::integer(d->index);
  }
  if (as<InstanceObj>(obj, Tag::Instance)) return instance_attr(obj, name, at);
  if (auto sp = as<SuperObj>(obj, Tag::Super)) return super_attr(*sp, name, at);
  if (auto b = as<BoundMethodObj>(obj, Tag::BoundMethod)) {
    if (name == "__self__") return b->self;
    if (name == "__func__") return b->fn;
    return get_attr(b->fn, name, at);
  }
  if (auto f = as<UserFnObj>(obj, Tag::UserFn)) {
    if (name == "__name__") return Value::str(f->def->name);
    if (name == "__qualname__") return Value::str(f->qualname);
    if (name == "__doc__") return Value::none();
  }
  if (auto w = as<WrapperObj>(obj, Tag::Property); w && name == "setter") return make_obj<MethodObj>(obj, name);
  if (auto b = as<BuiltinObj>(obj, Tag::Builtin); b && name == "__name__") return Value::str(b->name);
  if (auto c = as<NNClassObj>(obj, Tag::NNClass); c && c->name == "Embedding" && name == "from_pretrained")
    return make_obj<MethodObj>(obj, name);
  if (name == "__name__" || name == "__qualname__") {
    std::string n;
    if (auto t = as<TypeObj>(obj, Tag::Type)) n = t->name;
    if (auto c = as<NNClassObj>(obj, Tag::NNClass)) n = c->name;
    if (auto c = as<NNClassObj>(obj, Tag::OptimClass)) n = c->name;
    if (!n.empty()) return Value::str(n.substr(n.rfind('.') == std::string::npos ? 0 : n.rfind('.') + 1));
  }
  if (name == "__class__") return builtin_type_of(obj);
  if (obj.kind == K::DType && name == "is_floating_point") return Value::boolean(is_floating(DType(obj.i)));
  if (obj.kind == K::DType && name == "is_signed")
    return Value::boolean(DType(obj.i) != DType::Bool && DType(obj.i) != DType::UInt8);
  if (Value v; autograd_attr(obj, name, at, v)) return v;
  if (auto g = as<GradFnObj>(obj, Tag::GradFn)) {
    if (name == "name") return make_obj<MethodObj>(obj, name);
    if (name == "next_functions") {
      std::vector<Value> v;
      for (const Edge& ed : g->node->next)
        v.push_back(Value::tuple({ed.fn ? make_obj<GradFnObj>(ed.fn) : Value::none(), Value::integer(0)}));
      return Value::tuple(std::move(v));
    }
    if (name == "variable" && g->node->is_accumulate()) return Value::tensor(g->node->leaf_tensor());
  }
  fail(at, "AttributeError: '" + obj.type_name() + "' object has no attribute '" + name + "'");
}

Value Interp::module_attr(const ModuleObj& m, const std::string& name, Pos at) {
  if (m.mod == Mod::Numpy || m.mod == Mod::NpRandom || m.mod == Mod::NpLinalg) return np_module_attr(*this, m.mod, name, at);
  if (m.mod == Mod::Torch && name == "from_numpy") return make_obj<NpFnObj>("torch.from_numpy");
  switch (m.mod) {
    case Mod::Torch: {
      static const std::pair<const char*, DType> dtypes[] = {
          {"float32", DType::Float32}, {"float", DType::Float32}, {"float64", DType::Float64},
          {"double", DType::Float64},  {"int64", DType::Int64},   {"long", DType::Int64},
          {"bool", DType::Bool},       {"int32", DType::Int32},   {"int", DType::Int32},
          {"int16", DType::Int16},     {"short", DType::Int16},   {"int8", DType::Int8},
          {"uint8", DType::UInt8}};
      for (const auto& [n, d] : dtypes)
        if (name == n) return Value::dtype(d);
      if (name == "no_grad") return make_obj<GradModeObj>(Tag::GradModeClass, false);
      if (name == "enable_grad") return make_obj<GradModeObj>(Tag::GradModeClass, true);
      if (name == "is_grad_enabled") return make_obj<BuiltinObj>(Bi::IsGradEnabled, "is_grad_enabled");
      if (name == "_tl_label") return make_obj<BuiltinObj>(Bi::TlLabel, "_tl_label");  // for the preludes
      if (name == "inference_mode") return make_obj<BuiltinObj>(Bi::InferenceMode, "inference_mode");
      if (name == "is_inference_mode_enabled")
        return make_obj<BuiltinObj>(Bi::IsInferenceModeEnabled, "is_inference_mode_enabled");
      if (name == "set_grad_enabled") return make_obj<BuiltinObj>(Bi::SetGradEnabled, "set_grad_enabled");
      if (name == "Generator") return make_obj<BuiltinObj>(Bi::TorchGenerator, "Generator");
      if (name == "nn") return make_obj<ModuleObj>(Mod::NN);
      if (name == "autograd") return make_obj<ModuleObj>(Mod::Autograd);
      if (name == "optim") return make_obj<ModuleObj>(Mod::Optim);
      if (name == "Tensor") return make_obj<TypeObj>("torch.Tensor");
      if (name == "Size") return make_obj<TypeObj>(kSizeMark);
      if (name == "utils") return make_obj<ModuleObj>(Mod::Utils);
      if (name == "FloatTensor" || name == "DoubleTensor" || name == "LongTensor" || name == "BoolTensor" ||
          name == "IntTensor" || name == "ShortTensor" || name == "CharTensor" || name == "ByteTensor")
        return make_obj<TypeObj>("torch." + name);
      if (name == "device") return make_obj<BuiltinObj>(Bi::Device, "device");
      if (name == "cuda") return make_obj<ModuleObj>(Mod::Cuda);
      if (name == "backends") return make_obj<ModuleObj>(Mod::Backends);
      if (!find_ops(name, kTorch).empty()) return make_obj<OpFnObj>(name, kTorch);
      if (Value v; py_module_find(Mod::TorchExtras, name, v)) return v;
      break;
    }
    case Mod::NN:
      if (name == "functional") return make_obj<ModuleObj>(Mod::F);
      if (name == "init") return make_obj<ModuleObj>(Mod::Init);
      if (name == "utils") return make_obj<ModuleObj>(Mod::NNUtils);
      if (name == "Module") return Value::object(builtin_class("Module"));
      if (name == "Parameter") return make_obj<BuiltinObj>(Bi::Parameter, "Parameter");
      if (name == "ModuleList" || name == "ModuleDict") return make_obj<NNClassObj>(Tag::NNClass, name);
      if (nn::is_module_class(name)) return make_obj<NNClassObj>(Tag::NNClass, name);
      if (Value v; py_module_find(Mod::NNExtras, name, v)) return v;
      {
        std::string have;
        for (const std::string& c : nn::module_classes()) have += (have.empty() ? "" : ", ") + c;
        fail(at, "AttributeError: module 'torch.nn' has no attribute '" + name + "' (tensorlens has " + have +
                     " and torch.nn.functional)");
      }
    case Mod::Optim:
      if (nn::is_optimizer_class(name)) return make_obj<NNClassObj>(Tag::OptimClass, name);
      if (name == "lr_scheduler") return make_obj<ModuleObj>(Mod::LrScheduler);
      if (name == "Optimizer") return make_obj<TypeObj>("torch.optim.Optimizer");
      fail(at, "AttributeError: module 'torch.optim' has no attribute '" + name + "' (tensorlens has SGD, Adam, AdamW, Adadelta, Adagrad and RMSprop)");
    case Mod::F:
      if (!find_ops(name, kF).empty()) return make_obj<OpFnObj>(name, kF);
      if (Value v; py_module_find(Mod::FExtras, name, v)) return v;
      break;
    case Mod::Init:
      return make_obj<TypeObj>("torch.nn.init." + name);  // checked when called
    case Mod::Autograd:
      if (name == "Function") return Value::object(builtin_class("Function"));
      if (name == "Variable") return make_obj<TypeObj>("torch.autograd.Variable");
      if (name == "functional") return make_obj<ModuleObj>(Mod::AutogradFunctional);
      if (name == "gradcheck" || name == "gradgradcheck") return autograd_prelude(name);
      if (!find_ops(name, kAutograd).empty()) return make_obj<OpFnObj>(name, kAutograd);
      break;
    case Mod::Utils:
      if (name == "data") return make_obj<ModuleObj>(Mod::Data);
      break;
    case Mod::Cuda:
      if (name == "is_available") return make_obj<BuiltinObj>(Bi::CudaIsAvailable, "is_available");
      if (name == "device_count") return make_obj<BuiltinObj>(Bi::CudaDeviceCount, "device_count");
      if (name == "manual_seed" || name == "manual_seed_all" || name == "synchronize" || name == "empty_cache")
        return make_obj<BuiltinObj>(Bi::NoOp, "manual_seed");
      break;
    case Mod::Backends:
      if (name == "mps" || name == "cudnn") return make_obj<ModuleObj>(Mod::Mps);
      break;
    case Mod::Mps:
      if (name == "is_available" || name == "is_built") return make_obj<BuiltinObj>(Bi::CudaIsAvailable, "is_available");
      break;
    case Mod::Data:
      if (Value v = data_attr(name); !v.is_none()) return v;
      break;
    case Mod::LrScheduler:
      if (Value v = sched_attr(name); !v.is_none()) return v;
      break;
    case Mod::AutogradFunctional: {
      static const char* const fns[] = {"jacobian", "hessian", "vjp", "jvp", "vhp", "hvp"};
      for (const char* f : fns)
        if (name == f) return autograd_prelude(name);
      break;
    }
    case Mod::AutogradGradcheck:
      if (name == "gradcheck" || name == "gradgradcheck" || name == "GradcheckError") return autograd_prelude(name);
      break;
    case Mod::Random: {
      static const std::pair<const char*, Bi> fns[] = {
          {"seed", Bi::RandSeed},         {"random", Bi::RandRandom},   {"uniform", Bi::RandUniform},
          {"randint", Bi::RandRandint},   {"randrange", Bi::RandRandrange}, {"getrandbits", Bi::RandGetrandbits},
          {"choice", Bi::RandChoice},     {"shuffle", Bi::RandShuffle}, {"gauss", Bi::RandGauss},
          {"normalvariate", Bi::RandNormal}, {"sample", Bi::RandSample}, {"choices", Bi::RandChoices}};
      for (const auto& [n, id] : fns)
        if (name == n) return make_obj<BuiltinObj>(id, n);
      break;
    }
    case Mod::Math: {
      static const std::pair<const char*, double> consts[] = {
          {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN}};
      for (const auto& [n, v] : consts)
        if (name == n) return Value::number(v);
      static const std::pair<const char*, Bi> fns[] = {
          {"sqrt", Bi::MathSqrt}, {"exp", Bi::MathExp},     {"log", Bi::MathLog},     {"sin", Bi::MathSin},
          {"cos", Bi::MathCos},   {"tan", Bi::MathTan},     {"tanh", Bi::MathTanh},   {"floor", Bi::MathFloor},
          {"ceil", Bi::MathCeil}, {"fabs", Bi::MathFabs},   {"isnan", Bi::MathIsnan}, {"isinf", Bi::MathIsinf},
          {"isfinite", Bi::MathIsfinite}, {"pow", Bi::MathPow}};
      for (const auto& [n, id] : fns)
        if (name == n) return make_obj<BuiltinObj>(id, n);
      break;
    }
    case Mod::NNUtils:
    case Mod::Os:
    case Mod::OsPath:
    case Mod::Sys:
    case Mod::Time: return py_module_attr(m, name, at);
    default: break;
  }
  fail(at, std::string("AttributeError: module '") + m.qualname() + "' has no attribute '" + name + "'");
}

Value Interp::tensor_attr(const Tensor& t, const std::string& name, Pos at) {
  if (name == "grad") return t.grad().defined() ? Value::tensor(t.grad()) : Value::none();
  if (name == "device") return make_obj<DeviceObj>("cpu", -1);
  if (name == "is_cuda") return Value::boolean(false);
  if (name == "cpu" || name == "cuda" || name == "type") return make_obj<MethodObj>(Value::tensor(t), name);
  if (name == "shape") return size_value(t.shape());
  if (name == "requires_grad") return Value::boolean(t.requires_grad());
  if (name == "is_leaf") return Value::boolean(t.is_leaf());
  if (name == "grad_fn") return t.grad_fn() ? make_obj<GradFnObj>(t.grad_fn()) : Value::none();
  if (name == "dtype") return Value::dtype(t.dtype());
  if (name == "ndim") return Value::integer(t.dim());
  if (name == "data") return Value::tensor(t.detach());
  if (name == "numpy") return make_obj<NpFnObj>("tensor.numpy", Value::tensor(t));
  if (name == "T") {
    if (t.dim() < 2) return call1("t", kMethod, {Value::tensor(t)}, at);  // PyTorch: .T is permute
    std::vector<Value> perm;
    for (int d = t.dim() - 1; d >= 0; --d) perm.push_back(Value::integer(d));
    return call1("permute", kMethod, {Value::tensor(t), Value::tuple(perm)}, at);
  }
  if (!find_ops(name, kMethod).empty()) return make_obj<OpFnObj>(name, kMethod, t);
  if (Value v; autograd_attr(Value::tensor(t), name, at, v)) return v;
  // Tensor methods that are torch.X(self, ...) of the script-language prelude (repeat_interleave, ...)
  static const char* const prelude_methods[] = {"repeat_interleave", "cumprod", "dist", "take", "isnan",
                                                   "is_floating_point", "index_add_", "index_fill_", "index_copy_"};
  for (const char* m : prelude_methods)
    if (Value f; name == m && py_module_find(Mod::TorchExtras, name, f))
      return make_obj<BoundMethodObj>(Value::tensor(t), f);
  fail(at, "AttributeError: 'Tensor' object has no attribute '" + name + "'");
}

void Interp::set_attr(const Value& obj, const std::string& name, const Value& v, Pos at) {
  if (as<InstanceObj>(obj, Tag::Instance)) return instance_set_attr(obj, name, v, at);
  if (auto m = as<NNModuleObj>(obj, Tag::NNModule)) {
    if (std::dynamic_pointer_cast<UserModule>(m->m)) return instance_set_attr(obj, name, v, at);
    fail(at, "AttributeError: setting attributes of torch.nn." + m->m->type_name() + " modules is not supported in tensorlens");
  }
  if (auto c = as<ClassObj>(obj, Tag::Class)) {
    if (c->builtin != BuiltinBase::None) fail(at, "TypeError: cannot set '" + name + "' attribute of immutable type '" + c->name + "'");
    check_insert(v, nullptr, at);
    const_cast<ClassObj*>(c)->set(name, v);
    return;
  }
  if (obj.kind != K::Tensor)
    fail(at, "AttributeError: '" + obj.type_name() + "' object attribute '" + name + "' is read-only");
  Tensor t = obj.t;
  if (name == "grad") {
    if (v.is_none()) return at_pos(at, [&] { t.set_grad(Tensor()); });
    if (v.kind != K::Tensor) fail(at, "TypeError: assigned grad expected to be a Tensor or None but got grad of type " + v.type_name());
    return at_pos(at, [&] {
      TL_CHECK(v.t.dtype() == t.dtype(), "assigned grad has data of a different type");
      t.set_grad(v.t);
    });
  }
  if (name == "requires_grad") {
    if (v.kind != K::Bool) fail(at, "TypeError: requires_grad must be a bool, not " + v.type_name());
    return at_pos(at, [&] { t.requires_grad_(v.b); });
  }
  if (name == "shape" || name == "grad_fn" || name == "is_leaf" || name == "dtype" || name == "ndim" || name == "T" ||
      name == "data")
    fail(at, "AttributeError: attribute '" + name + "' of 'Tensor' objects is not writable in tensorlens");
  fail(at, "AttributeError: 'Tensor' object has no attribute '" + name + "'");
}

Value Interp::construct_module(const std::string& cls, std::vector<Value>& pos, Kw& kw, Pos at) {
  nn::ModulePtr m;
  if (cls == "ModuleList" || cls == "ModuleDict") {
    no_kw(cls.c_str(), kw, at);
    nargs(cls.c_str(), pos, 0, 1, at);
    auto c = std::make_shared<ContainerModule>(cls == "ModuleDict");
    if (!pos.empty()) {
      std::vector<std::pair<std::string, Value>> items;
      if (auto d = as<DictObj>(pos[0], Tag::Dict)) {
        for (const auto& [k, v] : d->items) items.emplace_back(str_of(k), v);
      } else {
        std::vector<Value> xs = to_vector(pos[0], at);
        for (size_t i = 0; i < xs.size(); ++i) {
          if (c->is_dict) {
            std::vector<Value> kv = to_vector(xs[i], at);
            if (kv.size() != 2) fail(at, "ValueError: ModuleDict update sequence element #" + std::to_string(i) + " has length " + std::to_string(kv.size()) + "; 2 is required");
            items.emplace_back(str_of(kv[0]), kv[1]);
          } else {
            items.emplace_back(std::to_string(i), xs[i]);
          }
        }
      }
      for (auto& [k, v] : items) {
        auto mo = as<NNModuleObj>(v, Tag::NNModule);
        if (!mo) fail(at, "TypeError: " + cls + " entries must be Modules, not " + v.type_name());
        c->add(k, mo->m);
      }
    }
    return make_obj<NNModuleObj>(nn::ModulePtr(c));
  }
  if (cls == "Sequential") {
    if (!kw.empty()) fail(at, "TypeError: Sequential() got an unexpected keyword argument '" + kw[0].first + "'");
    std::vector<nn::ModulePtr> mods;
    for (size_t i = 0; i < pos.size(); ++i) {
      auto c = as<NNModuleObj>(pos[i], Tag::NNModule);
      if (!c) fail(at, "TypeError: " + pos[i].type_name() + " is not a Module subclass");
      mods.push_back(c->m);
    }
    m = at_pos(at, [&] { return nn::ModulePtr(nn::Sequential::make(std::move(mods))); });
  } else if (cls == "LSTM" && [&] {  // bidirectional=True (keyword or 7th positional): the prelude's LSTM
               for (const auto& [k, v] : kw)
                 if (k == "bidirectional") return truthy(v, at);
               return pos.size() > 6 && truthy(pos[6], at);
             }()) {
    Value c;
    if (!py_module_find(Mod::NNExtras, "LSTM", c)) fail(at, "RuntimeError: LSTM(bidirectional=True) is not available");
    return call(c, pos, kw, at);
  } else if (cls == "Identity") {  // PyTorch: Identity(*args, **kwargs), all ignored
    m = at_pos(at, [&] { return nn::make_module(cls, {}, {}); });
  } else {
    m = at_pos(at, [&] { return nn::make_module(cls, pos, kw); });
  }
  check_memory(at);
  return make_obj<NNModuleObj>(std::move(m));
}

Value Interp::call_module(const nn::ModulePtr& m, std::vector<Value>& pos, Kw& kw, Pos at) {
  // The graph's module cluster of this call; a module called from the script itself is named
  // by its variable (the first name in order, if several hold it).
  std::string var;
  if (!current_module_scope())
    for (const auto& [n, v] : globals_->vars)
      if (auto o = as<NNModuleObj>(v, Tag::NNModule); o && o->m == m && (var.empty() || n < var)) var = n;
  ModuleScopeGuard module_scope(nn::module_call_scope(*m, var));
  if (auto um = std::dynamic_pointer_cast<UserModule>(m)) return call_module_forward(um, pos, kw, at);
  if (m->type_name() == "ModuleList" || m->type_name() == "ModuleDict")
    fail(at, "NotImplementedError: Module [" + m->type_name() + "] is missing the required \"forward\" function");
  if (!kw.empty()) fail(at, "TypeError: " + m->type_name() + ".forward() got an unexpected keyword argument '" + kw[0].first + "'");
  if (m->takes_values()) {  // e.g. LSTM: (input, (h0, c0)) -> (output, (h, c))
    Value r = at_pos(at, [&] {
      SourcePosGuard sp(at.line, at.col);
      return m->call_values(pos);
    });
    check_memory(at);
    return r;
  }
  std::vector<Tensor> in;
  for (const Value& v : pos) {
    if (v.kind != K::Tensor)
      fail(at, "TypeError: " + m->type_name() + ".forward(): expected a Tensor argument, got " + v.type_name());
    in.push_back(v.t);
  }
  Value r = at_pos(at, [&] {
    SourcePosGuard sp(at.line, at.col);
    return Value::tensor(m->forward(in));
  });
  check_memory(at);
  return r;
}

Value Interp::nn_module_attr(const Value& self, const nn::Module& m, const std::string& name, Pos at) {
  auto um = dynamic_cast<const UserModule*>(&m);
  if (um)
    if (const Value* v = const_cast<UserModule*>(um)->find_attr(name)) return *v;
  if (const Tensor* t = m.find_parameter(name)) return t->defined() ? Value::tensor(*t) : Value::none();
  for (const auto& [n, t] : m.own_buffers())
    if (n == name) return t.defined() ? Value::tensor(t) : Value::none();
  if (nn::ModulePtr c = m.find_child(name)) return make_obj<NNModuleObj>(c);
  if (um) {
    for (const auto& [n, t] : um->buffers)
      if (n == name) return t.defined() ? Value::tensor(t) : Value::none();
    if (const Value* v = um->cls->lookup(name)) return bind_attr(self, *v, um->cls, at);
    if (name == "__class__") return Value::object(um->cls);
  }
  static const char* const methods[] = {"parameters", "named_parameters", "zero_grad", "train", "eval",
                                        "forward", "children", "named_children", "modules", "named_modules",
                                        "state_dict", "load_state_dict", "register_buffer", "register_parameter",
                                        "add_module", "to", "cpu", "double", "float", "requires_grad_", "apply",
                                        "buffers", "named_buffers", "type", "cuda", "extra_repr", "append", "extend",
                                        "insert", "keys", "values", "items", "get_submodule", "get_parameter"};
  for (const char* n : methods)
    if (name == n) return make_obj<MethodObj>(self, name);
  if (name == "training") return Value::boolean(m.training());
  if (name == "__class__") return builtin_type_of(self);
  if (name == "_modules" || name == "_parameters" || name == "_buffers") return module_member_dict(self, name, at);
  if (auto l = dynamic_cast<const nn::Linear*>(&m)) {
    if (name == "in_features") return Value::integer(l->in_features);
    if (name == "out_features") return Value::integer(l->out_features);
  }
  if (auto d = dynamic_cast<const nn::Dropout*>(&m); d && name == "p") return Value::number(d->p);
  if (auto d = dynamic_cast<const nn::LeakyReLU*>(&m); d && name == "negative_slope") return Value::number(d->negative_slope);
  if (auto d = dynamic_cast<const nn::Softmax*>(&m); d && name == "dim") return d->dim ? Value::integer(*d->dim) : Value::none();
  if (auto d = dynamic_cast<const nn::LayerNorm*>(&m)) {
    if (name == "eps") return Value::number(d->eps);
    if (name == "elementwise_affine") return Value::boolean(d->elementwise_affine);
    if (name == "normalized_shape") {
      std::vector<Value> v;
      for (int64_t x : d->normalized_shape) v.push_back(Value::integer(x));
      return Value::tuple(std::move(v));
    }
  }
  if (auto d = dynamic_cast<const nn::Embedding*>(&m)) {
    if (name == "num_embeddings") return Value::integer(d->num_embeddings);
    if (name == "embedding_dim") return Value::integer(d->embedding_dim);
  }
  auto ints = [](const std::vector<int64_t>& v) {
    std::vector<Value> r;
    for (int64_t x : v) r.push_back(Value::integer(x));
    return Value::tuple(std::move(r));
  };
  if (auto d = dynamic_cast<const nn::Conv2d*>(&m)) {
    if (name == "in_channels") return Value::integer(d->in_channels);
    if (name == "out_channels") return Value::integer(d->out_channels);
    if (name == "kernel_size") return ints(d->kernel_size);
    if (name == "stride") return ints(d->stride);
    if (name == "padding") return d->padding_str.empty() ? ints(d->padding) : Value::str(d->padding_str);
    if (name == "dilation") return ints(d->dilation);
    if (name == "groups") return Value::integer(d->groups);
  }
  if (auto d = dynamic_cast<const nn::MaxPool2d*>(&m)) {
    if (name == "kernel_size") return d->kernel_size;
    if (name == "stride") return d->stride;
    if (name == "padding") return d->padding;
    if (name == "dilation") return d->dilation;
  }
  if (auto d = dynamic_cast<const nn::BatchNorm*>(&m)) {
    if (name == "num_features") return Value::integer(d->num_features);
    if (name == "eps") return Value::number(d->eps);
    if (name == "momentum") return d->momentum ? Value::number(*d->momentum) : Value::none();
  }
  if (auto d = dynamic_cast<const nn::LSTM*>(&m)) {
    if (name == "input_size") return Value::integer(d->input_size);
    if (name == "hidden_size") return Value::integer(d->hidden_size);
    if (name == "num_layers") return Value::integer(d->num_layers);
    if (name == "batch_first") return Value::boolean(d->batch_first);
  }
  if (auto d = dynamic_cast<const nn::Embedding*>(&m); d && name == "padding_idx")
    return d->padding_idx ? Value::integer(*d->padding_idx) : Value::none();
  if (auto d = dynamic_cast<const nn::Loss*>(&m); d && name == "reduction") return Value::str(nn::reduction_name(d->reduction));
  if (auto d = dynamic_cast<const nn::CrossEntropyLoss*>(&m); d && name == "ignore_index") return Value::integer(d->ignore_index);
  fail(at, "AttributeError: '" + m.type_name() + "' object has no attribute '" + name + "'");
}

// The class of a builtin value (x.__class__, type(x)).
Value Interp::builtin_type_of(const Value& v) {
  switch (v.kind) {
    case K::None: return make_obj<TypeObj>("NoneType");
    case K::Bool: return builtin("bool");  // the builtin itself: type(3) is int
    case K::Int: return builtin("int");  // the builtin itself: type(3) is int
    case K::Float: return builtin("float");  // the builtin itself: type(3) is int
    case K::Str: return builtin("str");  // the builtin itself: type(3) is int
    case K::List: return builtin("list");  // the builtin itself: type(3) is int
    case K::Tuple:
      if (is_return_type(v)) return make_obj<TypeObj>(v.s);
      return v.s == kSizeMark ? make_obj<TypeObj>("torch.Size") : builtin("tuple");
    case K::Tensor: return make_obj<TypeObj>(v.t.impl()->is_param ? "torch.nn.parameter.Parameter" : "torch.Tensor");
    case K::DType: return make_obj<TypeObj>("torch.dtype");
    case K::Object: break;
  }
  if (auto c = class_of(v)) return Value::object(c);
  if (as<DictObj>(v, Tag::Dict)) return builtin("dict");
  if (as<SetObj>(v, Tag::Set)) return builtin("set");
  if (as<ClassObj>(v, Tag::Class)) return builtin("type");
  if (auto m = as<NNModuleObj>(v, Tag::NNModule)) return make_obj<NNClassObj>(Tag::NNClass, m->m->type_name());
  if (auto o = as<OptimizerObj>(v, Tag::Optimizer)) return make_obj<NNClassObj>(Tag::OptimClass, o->o->type_name());
  return make_obj<TypeObj>(v.type_name());
}

bool Interp::bool_arg(const char* fn, const char* name, bool dflt, std::vector<Value>& pos, Kw& kw, Pos at) {
  nargs(fn, pos, 0, 1, at);
  Value v = pos.empty() ? Value::boolean(dflt) : pos[0];
  for (auto& [k, x] : kw) {
    if (k != name || !pos.empty()) fail(at, std::string("TypeError: ") + fn + "() got an unexpected keyword argument '" + k + "'");
    v = x;
  }
  if (v.kind != K::Bool) fail(at, std::string("TypeError: ") + fn + "(): '" + name + "' must be a bool, not " + v.type_name());
  return v.b;
}

Value Interp::call_module_method(const Value& self, const std::string& n, std::vector<Value>& pos, Kw& kw, Pos at) {
  const nn::ModulePtr& m = as<NNModuleObj>(self, Tag::NNModule)->m;
  if (n == "forward") return call_module(m, pos, kw, at);
  if (n == "train" || n == "eval") {
    if (n == "eval") no_kw("eval", kw, at), nargs("eval", pos, 0, 0, at);
    m->train(n == "train" ? bool_arg("train", "mode", true, pos, kw, at) : false);
    return self;
  }
  if (n == "zero_grad") {
    const bool none = bool_arg("zero_grad", "set_to_none", false, pos, kw, at);
    at_pos(at, [&] { m->zero_grad(none); });
    return Value::none();
  }
  if (n == "parameters" || n == "named_parameters") {
    bool recurse = true;
    for (auto& [k, v] : kw) {
      if (k == "recurse" && v.kind == K::Bool) recurse = v.b;
      else fail(at, "TypeError: " + n + "() got an unsupported keyword argument '" + k + "'");
    }
    nargs(n.c_str(), pos, 0, 0, at);
    std::vector<Value> out;
    std::vector<std::pair<std::string, Tensor>> named;
    if (recurse) named = m->named_parameters();
    else
      for (const auto& p : m->own_parameters())
        if (p.second.defined()) named.push_back(p);
    for (auto& [name, t] : named)
      out.push_back(n == "parameters" ? Value::tensor(t) : Value::tuple({Value::str(name), Value::tensor(t)}));
    // A generator, as PyTorch's (next(model.parameters()) is a common idiom).
    auto g = std::make_shared<GeneratorObj>("Module." + n);
    *g->items = std::move(out);
    return Value::object(g);
  }
  if (n == "children" || n == "named_children") {
    no_kw(n.c_str(), kw, at);
    nargs(n.c_str(), pos, 0, 0, at);
    std::vector<Value> out;
    for (const auto& [name, c] : m->children())
      out.push_back(n == "children" ? make_obj<NNModuleObj>(c) : Value::tuple({Value::str(name), make_obj<NNModuleObj>(c)}));
    return make_seq(K::List, std::move(out), at);
  }
  // get_submodule('a.b') / get_parameter('a.b.weight'): follow the dotted path through children.
  if (n == "get_submodule" || n == "get_parameter") {
    no_kw(n.c_str(), kw, at);
    nargs(n.c_str(), pos, 1, 1, at);
    if (pos[0].kind != K::Str) fail(at, "TypeError: " + n + "(): target must be a str");
    std::vector<std::string> parts;
    for (size_t b = 0;;) {
      const size_t e = pos[0].s.find('.', b);
      parts.push_back(pos[0].s.substr(b, e == std::string::npos ? std::string::npos : e - b));
      if (e == std::string::npos) break;
      b = e + 1;
    }
    std::string leaf;
    if (n == "get_parameter") leaf = parts.back(), parts.pop_back();
    if (n == "get_submodule" && pos[0].s.empty()) return self;
    nn::ModulePtr mod = m;
    for (const std::string& part : parts) {
      nn::ModulePtr c = mod->find_child(part);
      if (!c) fail(at, "AttributeError: " + mod->type_name() + " has no attribute `" + part + "`");
      mod = c;
    }
    if (n == "get_submodule") return mod == m ? self : make_obj<NNModuleObj>(mod);
    const Tensor* t = mod->find_parameter(leaf);
    if (!t) fail(at, "AttributeError: " + mod->type_name() + " has no attribute `" + leaf + "`");
    return Value::tensor(*t);
  }
  // Pre-order walk (module, qualified prefix) with an explicit stack.
  auto walk = [&](const std::function<void(const std::string&, const nn::ModulePtr&)>& visit) {
    std::vector<std::pair<std::string, nn::ModulePtr>> stack{{"", m}};
    while (!stack.empty()) {
      auto [prefix, mod] = stack.back();
      stack.pop_back();
      visit(prefix, mod);
      const auto& ch = mod->children();
      for (auto it = ch.rbegin(); it != ch.rend(); ++it)
        stack.emplace_back(prefix.empty() ? it->first : prefix + "." + it->first, it->second);
    }
  };
  if (n == "modules" || n == "named_modules") {
    no_kw(n.c_str(), kw, at);
    std::vector<Value> out;
    // Each module once (PyTorch's memo): a module shared by two parents is yielded at its first
    // place, and its children are not walked again.
    std::set<const nn::Module*> seen;
    std::vector<std::pair<std::string, nn::ModulePtr>> stack{{"", m}};
    while (!stack.empty()) {
      auto [prefix, mod] = stack.back();
      stack.pop_back();
      if (!seen.insert(mod.get()).second) continue;
      Value mv = mod == m ? self : make_obj<NNModuleObj>(mod);
      out.push_back(n == "modules" ? mv : Value::tuple({Value::str(prefix), mv}));
      const auto& ch = mod->children();
      for (auto it = ch.rbegin(); it != ch.rend(); ++it)
        stack.emplace_back(prefix.empty() ? it->first : prefix + "." + it->first, it->second);
    }
    auto g = std::make_shared<GeneratorObj>(n);
    *g->items = std::move(out);
    return Value::object(g);
  }
  if (n == "state_dict" || n == "buffers" || n == "named_buffers") {
    auto d = std::make_shared<DictObj>();
    d->ordered = true;
    std::vector<Value> bufs;
    walk([&](const std::string& prefix, const nn::ModulePtr& mod) {
      auto q = [&](const std::string& x) { return prefix.empty() ? x : prefix + "." + x; };
      if (n == "state_dict")
        for (const auto& [pn, t] : mod->own_parameters())
          if (t.defined()) d->items.emplace_back(Value::str(q(pn)), Value::tensor(t.detach()));
      for (const auto& [bn, t] : mod->own_buffers()) {  // engine modules' buffers (BatchNorm's running stats)
        if (!t.defined()) continue;
        if (n == "state_dict") d->items.emplace_back(Value::str(q(bn)), Value::tensor(t.detach()));
        else bufs.push_back(n == "buffers" ? Value::tensor(t) : Value::tuple({Value::str(q(bn)), Value::tensor(t)}));
      }
      if (auto um = std::dynamic_pointer_cast<UserModule>(mod))
        for (const auto& [bn, t] : um->buffers) {
          if (!t.defined()) continue;
          if (n == "state_dict") d->items.emplace_back(Value::str(q(bn)), Value::tensor(t.detach()));
          else bufs.push_back(n == "buffers" ? Value::tensor(t) : Value::tuple({Value::str(q(bn)), Value::tensor(t)}));
        }
    });
    if (n == "state_dict") return Value::object(d);
    auto g = std::make_shared<GeneratorObj>(n);
    *g->items = std::move(bufs);
    return Value::object(g);
  }
  if (n == "load_state_dict") {
    nargs(n.c_str(), pos, 1, 2, at);
    auto d = as<DictObj>(pos[0], Tag::Dict);
    if (!d) fail(at, "TypeError: Expected state_dict to be dict-like, got " + pos[0].type_name() + ".");
    std::vector<std::pair<std::string, Tensor>> targets;
    walk([&](const std::string& prefix, const nn::ModulePtr& mod) {
      auto q = [&](const std::string& x) { return prefix.empty() ? x : prefix + "." + x; };
      for (const auto& [pn, t] : mod->own_parameters())
        if (t.defined()) targets.emplace_back(q(pn), t);
      for (const auto& [bn, t] : mod->own_buffers())
        if (t.defined()) targets.emplace_back(q(bn), t);
      if (auto um = std::dynamic_pointer_cast<UserModule>(mod))
        for (const auto& [bn, t] : um->buffers)
          if (t.defined()) targets.emplace_back(q(bn), t);
    });
    std::string missing, unexpected;
    for (const auto& [name, t] : targets) {
      const Value* v = dict_get(*d, Value::str(name), at);
      if (!v) {
        missing += (missing.empty() ? "\"" : ", \"") + name + "\"";
        continue;
      }
      if (v->kind != K::Tensor) fail(at, "TypeError: state_dict['" + name + "'] is not a Tensor");
      NoGradGuard ng;
      call_table("copy_", kMethod, {Value::tensor(t), *v}, {}, at);
    }
    for (const auto& [k, v] : d->items) {
      bool known = false;
      for (const auto& tgt : targets) known = known || (k.kind == K::Str && k.s == tgt.first);
      if (!known) unexpected += (unexpected.empty() ? "\"" : ", \"") + (k.kind == K::Str ? k.s : repr(k)) + "\"";
    }
    if (!missing.empty() || !unexpected.empty())
      fail(at, "RuntimeError: Error(s) in loading state_dict for " + m->type_name() + ":\n\t" +
                   (missing.empty() ? "" : "Missing key(s) in state_dict: " + missing + ". ") +
                   (unexpected.empty() ? "" : "Unexpected key(s) in state_dict: " + unexpected + ". "));
    // PyTorch returns _IncompatibleKeys(missing_keys=[], unexpected_keys=[]), which prints as this
    // (a mismatch raised above, as strict=True does); tutorials print(model.load_state_dict(sd)).
    return Value::str("<All keys matched successfully>");
  }
  auto um = std::dynamic_pointer_cast<UserModule>(m);
  if (n == "register_buffer" || n == "register_parameter" || n == "add_module") {
    nargs(n.c_str(), pos, 2, 3, at);
    if (pos[0].kind != K::Str) fail(at, "TypeError: " + n + "() name should be a string");
    auto sq = std::dynamic_pointer_cast<nn::Sequential>(m);
    if (!um && sq && n == "add_module") {  // nn.Sequential().add_module(name, block)
      auto c = as<NNModuleObj>(pos[1], Tag::NNModule);
      if (!c) fail(at, "TypeError: " + pos[1].type_name() + " is not a Module subclass");
      at_pos(at, [&] { sq->add_child(pos[0].s, c->m); });
      return Value::none();
    }
    if (!um) fail(at, "TypeError: " + n + "() is only supported on nn.Module subclasses in tensorlens");
    if (n == "register_buffer") {
      if (!pos[1].is_none() && pos[1].kind != K::Tensor) fail(at, "TypeError: cannot assign '" + pos[1].type_name() + "' object to buffer '" + pos[0].s + "' (torch Tensor or None required)");
      um->set_buffer(pos[0].s, pos[1].is_none() ? Tensor() : pos[1].t);
    } else if (n == "register_parameter") {
      if (!pos[1].is_none() && pos[1].kind != K::Tensor) fail(at, "TypeError: cannot assign '" + pos[1].type_name() + "' object to parameter '" + pos[0].s + "' (torch.nn.Parameter or None required)");
      um->set_parameter(pos[0].s, pos[1].is_none() ? Tensor() : pos[1].t);
    } else {
      auto c = as<NNModuleObj>(pos[1], Tag::NNModule);
      if (!c) fail(at, "TypeError: " + pos[1].type_name() + " is not a Module subclass");
      um->set_child(pos[0].s, c->m);
    }
    return Value::none();
  }
  if (n == "to" || n == "cpu" || n == "cuda" || n == "float" || n == "double" || n == "type") {
    if (n == "cuda") fail(at, "AssertionError: Torch not compiled with CUDA enabled");
    for (const Value& v : pos)
      if (v.kind == K::DType && DType(v.i) != DType::Float32)
        fail(at, "NotImplementedError: converting a module's parameters to another dtype is not supported in tensorlens");
    if (n == "double") fail(at, "NotImplementedError: converting a module's parameters to float64 is not supported in tensorlens");
    return self;
  }
  if (n == "requires_grad_") {
    const bool b = bool_arg("requires_grad_", "requires_grad", true, pos, kw, at);
    for (auto& p : m->parameters()) at_pos(at, [&] { Tensor(p).requires_grad_(b); });
    return self;
  }
  if (n == "apply") {
    nargs("apply", pos, 1, 1, at);
    // PyTorch: `for module in self.children(): module.apply(fn)`, then fn(self) — a post-order with
    // the children in order, each child once per parent. Walked iteratively: the pre-order that
    // visits the last child first, reversed, is that post-order.
    std::vector<Value> order;
    std::vector<nn::ModulePtr> stack{m};
    while (!stack.empty()) {
      nn::ModulePtr mod = stack.back();
      stack.pop_back();
      order.push_back(mod == m ? self : make_obj<NNModuleObj>(mod));
      std::set<const nn::Module*> kids;
      for (const auto& kv : mod->children())
        if (kids.insert(kv.second.get()).second) stack.push_back(kv.second);
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      std::vector<Value> args{*it};
      Kw none;
      call(pos[0], args, none, at);
    }
    return self;
  }
  if (n == "extra_repr") return Value::str(m->extra_repr());
  if (auto cm = std::dynamic_pointer_cast<ContainerModule>(m)) {
    auto& kids = cm->kids();
    if (!cm->is_dict && (n == "append" || n == "extend" || n == "insert")) {
      std::vector<Value> add;
      if (n == "append") nargs("append", pos, 1, 1, at), add.push_back(pos[0]);
      else if (n == "extend") nargs("extend", pos, 1, 1, at), add = to_vector(pos[0], at);
      else nargs("insert", pos, 2, 2, at), add.push_back(pos[1]);
      std::vector<nn::ModulePtr> mods;
      for (const Value& v : add) {
        auto c = as<NNModuleObj>(v, Tag::NNModule);
        if (!c) fail(at, "TypeError: " + v.type_name() + " is not a Module subclass");
        mods.push_back(c->m);
      }
      std::vector<nn::ModulePtr> all;
      for (auto& kv : kids) all.push_back(kv.second);
      if (n == "insert") {
        int64_t i = to_index(pos[0], at), len = int64_t(all.size());
        if (i < 0) i = std::max<int64_t>(0, i + len);
        all.insert(all.begin() + std::min(i, len), mods[0]);
      } else {
        all.insert(all.end(), mods.begin(), mods.end());
      }
      kids.clear();
      for (size_t i = 0; i < all.size(); ++i) cm->add(std::to_string(i), all[i]);
      return n == "insert" ? Value::none() : self;
    }
    if (cm->is_dict && (n == "keys" || n == "values" || n == "items")) {
      std::vector<Value> out;
      for (auto& [k, c] : kids)
        out.push_back(n == "keys" ? Value::str(k) : n == "values" ? make_obj<NNModuleObj>(c)
                                                                : Value::tuple({Value::str(k), make_obj<NNModuleObj>(c)}));
      return make_seq(K::List, std::move(out), at);
    }
  }
  fail(at, "AttributeError: '" + m->type_name() + "' object has no attribute '" + n + "'");
}


}  // namespace tl::lang::detail
