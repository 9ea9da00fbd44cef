// torch / torch.nn / torch.optim names: module attributes, tensor attributes, nn modules and optimizers.
#include "engine/lang/interp.h"

namespace tl::lang::detail {

Value Interp::get_attr(const Value& obj, const std::string& name, Pos at) {
  if (obj.kind == K::Tensor) return tensor_attr(obj.t, name, at);
  if (auto m = as<ModuleObj>(obj, Tag::Module)) return module_attr(*m, name, at);
  if (auto m = as<NNModuleObj>(obj, Tag::NNModule)) return nn_module_attr(obj, *m->m, name, at);
  if (as<OptimizerObj>(obj, Tag::Optimizer) && (name == "step" || name == "zero_grad"))
    return make_obj<MethodObj>(obj, name);
  if (obj.kind == K::List && (name == "append" || name == "extend" || name == "pop" || name == "insert" ||
                              name == "index" || name == "count"))
    return make_obj<MethodObj>(obj, name);
  if (obj.kind == K::Str && (name == "format" || name == "join" || name == "upper" || name == "lower"))
    return make_obj<MethodObj>(obj, name);
  if (as<DictObj>(obj, Tag::Dict) && (name == "items" || name == "keys" || name == "values" || name == "get"))
    return make_obj<MethodObj>(obj, name);
  if (obj.kind == K::DType && name == "is_floating_point") return Value::boolean(is_floating(DType(obj.i)));
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
  switch (m.mod) {
    case Mod::Torch: {
      static const std::pair<const char*, DType> dtypes[] = {
          {"float32", DType::Float32}, {"float", DType::Float32}, {"float64", DType::Float64},
          {"double", DType::Float64},  {"int64", DType::Int64},   {"long", DType::Int64},
          {"bool", DType::Bool}};
      for (const auto& [n, d] : dtypes)
        if (name == n) return Value::dtype(d);
      if (name == "no_grad") return make_obj<GradModeObj>(Tag::GradModeClass, false);
      if (name == "enable_grad") return make_obj<GradModeObj>(Tag::GradModeClass, true);
      if (name == "is_grad_enabled") return make_obj<BuiltinObj>(Bi::IsGradEnabled, "is_grad_enabled");
      if (name == "nn") return make_obj<ModuleObj>(Mod::NN);
      if (name == "autograd") return make_obj<ModuleObj>(Mod::Autograd);
      if (name == "optim") return make_obj<ModuleObj>(Mod::Optim);
      if (name == "Tensor") return make_obj<TypeObj>("torch.Tensor");
      if (!find_ops(name, kTorch).empty()) return make_obj<OpFnObj>(name, kTorch);
      break;
    }
    case Mod::NN:
      if (name == "functional") return make_obj<ModuleObj>(Mod::F);
      if (nn::is_module_class(name)) return make_obj<NNClassObj>(Tag::NNClass, name);
      {
        std::string have;
        for (const std::string& c : nn::module_classes()) have += (have.empty() ? "" : ", ") + c;
        fail(at, "AttributeError: module 'torch.nn' has no attribute '" + name + "' (tensorlens has " + have +
                     " and torch.nn.functional)");
      }
    case Mod::Optim:
      if (nn::is_optimizer_class(name)) return make_obj<NNClassObj>(Tag::OptimClass, name);
      fail(at, "AttributeError: module 'torch.optim' has no attribute '" + name + "' (tensorlens has SGD, Adam and AdamW)");
    case Mod::F:
      if (!find_ops(name, kF).empty()) return make_obj<OpFnObj>(name, kF);
      break;
    case Mod::Autograd:
      if (!find_ops(name, kAutograd).empty()) return make_obj<OpFnObj>(name, kAutograd);
      break;
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
  }
  fail(at, std::string("AttributeError: module '") + m.qualname() + "' has no attribute '" + name + "'");
}

Value Interp::tensor_attr(const Tensor& t, const std::string& name, Pos at) {
  if (name == "grad") return t.grad().defined() ? Value::tensor(t.grad()) : Value::none();
  if (name == "shape") return size_value(t.shape());
  if (name == "requires_grad") return Value::boolean(t.requires_grad());
  if (name == "is_leaf") return Value::boolean(t.is_leaf());
  if (name == "grad_fn") return t.grad_fn() ? make_obj<GradFnObj>(t.grad_fn()) : Value::none();
  if (name == "dtype") return Value::dtype(t.dtype());
  if (name == "ndim") return Value::integer(t.dim());
  if (name == "data") return Value::tensor(t.detach());
  if (name == "T") {
    if (t.dim() <= 2) return call1("t", kMethod, {Value::tensor(t)}, at);
    std::vector<Value> perm;
    for (int d = t.dim() - 1; d >= 0; --d) perm.push_back(Value::integer(d));
    return call1("permute", kMethod, {Value::tensor(t), Value::tuple(perm)}, at);
  }
  if (!find_ops(name, kMethod).empty()) return make_obj<OpFnObj>(name, kMethod, t);
  fail(at, "AttributeError: 'Tensor' object has no attribute '" + name + "'");
}

void Interp::set_attr(const Value& obj, const std::string& name, const Value& v, Pos at) {
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
  if (cls == "Sequential") {
    if (!kw.empty()) fail(at, "TypeError: Sequential() got an unexpected keyword argument '" + kw[0].first + "'");
    std::vector<nn::ModulePtr> mods;
    for (size_t i = 0; i < pos.size(); ++i) {
      auto c = as<NNModuleObj>(pos[i], Tag::NNModule);
      if (!c) fail(at, "TypeError: " + pos[i].type_name() + " is not a Module subclass");
      mods.push_back(c->m);
    }
    m = at_pos(at, [&] { return nn::ModulePtr(nn::Sequential::make(std::move(mods))); });
  } else {
    m = at_pos(at, [&] { return nn::make_module(cls, pos, kw); });
  }
  check_memory(at);
  return make_obj<NNModuleObj>(std::move(m));
}

Value Interp::construct_optimizer(const std::string& cls, std::vector<Value>& pos, Kw& kw, Pos at) {
  Value params;
  bool have = false;
  if (!pos.empty()) params = pos[0], have = true;
  for (auto& [k, v] : kw)
    if (k == "params") {
      if (have) fail(at, "TypeError: " + cls + "() got multiple values for argument 'params'");
      params = v, have = true;
    }
  if (!have) fail(at, "TypeError: " + cls + "() missing 1 required positional argument: 'params'");
  if (params.kind == K::Tensor)
    fail(at, "TypeError: params argument given to the optimizer should be an iterable of Tensors or dicts, but got "
             "torch.FloatTensor");
  std::vector<Tensor> ts;
  for (const Value& v : to_vector(params, at)) {
    if (as<DictObj>(v, Tag::Dict)) fail(at, "TypeError: tensorlens optimizers take a list of tensors (no parameter groups)");
    if (v.kind != K::Tensor) fail(at, "TypeError: optimizer can only optimize Tensors, but one of the params is " + v.type_name());
    ts.push_back(v.t);
  }
  std::vector<Value> rest(pos.begin() + (pos.empty() ? 0 : 1), pos.end());
  auto o = at_pos(at, [&] { return nn::make_optimizer(cls, std::move(ts), rest, kw); });
  return make_obj<OptimizerObj>(std::move(o));
}

Value Interp::call_module(const nn::ModulePtr& m, std::vector<Value>& pos, Kw& kw, Pos at) {
  if (!kw.empty()) fail(at, "TypeError: " + m->type_name() + ".forward() got an unexpected keyword argument '" + kw[0].first + "'");
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
  if (const Tensor* t = m.find_parameter(name)) return t->defined() ? Value::tensor(*t) : Value::none();
  if (nn::ModulePtr c = m.find_child(name)) return make_obj<NNModuleObj>(c);
  static const char* const methods[] = {"parameters", "named_parameters", "zero_grad", "train", "eval",
                                        "forward", "children", "named_children"};
  for (const char* n : methods)
    if (name == n) return make_obj<MethodObj>(self, name);
  if (name == "training") return Value::boolean(m.training());
  if (auto l = dynamic_cast<const nn::Linear*>(&m)) {
    if (name == "in_features") return Value::integer(l->in_features);
    if (name == "out_features") return Value::integer(l->out_features);
  }
  if (auto d = dynamic_cast<const nn::Dropout*>(&m); d && name == "p") return Value::number(d->p);
  if (auto d = dynamic_cast<const nn::LeakyReLU*>(&m); d && name == "negative_slope") return Value::number(d->negative_slope);
  if (auto d = dynamic_cast<const nn::Softmax*>(&m); d && name == "dim") return Value::integer(d->dim);
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
  if (auto d = dynamic_cast<const nn::Loss*>(&m); d && name == "reduction") return Value::str(nn::reduction_name(d->reduction));
  if (auto d = dynamic_cast<const nn::CrossEntropyLoss*>(&m); d && name == "ignore_index") return Value::integer(d->ignore_index);
  fail(at, "AttributeError: '" + m.type_name() + "' object has no attribute '" + name + "'");
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
    return make_seq(K::List, std::move(out), at);
  }
  if (n == "children" || n == "named_children") {
    no_kw(n.c_str(), kw, at);
    nargs(n.c_str(), pos, 0, 0, at);
    std::vector<Value> out;
    for (const auto& [name, c] : m->children())
      out.push_back(n == "children" ? make_obj<NNModuleObj>(c) : Value::tuple({Value::str(name), make_obj<NNModuleObj>(c)}));
    return make_seq(K::List, std::move(out), at);
  }
  fail(at, "AttributeError: '" + m->type_name() + "' object has no attribute '" + n + "'");
}

Value Interp::call_optimizer_method(optim::Optimizer& o, const std::string& n, std::vector<Value>& pos, Kw& kw, Pos at) {
  if (n == "zero_grad") {
    const bool none = bool_arg("zero_grad", "set_to_none", false, pos, kw, at);
    at_pos(at, [&] { o.zero_grad(none); });
    return Value::none();
  }
  // step(closure=None)
  if (!pos.empty() || !kw.empty()) fail(at, "TypeError: tensorlens optimizers' step() takes no closure");
  at_pos(at, [&] { o.step(); });
  return Value::none();
}

}  // namespace tl::lang::detail
