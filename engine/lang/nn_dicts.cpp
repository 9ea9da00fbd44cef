// module._modules / module._parameters / module._buffers: PyTorch keeps a module's children,
// parameters and buffers in three OrderedDicts that subclasses read and write directly
// (d2l's MySequential: `self._modules[str(idx)] = module`, then `for b in self._modules.values()`).
// tensorlens keeps them in the engine module; reading the attribute gives an OrderedDict made from
// it, and `d[k] = v` on that dict registers v in the module as PyTorch's dict assignment does.
#include "engine/lang/interp.h"

namespace tl::lang::detail {

Value Interp::module_member_dict(const Value& self, const std::string& name, Pos) {
  const nn::ModulePtr& m = as<NNModuleObj>(self, Tag::NNModule)->m;
  auto d = std::make_shared<DictObj>();
  d->ordered = true;
  d->owner = m;
  d->owner_kind = name == "_modules" ? 'm' : name == "_parameters" ? 'p' : 'b';
  auto tensor_or_none = [](const Tensor& t) { return t.defined() ? Value::tensor(t) : Value::none(); };
  if (d->owner_kind == 'm')
    for (const auto& [n, c] : m->children()) d->items.emplace_back(Value::str(n), make_obj<NNModuleObj>(c));
  if (d->owner_kind == 'p')
    for (const auto& [n, t] : m->own_parameters()) d->items.emplace_back(Value::str(n), tensor_or_none(t));
  if (d->owner_kind == 'b') {
    for (const auto& [n, t] : m->own_buffers()) d->items.emplace_back(Value::str(n), tensor_or_none(t));
    if (auto um = std::dynamic_pointer_cast<UserModule>(m))
      for (const auto& [n, t] : um->buffers) d->items.emplace_back(Value::str(n), tensor_or_none(t));
  }
  return Value::object(d);
}

void Interp::module_dict_store(const DictObj& d, const Value& k, const Value& v, Pos at) {
  nn::ModulePtr m = d.owner.lock();
  if (!m) return;  // the module is gone: a plain dict now
  const char* what = d.owner_kind == 'm' ? "_modules" : d.owner_kind == 'p' ? "_parameters" : "_buffers";
  if (k.kind != K::Str) fail(at, std::string("TypeError: ") + what + " keys must be strings (module attribute names), not " + k.type_name());
  auto um = std::dynamic_pointer_cast<UserModule>(m);
  if (d.owner_kind == 'm') {
    auto c = as<NNModuleObj>(v, Tag::NNModule);
    if (!c && !v.is_none()) fail(at, "TypeError: " + v.type_name() + " is not a Module subclass");
    if (!c) fail(at, "NotImplementedError: a None entry in _modules is not supported in tensorlens");
    if (um) return um->set_child(k.s, c->m);
    if (auto sq = std::dynamic_pointer_cast<nn::Sequential>(m)) {
      at_pos(at, [&] { sq->add_child(k.s, c->m); return 0; });
      return;
    }
    if (auto cm = std::dynamic_pointer_cast<ContainerModule>(m)) return cm->add(k.s, c->m);
    fail(at, "NotImplementedError: adding a child to a built-in " + m->type_name() + " is not supported in tensorlens");
  }
  if (!v.is_none() && v.kind != K::Tensor)
    fail(at, std::string("TypeError: ") + what + " values must be Tensors or None, not " + v.type_name());
  if (!um) fail(at, std::string("NotImplementedError: writing ") + what + " of a built-in " + m->type_name() + " is not supported in tensorlens");
  if (d.owner_kind == 'p') um->set_parameter(k.s, v.is_none() ? Tensor() : v.t);
  else um->set_buffer(k.s, v.is_none() ? Tensor() : v.t);
}

}  // namespace tl::lang::detail
