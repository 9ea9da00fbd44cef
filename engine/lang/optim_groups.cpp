// torch.optim optimizers in the script language: parameter groups (one engine optimizer per
// group, see OptimizerObj), optimizer.param_groups as PyTorch's list of dicts — step() takes lr and
// the other hyperparameters from it, so lr schedulers and hand-written
// `for g in opt.param_groups: g['lr'] = ...` loops change the updates as in PyTorch —,
// add_param_group, state, defaults, and state_dict() / load_state_dict() with PyTorch 1.13's
// structure: {'state': {index: {slot: value}}, 'param_groups': [{hyperparameters..., 'params': [indices]}]}.
#include <algorithm>

#include "engine/lang/interp.h"

namespace tl::lang::detail {

namespace {

// A hyperparameter of a group dict, in the order of PyTorch's `defaults` dict: a number or flag
// the engine optimizer reads (sync) and writes (dict), or a fixed value tensorlens does not vary.
struct Hyper {
  const char* key;
  double* num = nullptr;
  double* num2 = nullptr;  // betas: (num, num2)
  bool* flag = nullptr;
  bool int_zero = false;  // a Python int default (0) in PyTorch: 0 prints as 0, not 0.0
  Value fixed;
};

Hyper N(const char* k, double& v, bool int_zero = false) {
  Hyper h{k};
  h.num = &v, h.int_zero = int_zero;
  return h;
}
Hyper B(const char* k, bool& v) {
  Hyper h{k};
  h.flag = &v;
  return h;
}
Hyper F(const char* k, Value v) {
  Hyper h{k};
  h.fixed = std::move(v);
  return h;
}

std::vector<Hyper> hypers(optim::Optimizer& o) {
  const Value none = Value::none(), no = Value::boolean(false);
  if (auto s = dynamic_cast<optim::SGD*>(&o))
    return {N("lr", s->opt.lr),           N("momentum", s->opt.momentum, true), N("dampening", s->opt.dampening, true),
            N("weight_decay", s->opt.weight_decay, true), B("nesterov", s->opt.nesterov), B("maximize", s->opt.maximize),
            F("foreach", none),           F("differentiable", no)};
  if (auto a = dynamic_cast<optim::Adam*>(&o)) {
    Hyper betas{"betas"};
    betas.num = &a->opt.beta1, betas.num2 = &a->opt.beta2;
    if (std::string(a->type_name()) == "AdamW")
      return {N("lr", a->opt.lr), betas, N("eps", a->opt.eps), N("weight_decay", a->opt.weight_decay, true),
              B("amsgrad", a->opt.amsgrad), F("foreach", none), B("maximize", a->opt.maximize), F("capturable", no)};
    return {N("lr", a->opt.lr), betas, N("eps", a->opt.eps), N("weight_decay", a->opt.weight_decay, true),
            B("amsgrad", a->opt.amsgrad), B("maximize", a->opt.maximize), F("foreach", none), F("capturable", no),
            F("differentiable", no), F("fused", no)};
  }
  if (auto d = dynamic_cast<optim::Adadelta*>(&o))
    return {N("lr", d->opt.lr), N("rho", d->opt.rho), N("eps", d->opt.eps), N("weight_decay", d->opt.weight_decay, true),
            B("maximize", d->opt.maximize), F("foreach", none)};
  if (auto g = dynamic_cast<optim::Adagrad*>(&o))
    return {N("lr", g->opt.lr), N("lr_decay", g->opt.lr_decay, true), N("eps", g->opt.eps),
            N("weight_decay", g->opt.weight_decay, true),
            N("initial_accumulator_value", g->opt.initial_accumulator_value, true), F("foreach", none),
            B("maximize", g->opt.maximize)};
  if (auto r = dynamic_cast<optim::RMSprop*>(&o))
    return {N("lr", r->opt.lr), N("momentum", r->opt.momentum, true), N("alpha", r->opt.alpha), N("eps", r->opt.eps),
            B("centered", r->opt.centered), N("weight_decay", r->opt.weight_decay, true), F("foreach", none),
            B("maximize", r->opt.maximize), F("differentiable", no)};
  return {};
}

Value hyper_value(const Hyper& h) {
  if (h.num2) return Value::tuple({Value::number(*h.num), Value::number(*h.num2)});
  if (h.num) return h.int_zero && *h.num == 0 ? Value::integer(0) : Value::number(*h.num);
  if (h.flag) return Value::boolean(*h.flag);
  return h.fixed;
}

// The positional parameters after `params` of each optimizer's constructor.
const std::vector<const char*>& positional_names(const std::string& cls) {
  static const std::vector<const char*> sgd{"lr", "momentum", "dampening", "weight_decay", "nesterov"},
      adam{"lr", "betas", "eps", "weight_decay", "amsgrad"}, adadelta{"lr", "rho", "eps", "weight_decay", "foreach"},
      adagrad{"lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "foreach"},
      rmsprop{"lr", "alpha", "eps", "weight_decay", "momentum", "centered", "foreach", "maximize", "differentiable"};
  if (cls == "SGD") return sgd;
  if (cls == "Adadelta") return adadelta;
  if (cls == "Adagrad") return adagrad;
  if (cls == "RMSprop") return rmsprop;
  return adam;
}

}  // namespace

// optimizer = Cls(params | [group dicts], *hyperparameters, **hyperparameters)
Value Interp::construct_optimizer(const std::string& cls, std::vector<Value>& pos, Kw& kw, Pos at) {
  Value params;
  bool have = false;
  if (!pos.empty()) params = pos[0], have = true;
  Kw hk;  // hyperparameters, positional ones named
  for (auto& [k, v] : kw) {
    if (k == "params") {
      if (have) fail(at, "TypeError: " + cls + "() got multiple values for argument 'params'");
      params = v, have = true;
    } else {
      hk.emplace_back(k, v);
    }
  }
  if (!have) fail(at, "TypeError: " + cls + "() missing 1 required positional argument: 'params'");
  if (params.kind == K::Tensor)
    fail(at, "TypeError: params argument given to the optimizer should be an iterable of Tensors or dicts, but got "
             "torch.FloatTensor");
  const auto& names = positional_names(cls);
  if (pos.size() > names.size() + 1)
    fail(at, "TypeError: " + cls + "() takes from 2 to " + std::to_string(names.size() + 1) + " positional arguments but " +
                 std::to_string(pos.size()) + " were given");
  for (size_t i = 1; i < pos.size(); ++i) {
    for (const auto& kv : hk)
      if (kv.first == names[i - 1]) fail(at, "TypeError: " + cls + "() got multiple values for argument '" + kv.first + "'");
    hk.emplace_back(names[i - 1], pos[i]);
  }
  std::vector<Value> items = to_vector(params, at);
  if (items.empty()) fail(at, "ValueError: optimizer got an empty parameter list");
  std::vector<Value> groups;
  if (as<DictObj>(items[0], Tag::Dict)) groups = items;
  else groups.push_back(Value::list(items));  // one group: {'params': params}

  auto obj = std::make_shared<OptimizerObj>(nullptr);
  obj->cls = cls;
  obj->ctor_kw = hk;
  for (size_t g = 0; g < groups.size(); ++g) {
    auto o = make_group(*obj, groups[g], at);
    if (g == 0) obj->o = o;
    else obj->more.push_back(o);
  }
  return Value::object(obj);
}

// One parameter group: a dict {'params': ..., hyperparameter: value, ...} or an iterable of tensors.
std::shared_ptr<optim::Optimizer> Interp::make_group(OptimizerObj& obj, const Value& group, Pos at) {
  Value params = group;
  std::vector<std::pair<std::string, Value>> given;
  Kw k = obj.ctor_kw;
  if (auto d = as<DictObj>(group, Tag::Dict)) {
    const Value* p = dict_get(*d, Value::str("params"), at);
    if (!p) fail(at, "KeyError: 'params'");
    params = *p;
    static const char* const known[] = {"lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize",
                                        "betas", "eps", "amsgrad", "rho", "lr_decay", "initial_accumulator_value",
                                        "alpha", "centered"};
    for (const auto& [key, v] : d->items) {
      if (key.kind != K::Str) fail(at, "TypeError: parameter group keys must be strings, not " + key.type_name());
      if (key.s == "params") continue;
      given.emplace_back(key.s, v);
      bool hyper = false;
      for (const char* n : known) hyper = hyper || key.s == n;
      if (!hyper) continue;  // other keys (initial_lr, ...) only live in the dict
      bool replaced = false;
      for (auto& kv : k)
        if (kv.first == key.s) kv.second = v, replaced = true;
      if (!replaced) k.emplace_back(key.s, v);
    }
  } else if (as<DictObj>(group, Tag::Dict) == nullptr && group.kind != K::List) {
    fail(at, "TypeError: a parameter group must be a dict or a list of tensors, not " + group.type_name());
  }
  if (params.kind == K::Tensor) params = Value::list({params});  // PyTorch accepts a lone tensor in a group
  std::vector<Tensor> ts;
  for (const Value& v : to_vector(params, at)) {
    if (v.kind != K::Tensor) fail(at, "TypeError: optimizer can only optimize Tensors, but one of the params is " + v.type_name());
    ts.push_back(v.t);
  }
  // "some parameters appear in more than one parameter group"
  for (size_t g = 0; g < obj.num_groups() && obj.o; ++g)
    for (const Tensor& p : obj.group(g).params())
      for (const Tensor& t : ts)
        if (p.same(t)) fail(at, "ValueError: some parameters appear in more than one parameter group");
  std::vector<Value> no_pos;
  auto o = at_pos(at, [&] { return nn::make_optimizer(obj.cls, std::move(ts), no_pos, k); });
  obj.given.push_back(std::move(given));
  return o;
}

Value Interp::param_groups(OptimizerObj& o, Pos at) {
  if (!o.groups.is_none()) return o.groups;
  std::vector<Value> out;
  for (size_t g = 0; g < o.num_groups(); ++g) {
    auto d = std::make_shared<DictObj>();
    std::vector<Value> ps;
    for (const Tensor& p : o.group(g).params()) ps.push_back(Value::tensor(p));
    // PyTorch: the given dict ({'params': ..., 'lr': ...}), then setdefault of each default.
    dict_set(*d, Value::str("params"), Value::list(ps), at);
    for (const auto& [k, v] : o.given[g]) dict_set(*d, Value::str(k), v, at);
    for (const Hyper& h : hypers(o.group(g)))
      if (!dict_get(*d, Value::str(h.key), at)) dict_set(*d, Value::str(h.key), hyper_value(h), at);
    out.push_back(Value::object(d));
  }
  o.groups = Value::list(std::move(out));
  return o.groups;
}

// PyTorch's Optimizer.__repr__: "SGD (", then per group "Parameter Group i" and "    key: str(value)"
// for every key but 'params' in sorted order, then ")".
std::string Interp::optimizer_repr(const Value& v) {
  auto* o = const_cast<OptimizerObj*>(as<OptimizerObj>(v, Tag::Optimizer));
  const Value groups = param_groups(*o, bind_pos_);
  std::string r = o->type_name() + " (";
  for (size_t g = 0; g < groups.items->size(); ++g) {
    r += "\nParameter Group " + std::to_string(g) + "\n";
    auto d = as<DictObj>((*groups.items)[g], Tag::Dict);
    if (!d) continue;
    std::vector<std::pair<std::string, Value>> kv;
    for (const auto& [k, x] : d->items)
      if (k.kind == K::Str && k.s != "params") kv.emplace_back(k.s, x);
    std::sort(kv.begin(), kv.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [k, x] : kv) r += "    " + k + ": " + str_of(x) + "\n";
  }
  return r + ")";
}

// The group dicts -> the engine optimizers (before each step: a scheduler may have changed lr).
void Interp::sync_param_groups(OptimizerObj& o, Pos at) {
  if (o.groups.kind != K::List) return;
  if (o.groups.items->size() != o.num_groups())
    fail(at, "NotImplementedError: optimizer.param_groups changed length; use optimizer.add_param_group()");
  for (size_t g = 0; g < o.num_groups(); ++g) {
    auto d = as<DictObj>((*o.groups.items)[g], Tag::Dict);
    if (!d) fail(at, "TypeError: optimizer.param_groups[" + std::to_string(g) + "] is not a dict");
    for (const Hyper& h : hypers(o.group(g))) {
      const Value* v = dict_get(*d, Value::str(h.key), at);
      if (!v) continue;
      const std::string where = "param_groups[" + std::to_string(g) + "]['" + h.key + "']";
      if (h.num2) {
        if (!v->is_seq() || v->items->size() != 2 || !(*v->items)[0].is_number() || !(*v->items)[1].is_number())
          fail(at, "TypeError: " + where + " must be a tuple of two floats");
        *h.num = (*v->items)[0].as_double(), *h.num2 = (*v->items)[1].as_double();
      } else if (h.num) {
        if (!v->is_number()) fail(at, "TypeError: " + where + " must be a number, not " + v->type_name());
        *h.num = v->as_double();
      } else if (h.flag) {
        *h.flag = truthy(*v, at);
      }
    }
  }
}

// state_dict()['state'] (keys: indices over all groups) or optimizer.state (keys: the tensors).
Value Interp::optimizer_state_dict(OptimizerObj& o, bool by_tensor, Pos at) {
  auto state = std::make_shared<DictObj>();
  int64_t index = 0;
  for (size_t g = 0; g < o.num_groups(); ++g) {
    optim::Optimizer& opt = o.group(g);
    for (size_t k = 0; k < opt.params().size(); ++k, ++index) {
      if (!opt.has_state(k)) continue;
      auto s = std::make_shared<DictObj>();
      for (const optim::StateSlot& slot : opt.state_slots(k)) {
        Value v;
        if (slot.tensor) v = slot.tensor->defined() ? Value::tensor(*slot.tensor) : Value::none();
        else if (slot.number_is_tensor) v = Value::tensor(full(Shape{}, *slot.number, DType::Float32));
        else v = Value::integer(int64_t(*slot.number));
        dict_set(*s, Value::str(slot.name), v, at);
      }
      dict_set(*state, by_tensor ? Value::tensor(opt.params()[k]) : Value::integer(index), Value::object(s), at);
    }
  }
  if (by_tensor) return Value::object(state);
  // param_groups: each group's entries but params, then 'params': [indices].
  Value groups = param_groups(o, at);
  std::vector<Value> packed;
  index = 0;
  for (size_t g = 0; g < o.num_groups(); ++g) {
    auto src = as<DictObj>((*groups.items)[g], Tag::Dict);
    auto d = std::make_shared<DictObj>();
    for (const auto& [k, v] : src->items)
      if (!(k.kind == K::Str && k.s == "params")) d->items.emplace_back(k, v);
    std::vector<Value> idx;
    for (size_t k = 0; k < o.group(g).params().size(); ++k) idx.push_back(Value::integer(index++));
    d->items.emplace_back(Value::str("params"), Value::list(idx));
    packed.push_back(Value::object(d));
  }
  auto sd = std::make_shared<DictObj>();
  sd->items.emplace_back(Value::str("state"), Value::object(state));
  sd->items.emplace_back(Value::str("param_groups"), Value::list(packed));
  return Value::object(sd);
}

void Interp::optimizer_load_state_dict(OptimizerObj& o, const Value& sdv, Pos at) {
  auto sd = as<DictObj>(sdv, Tag::Dict);
  if (!sd) fail(at, "TypeError: optimizer.load_state_dict() expects a dict, not " + sdv.type_name());
  const Value* gv = dict_get(*sd, Value::str("param_groups"), at);
  const Value* sv = dict_get(*sd, Value::str("state"), at);
  if (!gv) fail(at, "KeyError: 'param_groups'");
  if (!sv) fail(at, "KeyError: 'state'");
  auto state = as<DictObj>(*sv, Tag::Dict);
  if (!gv->is_seq() || !state) fail(at, "TypeError: a malformed optimizer state_dict");
  if (gv->items->size() != o.num_groups())
    fail(at, "ValueError: loaded state dict has a different number of parameter groups");
  std::vector<const DictObj*> saved;
  for (size_t g = 0; g < o.num_groups(); ++g) {
    auto d = as<DictObj>((*gv->items)[g], Tag::Dict);
    const Value* ps = d ? dict_get(*d, Value::str("params"), at) : nullptr;
    if (!ps || !ps->is_seq()) fail(at, "TypeError: a malformed optimizer state_dict (param_groups[" + std::to_string(g) + "])");
    if (ps->items->size() != o.group(g).params().size())
      fail(at, "ValueError: loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
    saved.push_back(d);
  }
  // State: saved index -> (group, k). Tensors are copied (PyTorch deep-copies the state_dict) and
  // cast to the parameter's dtype.
  for (size_t g = 0; g < o.num_groups(); ++g) {
    const Value* ps = dict_get(*saved[g], Value::str("params"), at);
    optim::Optimizer& opt = o.group(g);
    for (size_t k = 0; k < opt.params().size(); ++k) {
      const Value* entry = dict_get(*state, (*ps->items)[k], at);
      if (!entry) continue;
      auto e = as<DictObj>(*entry, Tag::Dict);
      if (!e) fail(at, "TypeError: optimizer state entries must be dicts");
      for (const optim::StateSlot& slot : opt.state_slots(k)) {
        const Value* v = dict_get(*e, Value::str(slot.name), at);
        if (!v) continue;
        if (slot.tensor) {
          if (v->is_none()) *slot.tensor = Tensor();
          else if (v->kind != K::Tensor) fail(at, std::string("TypeError: optimizer state '") + slot.name + "' must be a Tensor");
          else if (v->t.shape() != opt.params()[k].shape())
            fail(at, std::string("ValueError: optimizer state '") + slot.name + "' has shape " + v->t.shape_str() +
                         " but its parameter has shape " + opt.params()[k].shape_str());
          else
            *slot.tensor = call_table("to", kMethod, {Value::tensor(clone(v->t.detach())), Value::dtype(opt.params()[k].dtype())}, {}, at).t;
        } else {
          *slot.number = v->kind == K::Tensor ? v->t.item() : to_double(*v, at);
        }
      }
      opt.set_has_state(k);
    }
  }
  // param_groups: the saved groups with their own params.
  std::vector<Value> groups;
  for (size_t g = 0; g < o.num_groups(); ++g) {
    auto d = std::make_shared<DictObj>();
    std::vector<Value> ps;
    for (const Tensor& p : o.group(g).params()) ps.push_back(Value::tensor(p));
    for (const auto& [k, v] : saved[g]->items) d->items.emplace_back(k, k.kind == K::Str && k.s == "params" ? Value::list(ps) : v);
    groups.push_back(Value::object(d));
  }
  o.groups = Value::list(std::move(groups));
  sync_param_groups(o, at);
}

Value Interp::optimizer_attr(const Value& self, OptimizerObj& o, const std::string& name, Pos at) {
  if (name == "step" || name == "zero_grad" || name == "state_dict" || name == "load_state_dict" || name == "add_param_group")
    return make_obj<MethodObj>(self, name);
  if (name == "param_groups") return param_groups(o, at);
  if (name == "state") return optimizer_state_dict(o, true, at);
  if (name == "defaults") {
    auto d = std::make_shared<DictObj>();
    for (const Hyper& h : hypers(*o.o)) dict_set(*d, Value::str(h.key), hyper_value(h), at);
    for (const auto& [k, v] : o.ctor_kw) dict_set(*d, Value::str(k), v, at);
    return Value::object(d);
  }
  if (name == "__class__") return builtin_type_of(self);
  fail(at, "AttributeError: '" + o.type_name() + "' object has no attribute '" + name + "'");
}

Value Interp::call_optimizer_method(const Value&, OptimizerObj& o, const std::string& n, std::vector<Value>& pos, Kw& kw, Pos at) {
  if (n == "zero_grad") {
    const bool none = bool_arg("zero_grad", "set_to_none", false, pos, kw, at);
    for (size_t g = 0; g < o.num_groups(); ++g) at_pos(at, [&] { o.group(g).zero_grad(none); return 0; });
    return Value::none();
  }
  if (n == "state_dict") {
    no_kw("state_dict", kw, at), nargs("state_dict", pos, 0, 0, at);
    return optimizer_state_dict(o, false, at);
  }
  if (n == "load_state_dict") {
    no_kw("load_state_dict", kw, at), nargs("load_state_dict", pos, 1, 1, at);
    optimizer_load_state_dict(o, pos[0], at);
    return Value::none();
  }
  if (n == "add_param_group") {
    no_kw("add_param_group", kw, at), nargs("add_param_group", pos, 1, 1, at);
    if (!as<DictObj>(pos[0], Tag::Dict)) fail(at, "AssertionError: param group must be a dict");
    Value groups = param_groups(o, at);  // the existing groups' dicts, before the new one
    sync_param_groups(o, at);
    o.more.push_back(make_group(o, pos[0], at));
    o.groups = Value::none();
    Value fresh = param_groups(o, at);
    // Keep the existing dicts (a scheduler may hold them); append the new group's dict.
    std::vector<Value> items = *groups.items;
    items.push_back(fresh.items->back());
    o.groups = Value::list(std::move(items));
    return Value::none();
  }
  // step(closure=None)
  if (!pos.empty() || !kw.empty()) fail(at, "TypeError: tensorlens optimizers' step() takes no closure");
  sync_param_groups(o, at);  // an lr scheduler may have changed lr
  for (size_t g = 0; g < o.num_groups(); ++g) at_pos(at, [&] { o.group(g).step(); return 0; });
  return Value::none();
}

}  // namespace tl::lang::detail
