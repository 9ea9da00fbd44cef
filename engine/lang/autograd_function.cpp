// torch.autograd.Function subclasses: MyFn.apply(*args) runs the user's forward (a staticmethod
// taking ctx first) under no_grad and records one graph node (named MyFnBackward, as PyTorch does)
// whose backward calls the user's backward(ctx, grad_output) and routes the returned gradients
// to the tensor arguments.
#include <set>

#include "engine/lang/interp.h"
#include "engine/ops/op_table.h"

namespace tl::lang::detail {

extern const char* const kPreludeFunctionCtx;
const char* const kPreludeFunctionCtx = R"tlprelude(
class FunctionCtx:
    def save_for_backward(self, *tensors):
        self.saved_tensors = tensors

    def mark_non_differentiable(self, *args):
        pass

    def mark_dirty(self, *args):
        pass

    def set_materialize_grads(self, value):
        pass
)tlprelude";

Value Interp::function_ctx_class() {
  if (!ctx_ns_) {
    auto ns = std::make_shared<Scope>();
    ScopeSwap swap(*this, ns);
    captured_.push_back(ns);
    exec_block(prelude_program(kPreludeFunctionCtx).body);
    ctx_ns_ = ns;
  }
  return ctx_ns_->vars.at("FunctionCtx");
}

namespace {
// grad_fn names live as long as the process (Node::display is a plain pointer).
const char* intern_name(const std::string& s) {
  static std::set<std::string> names;
  return names.insert(s).first->c_str();
}
}  // namespace

Value Interp::function_apply(const Value& cls, std::vector<Value>& pos, Kw& kw, Pos at) {
  auto c = std::static_pointer_cast<ClassObj>(cls.obj);
  if (!kw.empty()) fail(at, "TypeError: " + c->name + ".apply() takes no keyword arguments");
  if (!c->lookup("forward") || !c->lookup("backward"))
    fail(at, "NotImplementedError: You must implement the forward and backward functions for custom autograd.Function " +
                 c->name);
  std::vector<Value> none;
  Kw no_kw;
  Value ctx = call_class(std::static_pointer_cast<ClassObj>(function_ctx_class().obj), none, no_kw, at);
  // The tensor arguments become the node's inputs (needs_input_grad tells backward which).
  std::vector<Tensor> inputs;
  std::vector<int> slot(pos.size(), -1);
  std::vector<Value> needs;
  bool any = false;
  for (size_t i = 0; i < pos.size(); ++i) {
    const bool t = pos[i].kind == K::Tensor;
    const bool rg = t && grad_enabled() && pos[i].t.requires_grad();
    if (t) slot[i] = int(inputs.size()), inputs.push_back(pos[i].t);
    needs.push_back(Value::boolean(rg));
    any = any || rg;
  }
  set_attr(ctx, "needs_input_grad", Value::tuple(needs), at);
  Value out;
  {
    NoGradGuard ng;
    std::vector<Value> args{ctx};
    args.insert(args.end(), pos.begin(), pos.end());
    Value f = get_attr(cls, "forward", at);
    out = call(f, args, no_kw, at);
  }
  if (!any) return out;
  if (out.kind != K::Tensor)
    fail(at, "TypeError: tensorlens supports custom autograd.Function forwards that return one tensor (" + c->name +
                 ".forward returned " + out.type_name() + ")");
  Tensor o = out.t;
  for (const Tensor& x : inputs)
    if (o.same(x)) o = o.detach();  // forward returned an input: the output is a new tensor on its data
  Node* n = record(TL_ROW("custom_function"), inputs, o);
  if (!n) return Value::tensor(o);
  n->display = intern_name(c->name + "Backward");
  // ctx saved the output itself: keep a data-only alias (the node must not own its own output).
  Value saved;
  try {
    saved = get_attr(ctx, "saved_tensors", at);
  } catch (const ScriptError&) {
  }
  if (saved.kind == K::Tuple) {
    std::vector<Value> items = *saved.items;
    for (Value& v : items)
      if (v.kind == K::Tensor && v.t.same(o)) v = Value::tensor(Tensor(data_alias(o)));
    set_attr(ctx, "saved_tensors", Value::tuple(items), at);
  }
  const std::string fname = c->name;
  const size_t nargs = pos.size();
  n->attrs().custom = [ctx, cls, slot, fname, nargs, at](const Tensor& g, std::vector<Tensor>& grads) {
    Interp* in = current_interp();
    TL_CHECK(in, fname, "Backward: the script that defined ", fname, " has ended");
    Value b = in->get_attr(cls, "backward", at);
    std::vector<Value> args{ctx, Value::tensor(g)};
    Kw none;
    Value r = in->call(b, args, none, at);
    std::vector<Value> rs = r.kind == K::Tuple ? *r.items : std::vector<Value>{r};
    // As PyTorch, extra trailing gradients are allowed when they are None (backward may return
    // grads for optional arguments that were not passed).
    while (rs.size() > nargs && rs.back().is_none()) rs.pop_back();
    if (rs.size() != nargs)
      fail(at, "RuntimeError: function " + fname + "Backward returned an incorrect number of gradients (expected " +
                   std::to_string(nargs) + ", got " + std::to_string(rs.size()) + ")");
    for (size_t i = 0; i < nargs; ++i) {
      if (slot[i] < 0) continue;
      if (rs[i].kind == K::Tensor) grads[size_t(slot[i])] = rs[i].t;
      else if (!rs[i].is_none())
        fail(at, "TypeError: " + fname + ".backward returned a " + rs[i].type_name() + " as gradient " +
                     std::to_string(i) + " (expected a Tensor or None)");
    }
  };
  return Value::tensor(o);
}

}  // namespace tl::lang::detail
