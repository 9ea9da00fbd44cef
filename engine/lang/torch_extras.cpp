// torch.Generator (its own PyTorch CPU generator; ops given generator= draw from it, see
// call_table), torch.set_grad_enabled (a function and a context manager), and out= results.
#include "engine/lang/interp.h"

namespace tl::lang::detail {

Value Interp::call_torch_extra(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at) {
  switch (id) {
    case Bi::SetGradEnabled: {
      Value mode;
      if (!kw.empty() && kw[0].first == "mode" && pos.empty()) mode = kw[0].second;
      else if (kw.empty() && pos.size() == 1) mode = pos[0];
      else fail(at, "TypeError: set_grad_enabled() takes 1 positional argument (mode)");
      if (mode.kind != K::Bool) fail(at, "TypeError: enabled must be a bool (got " + mode.type_name() + ")");
      auto g = std::make_shared<GradModeObj>(Tag::GradMode, mode.b);
      g->restore = grad_enabled() ? 1 : 0;
      set_grad_enabled(mode.b);  // takes effect at once, as in PyTorch
      return Value::object(g);
    }
    case Bi::TorchGenerator: {
      for (const auto& [k, v] : kw)
        if (k != "device") fail(at, std::string("TypeError: ") + name + "() got an unexpected keyword argument '" + k + "'");
      if (pos.size() > 1) fail(at, "TypeError: Generator() takes at most 1 argument (device)");
      const Value* dev = !pos.empty() ? &pos[0] : kw.empty() ? nullptr : &kw[0].second;
      if (dev && !dev->is_none() && !device_arg(*dev, at))
        fail(at, "TypeError: Generator(): device must be a torch.device or a string, not " + dev->type_name());
      return make_obj<TorchGeneratorObj>();
    }
    case Bi::TimeClock:
      nargs(name, pos, 0, 0, at), no_kw(name, kw, at);
      return Value::number(wall_clock());
    default: break;
  }
  fail(at, std::string("TypeError: ") + name + "() is not callable");
}

bool Interp::torch_extra_method(const MethodObj& m, std::vector<Value>& pos, Kw& kw, Pos at, Value& out) {
  auto* g = const_cast<TorchGeneratorObj*>(as<TorchGeneratorObj>(m.self, Tag::RngGen));
  if (!g) return false;
  no_kw(m.name.c_str(), kw, at);
  if (m.name == "manual_seed") {
    nargs("manual_seed", pos, 1, 1, at);
    if (pos[0].kind != K::Int) fail(at, "TypeError: manual_seed expected a long, but got " + pos[0].type_name());
    g->g.manual_seed(uint64_t(pos[0].i));
    out = m.self;  // returns the generator, so torch.Generator().manual_seed(s) chains
    return true;
  }
  nargs(m.name.c_str(), pos, 0, 0, at);
  if (m.name == "initial_seed") {
    out = Value::integer(int64_t(g->g.initial_seed()));
    return true;
  }
  // seed(): a fresh seed drawn from the default generator (PyTorch draws a nondeterministic one).
  const uint64_t s = default_generator().random64() % (uint64_t(1) << 63);
  g->g.manual_seed(s);
  out = Value::integer(int64_t(s));
  return true;
}

Value Interp::write_out(const std::string& name, const Value& out, const Value& r, Pos at) {
  if (r.kind != K::Tensor) fail(at, "TypeError: " + name + "() got an unexpected keyword argument 'out'");
  Tensor o = out.t;
  const Tensor& res = r.t;
  if (grad_enabled() && (res.requires_grad() || o.requires_grad()))
    fail(at, "RuntimeError: " + name +
                 "(): functions with out=... arguments don't support automatic differentiation, but one of the "
                 "arguments requires grad.");
  if (o.dtype() != res.dtype())
    fail(at, std::string("RuntimeError: Expected out tensor to have dtype ") + dtype_name(res.dtype()) + ", but got " +
                 dtype_name(o.dtype()) + " instead");
  at_pos(at, [&] {
    NoGradGuard ng;
    if (o.shape() == res.shape()) {
      copy_(o, res);
      return 0;
    }
    // PyTorch resizes out to the result's shape (silently when out is empty).
    Tensor c = clone(res.detach());
    TensorImpl* i = o.impl();
    i->storage = c.impl()->storage;
    i->set_shape(c.shape());
    i->strides = c.strides();
    i->offset = 0;
    o.bump_version();
    return 0;
  });
  return out;
}

}  // namespace tl::lang::detail
