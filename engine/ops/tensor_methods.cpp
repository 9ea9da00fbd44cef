// Tensor's member functions: thin forwards to the functional API and the autograd engine.
#include "engine/autograd/engine.h"
#include "engine/kernels/elementwise.h"
#include "engine/ops/ops.h"

namespace tl {

double Tensor::item() const {
  TL_CHECK(defined(), "item: undefined tensor");
  TL_CHECK(numel() == 1, "a Tensor with ", numel(), " elements cannot be converted to Scalar");
  return TL_DISPATCH(dtype(), T, [&] { return double(*data_ptr<T>()); });
}

std::vector<double> Tensor::to_vector() const {
  std::vector<double> v(static_cast<size_t>(numel()));
  TL_DISPATCH(dtype(), T, [&] { kernels::copy_convert<T, double>(*this, v.data()); });
  return v;
}
std::vector<int64_t> Tensor::to_int_vector() const {
  std::vector<int64_t> v(static_cast<size_t>(numel()));
  TL_DISPATCH(dtype(), T, [&] { kernels::copy_convert<T, int64_t>(*this, v.data()); });
  return v;
}

Tensor& Tensor::requires_grad_(bool r) {
  // PyTorch tests the stored grad_fn (a view made before its base had history is still a leaf)
  TL_CHECK(is_leaf_stored() || r, "you can only change requires_grad flags of leaf variables. If you want to use a "
           "computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
  TL_CHECK(!r || is_floating_point(), "only Tensors of floating point dtype can require gradients");
  TL_CHECK(!r || !impl_->is_inference || inference_mode(),
           "Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.");
  impl_->requires_grad = r;
  return *this;
}

void Tensor::set_grad(const Tensor& g) {
  if (g.defined())
    TL_CHECK(g.shape() == shape(), "assigned grad has data of a different size: ", g.shape_str(), " vs ",
             shape_str());
  impl_->grad = g.impl_ptr();
  if (g.defined()) autograd::note_assigned_grad(impl_);
}

void Tensor::retain_grad() {
  TL_CHECK(requires_grad(), "can't retain_grad on Tensor that has requires_grad=False");
  // PyTorch tests the stored grad_fn (C++ is_leaf): a view whose base got history after it was
  // made is a leaf here (a no-op, nothing regenerated); else the hook goes on the current node.
  if (is_leaf_stored()) return;  // leaves keep .grad anyway
  // PyTorch: a second call does nothing, also when a write through a view of self left the hook on
  // self's previous node (x.retain_grad(); x[0] = 1; x.retain_grad() retains the old node's grad).
  if (impl_->retains_grad) return;
  Node& fn = *grad_fn();
  fn.retain_at = fn.pre_hooks ? uint32_t(fn.pre_hooks->size()) : 0;  // hooks before it apply to .grad
  impl_->retains_grad = true;
  fn.retained = impl_;
  impl_->retain_node = impl_->grad_fn;
}

void Tensor::backward(const Tensor& gradient, bool retain_graph, bool create_graph) const {
  autograd::backward({*this}, {gradient}, retain_graph, create_graph);
}

Tensor Tensor::detach() const {
  auto t = std::make_shared<TensorImpl>();
  t->storage = impl_->storage;  // shares data and version counter, as PyTorch's detach()
  t->shape = impl_->shape;
  t->strides = impl_->strides;
  t->offset = impl_->offset;
  t->dtype = impl_->dtype;
  t->is_view = impl_->is_view;
  t->size0_left = impl_->size0_left;  // PyTorch's shallow copy keeps its sizes array
  t->is_zero = impl_->is_zero;
  return Tensor(std::move(t));
}

Tensor Tensor::operator-() const { return neg(*this); }
Tensor Tensor::sum() const { return tl::sum(*this); }
Tensor Tensor::mean() const { return tl::mean(*this); }
Tensor Tensor::relu() const { return tl::relu(*this); }
Tensor Tensor::mm(const Tensor& o) const { return tl::mm(*this, o); }
Tensor Tensor::matmul(const Tensor& o) const { return tl::matmul(*this, o); }
Tensor Tensor::exp() const { return tl::exp(*this); }
Tensor Tensor::log() const { return tl::log(*this); }
Tensor Tensor::tanh() const { return tl::tanh(*this); }
Tensor Tensor::sigmoid() const { return tl::sigmoid(*this); }
Tensor Tensor::pow(double e) const { return tl::pow(*this, e); }
Tensor Tensor::reshape(const Shape& s) const { return tl::reshape(*this, s.vec()); }
Tensor Tensor::view(const Shape& s) const { return tl::view(*this, s.vec()); }
Tensor Tensor::transpose(int64_t a, int64_t b) const { return tl::transpose(*this, a, b); }
Tensor Tensor::t() const { return tl::t(*this); }
Tensor Tensor::contiguous() const { return tl::contiguous(*this); }
Tensor Tensor::to(DType t) const { return to_dtype(*this, t); }
Tensor Tensor::clone() const { return tl::clone(*this); }
Tensor& Tensor::add_(const Tensor& o) { return tl::add_(*this, o); }
Tensor& Tensor::sub_(const Tensor& o) { return tl::sub_(*this, o); }
Tensor& Tensor::mul_(const Tensor& o) { return tl::mul_(*this, o); }
Tensor& Tensor::div_(const Tensor& o) { return tl::div_(*this, o); }
Tensor& Tensor::zero_() { return tl::zero_(*this); }
Tensor& Tensor::fill_(double v) { return tl::fill_(*this, v); }
Tensor& Tensor::copy_(const Tensor& s) { return tl::copy_(*this, s); }

Tensor operator+(const Tensor& a, const Tensor& b) { return add(a, b); }
Tensor operator-(const Tensor& a, const Tensor& b) { return sub(a, b); }
Tensor operator*(const Tensor& a, const Tensor& b) { return mul(a, b); }
Tensor operator/(const Tensor& a, const Tensor& b) { return div(a, b); }
// tensor (op) number: the shared 0-d operand of arith() (no fresh tensor per op), as scripts get.
Tensor operator+(const Tensor& a, double b) { return arith(Arith::Add, a, b, false); }
Tensor operator-(const Tensor& a, double b) { return arith(Arith::Sub, a, b, false); }
Tensor operator*(const Tensor& a, double b) { return arith(Arith::Mul, a, b, false); }
Tensor operator/(const Tensor& a, double b) { return arith(Arith::Div, a, b, false); }
Tensor operator+(double a, const Tensor& b) { return add(wrap_scalar(a, b), b); }
Tensor operator-(double a, const Tensor& b) { return sub(wrap_scalar(a, b), b); }
Tensor operator*(double a, const Tensor& b) { return mul(wrap_scalar(a, b), b); }
Tensor operator/(double a, const Tensor& b) { return div(wrap_scalar(a, b), b); }

}  // namespace tl

// ---- op table rows: Tensor methods that are not math, and torch.autograd ----
#include "engine/ops/op_table.h"
namespace tl {
void copy_bw(Node&, const Tensor& g, std::vector<Tensor>& gi);  // engine/ops/inplace.cpp
static Value inplace_result(const Args& a) { return a.v[0]; }

// torch.autograd.backward / grad's Python layer, in its order and with its error types: each
// argument made a tuple (a Tensor is one, anything else is iterated), then _make_grads over
// zip(outputs, grads) (extra gradients dropped), then the engine's count check.
static std::vector<Value> as_tuple(const Value& v) {
  if (v.kind == Value::Kind::Tensor) return {v};
  TL_CHECK(v.is_seq(), "TypeError: '", v.type_name(), "' object is not iterable");
  return *v.items;
}
static void autograd_args(const Value& outs_v, const Value& grads_v, std::vector<Tensor>& outs,
                          std::vector<Tensor>& grads) {
  const std::vector<Value> os = as_tuple(outs_v);
  const std::vector<Value> gs = grads_v.is_none() ? std::vector<Value>(os.size()) : as_tuple(grads_v);
  const size_t n = std::min(os.size(), gs.size());
  for (size_t i = 0; i < n; ++i) {
    const Value &o = os[i], &g = gs[i];
    if (g.kind == Value::Kind::Tensor) {
      TL_CHECK(o.kind == Value::Kind::Tensor, "TypeError: is_same_size(): argument 'input' (position 1) must be Tensor, not ",
               o.type_name());
      autograd::check_grad_output(o.t, g.t, i);
    } else {
      TL_CHECK(g.is_none(), "TypeError: gradients can be either Tensors or None, but got ", g.type_name());
      TL_CHECK(o.kind == Value::Kind::Tensor, "AttributeError: '", o.type_name(), "' object has no attribute 'requires_grad'");
      TL_CHECK(!o.t.requires_grad() || o.t.numel() == 1, "grad can be implicitly created only for scalar outputs");
    }
    outs.push_back(o.t);
    grads.push_back(g.t);  // undefined for None
  }
  TL_CHECK(os.size() == n, "got ", os.size(), " tensors and ", n, " gradients");
}
void register_tensor_api_ops(std::vector<OpDef>& t) {
  t.push_back({"item(Tensor input) -> Number", kMethod, [](const Args& a) {
                 const Tensor& x = a.t(0);
                 double v = x.item();
                 if (x.dtype() == DType::Bool) return Value::boolean(v != 0);
                 if (is_int(x.dtype())) return Value::integer(x.to_int_vector().at(0));  // exact
                 return Value::number(v);
               }});
  t.push_back({"tolist(Tensor input) -> list", kMethod, [](const Args& a) { return tensor_to_value(a.t(0)); }});
  // Tensor.backward is torch.autograd.backward(self, gradient, ...): a gradient may also be a
  // sequence (of Tensors or None), with that function's checks and errors.
  const auto backward_fn = [](const Args& a) {
    bool cg = a.b(3);
    bool rg = a.is_none(2) ? cg : a.b(2);
    std::vector<Tensor> ts, gs;
    autograd_args(a.v[0], a.v[1], ts, gs);
    autograd::backward(ts, gs, rg, cg);
    return Value::none();
  };
  t.push_back({"backward(Tensor input, Any gradient=None, bool? retain_graph=None, bool create_graph=False) -> None",
               kMethod, backward_fn});
  t.push_back({"backward.autograd(Any tensors, Any grad_tensors=None, bool? retain_graph=None, bool create_graph=False) -> None",
               kAutograd, backward_fn});
  t.push_back({"grad(Any outputs, Any inputs, Any grad_outputs=None, bool? retain_graph=None, bool create_graph=False, bool allow_unused=False) -> (Tensor...)",
               kAutograd, [](const Args& a) {
                 std::optional<bool> rg;
                 if (!a.is_none(3)) rg = a.b(3);
                 std::vector<Value> ins_v = as_tuple(a.v[1]);
                 std::vector<Tensor> outs, gos, ins;
                 autograd_args(a.v[0], a.v[2], outs, gos);
                 for (const Value& x : ins_v) {
                   TL_CHECK(x.kind == Value::Kind::Tensor, "all inputs have to be Tensors, but got ", x.type_name());
                   ins.push_back(x.t);
                 }
                 auto gs = autograd::grad(outs, ins, gos, rg, a.b(4), a.b(5));
                 std::vector<Value> r;
                 for (Tensor& g : gs) r.push_back(g.defined() ? Value::tensor(g) : Value::none());
                 return Value::tuple(std::move(r));
               }});
  t.push_back({"detach(Tensor input) -> Tensor(nograd)", kTorch | kMethod,
               [](const Args& a) { return Value::tensor(a.t(0).detach()); }});
  t.push_back({"requires_grad_(Tensor input, bool requires_grad=True) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 Tensor x = a.t(0);
                 x.requires_grad_(a.b(1));
                 return inplace_result(a);
               }});
  t.push_back({"retain_grad(Tensor input) -> None", kMethod, [](const Args& a) {
                 Tensor x = a.t(0);
                 x.retain_grad();
                 return Value::none();
               }});
  t.push_back({"size(Tensor input, int? dim=None) -> int", kMethod, [](const Args& a) {
                 const Tensor& x = a.t(0);
                 TL_CHECK(a.is_none(1) || x.dim() > 0, "IndexError: Dimension specified as ", a.is_none(1) ? 0 : a.i(1),
                          " but tensor has no dimensions");
                 if (!a.is_none(1)) return Value::integer(x.size(a.i(1)));
                 std::vector<Value> dims;
                 for (int64_t d : x.shape()) dims.push_back(Value::integer(d));
                 return Value::tuple(std::move(dims));
               }});
  // Tensor.stride(): the strides in elements (as PyTorch: 0 in an expanded dim; an empty
  // tensor's are its contiguous ones)
  // (an explicit None is PyTorch's Dimname overload: its RuntimeError; the default marks "omitted")
  t.push_back({"stride(Tensor input, Any? dim='<omitted>') -> int", kMethod, [](const Args& a) {
                 const Tensor& x = a.t(0);
                 TL_CHECK(!a.is_none(1), "Please look up dimensions by name, got: name = None.");
                 const bool omitted = a.v[1].kind == Value::Kind::Str && a.v[1].s == "<omitted>";
                 TL_CHECK(omitted || a.is_int_value(1), "TypeError: stride() received an invalid combination of arguments");
                 TL_CHECK(omitted || x.dim() > 0, "IndexError: Dimension specified as ", omitted ? 0 : a.i(1),
                          " but tensor has no dimensions");
                 if (!omitted) {
                   const int64_t d = a.i(1), n = x.dim();
                   TL_CHECK(d >= -n && d < n, "IndexError: Dimension out of range (expected to be in range of [", -n, ", ",
                            n - 1, "], but got ", d, ")");
                   return Value::integer(x.strides()[int(d < 0 ? d + n : d)]);
                 }
                 std::vector<Value> dims;
                 for (int d = 0; d < x.dim(); ++d) dims.push_back(Value::integer(x.strides()[d]));
                 return Value::tuple(std::move(dims));
               }});
  // Tensor._is_view(): a (differentiable) view of another tensor (detach() is none)
  t.push_back({"_is_view(Tensor input) -> bool", kMethod,
               [](const Args& a) { return Value::boolean(a.t(0).impl()->view_base != nullptr); }});
  t.push_back({"dim(Tensor input) -> int", kMethod, [](const Args& a) { return Value::integer(a.t(0).dim()); }});
  t.push_back({"numel(Tensor input) -> int", kTorch | kMethod, [](const Args& a) { return Value::integer(a.t(0).numel()); }});
  t.push_back({"nelement(Tensor input) -> int", kMethod, [](const Args& a) { return Value::integer(a.t(0).numel()); }});
  t.push_back({"element_size(Tensor input) -> int", kMethod,
               [](const Args& a) { return Value::integer(int64_t(dtype_size(a.t(0).dtype()))); }});
  t.push_back({"is_signed(Tensor input) -> bool", kMethod, [](const Args& a) {
                 const DType d = a.t(0).dtype();
                 return Value::boolean(d != DType::Bool && d != DType::UInt8);
               }});
  // torch.equal: same shape and the same values (after type promotion, as eq).
  t.push_back({"is_contiguous(Tensor input) -> bool", kMethod,
               [](const Args& a) { return Value::boolean(a.t(0).numel() == 0 || a.t(0).is_contiguous()); }});
  t.push_back({"equal(Tensor input, Tensor other) -> bool", kTorch | kMethod, [](const Args& a) {
                 const Tensor &x = a.t(0), &y = a.t(1);
                 if (!(x.shape() == y.shape())) return Value::boolean(false);
                 NoGradGuard ng;
                 Tensor e = eq(x, y).contiguous();
                 const bool* p = e.data_ptr<bool>();
                 for (int64_t i = 0; i < e.numel(); ++i)
                   if (!p[i]) return Value::boolean(false);
                 return Value::boolean(true);
               }});
  using Inplace = Tensor& (*)(Tensor&, const Tensor&);
  static const std::pair<const char*, Inplace> ip[] = {{"add_", add_}, {"sub_", sub_}, {"mul_", mul_}, {"div_", div_}};
  for (const auto& [name, fn] : ip) {
    Inplace f = fn;
    const bool is_sub = name[0] == 's';  // (a structured binding cannot be captured in C++17)
    bool has_alpha = name[0] == 'a' || name[0] == 's';
    const bool is_div = name[0] == 'd';  // div_(..., *, rounding_mode=None): div.Tensor_mode's in place
    t.push_back({std::string(name) + "(Tensor input, Number|Tensor other" + (has_alpha ? ", *, float alpha=1" : "") +
                     (is_div ? ", *, str? rounding_mode=None" : "") + ") -> Tensor(inplace)",
                 kMethod, [f, has_alpha, is_sub, is_div](const Args& a) {
                   Tensor x = a.t(0);
                   Tensor o = a.num_or_t(1, 0);
                   if (is_div && (a.given & 4)) {
                     div_mode_(x, o, rounding_mode_of(a.is_none(2) ? std::nullopt : std::optional<std::string>(a.v[2].s)));
                     return inplace_result(a);
                   }
                   if (is_sub)  // PyTorch's sub_check (a Python bool: a wrapped bool tensor)
                     sub_check(x.dtype() == DType::Bool, a.v[1].kind == Value::Kind::Bool || o.dtype() == DType::Bool);
                   // PyTorch's alpha_check, and an int alpha keeps integer results (as add/sub).
                   const DType rt = promote(x.dtype(), o.dtype());
                   TL_CHECK(!has_alpha || a.v[2].kind != Value::Kind::Bool || rt == DType::Bool,
                            "Boolean alpha only supported for Boolean results.");
                   TL_CHECK(!has_alpha || is_floating(rt) || a.is_int_value(2),
                            "For integral input tensors, argument alpha must not be a floating point number.");
                   if (has_alpha && a.f(2) != 1 && is_floating(rt)) add_alpha_(x, o, a.f(2), is_sub, a.is_int_value(2));
                   else {
                     if (has_alpha && a.f(2) != 1) o = alpha_times(o, a.v[2], result_type_of({&x, &o}));
                     f(x, o);
                   }
                   return inplace_result(a);
                 }});
  }
  t.push_back({"zero_(Tensor input) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 Tensor x = a.t(0);
                 zero_(x);
                 return inplace_result(a);
               }});
  t.push_back({"fill_(Tensor input, Number value) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 Tensor x = a.t(0);
                 check_number_fits(a.v[1], x.dtype());
                 fill_(x, x.is_floating_point() ? Tensor::scalar(a.f(1), x.dtype()) : to_dtype(a.num_or_t(1, 0), x.dtype()));
                 return inplace_result(a);
               }});
  t.push_back({"copy_(Tensor input, Tensor src) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 Tensor x = a.t(0);
                 copy_(x, a.t(1));
                 return inplace_result(a);
               }, copy_bw, "grad_src = g (summed to src's shape)"});
}
}  // namespace tl
