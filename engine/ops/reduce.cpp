// Reductions over all elements or over dims (negative allowed), with keepdim.
#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/autograd/engine.h"
#include "engine/autograd/node.h"
#include "engine/ops/op_table.h"
#include "engine/kernels/cascade_sum.h"
#include "engine/kernels/loops.h"
#include "engine/ops/ops.h"

namespace tl {

namespace {

enum class Red { Sum, Prod, Max, Min, ArgMax, ArgMin };

struct ReduceDims {
  bool mask[kMaxDims] = {};
  Shape keep_shape;  // input shape with reduced dims set to 1
  Shape out_shape;   // with or without the reduced dims, per keepdim
  int64_t count = 1; // elements reduced into each output
};

ReduceDims reduce_dims(const char* op, const Tensor& x, const IntList& dims, bool keepdim) {
  ReduceDims r;
  const int nd = x.dim();
  if (dims.empty()) {
    for (int i = 0; i < nd; ++i) r.mask[i] = true;
  } else {
    bool seen[kMaxDims + 1] = {};
    for (int64_t d : dims) {
      int w = wrap_dim(op, d, nd);
      TL_CHECK(!seen[w], op, ": dim ", w, " appears multiple times in the list of dims");
      seen[w] = true;
      if (nd > 0) r.mask[w] = true;
    }
  }
  r.keep_shape = x.shape();
  for (int i = 0; i < nd; ++i) {
    if (r.mask[i]) {
      r.count *= x.shape()[i];
      r.keep_shape[i] = 1;
    }
    if (!r.mask[i] || keepdim) r.out_shape.push_back(r.mask[i] ? 1 : x.shape()[i]);
  }
  return r;
}

// Reduces x over rd.mask into a contiguous tensor of shape rd.out_shape.
Tensor reduce_kernel(Red op, const Tensor& x, const ReduceDims& rd) {
  const bool arg = op == Red::ArgMax || op == Red::ArgMin;
  if (is_int(x.dtype()) && x.dtype() != DType::Int64) {
    // Narrow integers reduce in int64 (the same values; sum/prod give int64 as PyTorch's, max/min
    // are cast back): one kernel set for every integer width.
    Tensor r = reduce_kernel(op, to_dtype(x, DType::Int64), rd);
    return (arg || op == Red::Sum || op == Red::Prod) ? r : to_dtype(r, x.dtype());
  }
  DType odt = arg ? DType::Int64 : (op == Red::Sum || op == Red::Prod) && !x.is_floating_point() ? DType::Int64 : x.dtype();
  Tensor out = Tensor::empty(rd.out_shape, odt);
  Shape outer, inner;
  Dims outer_st, inner_st;
  for (int i = 0; i < x.dim(); ++i) {
    if (rd.mask[i]) inner.push_back(x.shape()[i]), inner_st.push_back(x.strides()[i]);
    else outer.push_back(x.shape()[i]), outer_st.push_back(x.strides()[i]);
  }
  const bool full_contig = outer.n == 0 && x.is_contiguous();
  if (op == Red::Sum && is_floating(x.dtype())) {
    // PyTorch's own summation order and accumulator (its bits, see kernels/cascade_sum.h).
    TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
      kernels::cascade_sum(x.data_ptr<T>(), x.shape().begin(), x.strides().begin(), rd.mask, x.dim(),
                           out.data_ptr<T>(), out.numel());
    });
    return out;
  }
  if (op == Red::Prod && is_floating(x.dtype())) {
    // PyTorch's product order: its vector lanes (partial products overflow / underflow as there).
    TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
      kernels::tensor_iterator_reduce(x.data_ptr<T>(), x.shape().begin(), x.strides().begin(), rd.mask, x.dim(),
                                      out.data_ptr<T>(), out.numel(), T(1), kernels::prod_loop2d<T>);
    });
    return out;
  }
  TL_DISPATCH_WIDE(x.dtype(), T, [&] {
    const T* px = x.data_ptr<T>();
    // Integer sums and products wrap around like PyTorch's (uint64: no signed overflow UB); float
    // sums and products are PyTorch's kernels above (bool: the same loop).
    using Acc = std::conditional_t<std::is_floating_point<T>::value, double, uint64_t>;
    using ProdAcc = std::conditional_t<std::is_floating_point<T>::value, T, uint64_t>;
    int64_t oi = 0;
    auto reduce_one = [&](int64_t base) {
      // One output element: reduce the inner elements starting at `base`.
      if (op == Red::Sum || op == Red::Prod) {
        Acc acc = op == Red::Sum ? Acc(0) : Acc(1);
        if (full_contig) {
          const int64_t n = x.numel();
          if (op == Red::Sum) {
            for (int64_t j = 0; j < n; ++j) acc += Acc(px[j]);
          } else {
            ProdAcc p(1);
            for (int64_t j = 0; j < n; ++j) p *= ProdAcc(px[j]);
            acc = Acc(p);
          }
        } else if (op == Red::Sum) {
          kernels::for_each_offset(inner, inner_st, base, [&](int64_t o) { acc += Acc(px[o]); });
        } else {
          ProdAcc p(1);
          kernels::for_each_offset(inner, inner_st, base, [&](int64_t o) { p *= ProdAcc(px[o]); });
          acc = Acc(p);
        }
        if (odt == DType::Int64) out.data_ptr<int64_t>()[oi] = int64_t(acc);
        else out.data_ptr<T>()[oi] = T(acc);
      } else {
        const bool want_max = op == Red::Max || op == Red::ArgMax;
        T best = T(0);
        int64_t best_i = -1, i = 0;
        bool nan = false;
        kernels::for_each_offset(inner, inner_st, base, [&](int64_t o) {
          T v = px[o];
          if (!nan) {
            if (v != v) nan = true, best = v, best_i = i;  // NaN propagates, first NaN wins
            else if (best_i < 0 || (want_max ? v > best : v < best)) best = v, best_i = i;
          }
          ++i;
        });
        if (arg) out.data_ptr<int64_t>()[oi] = best_i;
        else out.data_ptr<T>()[oi] = best;
      }
      ++oi;
    };
    kernels::for_each_offset(outer, outer_st, 0, reduce_one);  // data_ptr includes the offset
  });
  return out;
}


}  // namespace

// ---- sum ----  d/dx sum(x) = 1, broadcast back over the reduced dims
static void sum_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  // sum() (SumBackward0: sum's own row, a 0-d g) is PyTorch's g.expand(sizes): every stride 0, so
  // the gradient of x.sum() over an x of shape [1] is no more writable than a wider one.
  const bool full = g.dim() == 0 && !n.display;
  gi[0] = expand(full ? g : reshape(g, n.attrs().dims.vec()), n.attrs().shape.vec());
}
Tensor sum(const Tensor& x, const IntList& dims, bool keepdim) {
  ReduceDims rd = reduce_dims("sum", x, dims, keepdim);
  Tensor out = reduce_kernel(Red::Sum, x, rd);
  if (Node* n = record(TL_ROW("sum"), {&x}, out)) n->attrs().shape = x.shape(), n->attrs().dims = rd.keep_shape;
  return out;
}

// ---- nansum ----  PyTorch's NansumBackward0: sum's gradient (in x's dtype) times
// x.isnan().logical_not(), so a create_graph gradient is a MulBackward0 (not where's node).
static void nansum_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Tensor x = n.saved_tensor(0);
  const Tensor gx = g.dtype() == x.dtype() ? g : to_dtype(g, x.dtype());
  gi[0] = mul(expand(reshape(gx, n.attrs().dims.vec()), x.shape().vec()), logical_not(ne(x, x)));
}

// ---- mean ----  d/dx mean(x) = g expanded back over the reduced dims / count. A primitive as
// PyTorch's MeanBackward0 (saves only sizes: a second backward works) and MeanBackward1 (saves
// self too, for its numel: an in-place change of self fails its backward). The gradient is
// PyTorch's expand(g) / N, a DivBackward1 under create_graph.
static void mean_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  if (!n.saved.empty()) (void)n.saved_tensor(0);  // MeanBackward1: a freed graph fails, as PyTorch
  gi[0] = div(expand(reshape(g, n.attrs().dims.vec()), n.attrs().shape.vec()), Tensor::scalar(double(n.attrs().i0), g.dtype()));
  label_node(gi[0], TL_ROW("div.Scalar"), {&g});
}
Tensor mean(const Tensor& x, const IntList& dims, bool keepdim) {
  TL_CHECK(x.is_floating_point(), "mean(): could not infer output dtype. Input dtype must be either a "
           "floating point or complex dtype. Got: ", dtype_kernel_name(x.dtype()));
  ReduceDims rd = reduce_dims("mean", x, dims, keepdim);
  Tensor out;
  {
    NoGradGuard ng;
    out = div(sum(x, dims, keepdim), Tensor::scalar(double(rd.count), x.dtype()));
  }
  const bool with_dims = !dims.empty();  // mean.dim (the row's call names its node MeanBackward1 anyway)
  if (Node* n = record(with_dims ? TL_ROW("mean.dim") : TL_ROW("mean"), {&x}, out)) {
    n->attrs().shape = x.shape(), n->attrs().dims = rd.keep_shape, n->attrs().i0 = rd.count;
    if (with_dims) save(n, x);
  }
  return out;
}

// ---- var / std ----  var = sum((x - mean)^2) / (N - correction), std = sqrt(var): primitives
// with PyTorch 1.13's var_backward / std_backward (which differ from the composite's derivative at
// the edges: N == correction, an infinite mean).
//
// The value: PyTorch accumulates float32 in double (Welford), so a variance above float's range
// still has a finite root. Computed in float64 (returned so: the caller rounds once, std after
// its root). A reduction to one element takes PyTorch's std_var_all_cpu instead: two passes, the
// mean in x's own dtype (x.mean(), which can overflow to inf in float32), then the squared
// deviations summed in double.
//
// Any other: PyTorch's WelfordOps through binary_kernel_reduce, each output's elements one by one
// in TensorIterator's order (a reduction of 32768 elements or more per output on several threads
// would combine chunks: not modelled). Its AVX2 kernel contracts m2 + delta * new_delta into a
// fused multiply-add, which the rounding of large or cancelling values shows.
namespace {
struct Welford {
  double mean = 0, m2 = 0;
  int64_t n = 0;
};
template <class T>
void welford_loop2d(const T* in, Welford* out, int64_t s0, int64_t s1, int64_t o0, int64_t o1, int64_t size0,
                    int64_t size1) {
  for (int64_t j = 0; j < size1; ++j)
    for (int64_t i = 0; i < size0; ++i) {
      Welford& w = out[i * o0 + j * o1];
      const double v = double(in[i * s0 + j * s1]);
      w.n += 1;
      const double delta = v - w.mean;
      w.mean = w.mean + delta / double(w.n);
      w.m2 = std::fma(delta, v - w.mean, w.m2);
    }
}
}  // namespace
//
// acc + p[0]^2 + p[step]^2 + ... one rounding after another (PyTorch's ReduceOps.cpp is built
// without FMA; GCC would contract here, the engine being built with -mfma).
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("fp-contract=off")))
#endif
static double add_squares(double acc, const double* p, int64_t cnt, int64_t step) {
  for (int64_t j = 0; j < cnt; ++j) {
    const double v = p[j * step];
    const double sq = v * v;  // (clang fuses only within one expression)
    acc += sq;
  }
  return acc;
}
static Tensor var_value(const Tensor& x, const ReduceDims& rd, const IntList& dims, double correction) {
  const bool all_cpu = rd.out_shape.numel() == 1 && rd.count > 0;
  if (!all_cpu) {
    const int64_t n_out = rd.out_shape.numel();
    std::vector<Welford> acc(static_cast<size_t>(std::max<int64_t>(n_out, 1)));
    if (rd.count > 0 && n_out > 0)
      TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
        kernels::tensor_iterator_reduce(x.data_ptr<T>(), x.shape().begin(), x.strides().begin(), rd.mask, x.dim(),
                                        acc.data(), n_out, Welford{}, welford_loop2d<T>);
      });
    std::vector<double> v(static_cast<size_t>(n_out));
    for (int64_t i = 0; i < n_out; ++i) {
      // PyTorch's project: m2 / (n - correction), the divisor 0 when n <= correction. No element
      // reduced: NaN whatever the correction (std_var_out's trivial reduction).
      const double nf = double(acc[size_t(i)].n);
      v[size_t(i)] = rd.count == 0 ? std::nan("") : acc[size_t(i)].m2 / (nf > correction ? nf - correction : 0.0);
    }
    return Tensor::from_data(v, rd.out_shape, DType::Float64);
  }
  // One output of at least one element: std_var_all_cpu. The mean in x's dtype, then
  const Tensor xd = x.dtype() == DType::Float32 ? to_dtype(x, DType::Float64) : x;
  Tensor d = sub(xd, to_dtype(mean(x, dims, true), xd.dtype()));
  const double denom = std::max(0.0, double(rd.count) - correction);
  // std_var_all_cpu sums dx * dx in one double, element after element in TensorIterator's order
  // of x (its memory order; one thread: parallel_reduce runs a single chunk)
  const Tensor dd = (d.dtype() == DType::Float64 ? d : to_dtype(d, DType::Float64)).contiguous();
  Shape shape = x.shape();
  Dims st[2] = {x.strides(), contiguous_strides(shape)};
  kernels::ti_layout(shape, st, 2);
  const double* p = dd.data_ptr<double>();
  const int64_t base[2] = {0, 0};
  double acc = 0.0;
  kernels::for_each_row<2>(shape, st, base, [&](int64_t cnt, const int64_t* off, const int64_t* step) {
    acc = add_squares(acc, p + off[1], cnt, step[1]);
  });
  return reshape(Tensor::scalar(acc / denom, DType::Float64), rd.out_shape.vec());
}
// Records var's or std's node: saves x (and std's result), and what var_backward needs.
static void record_var(const OpDef& row, const Tensor& x, Tensor& out, const ReduceDims& rd, const IntList& dims,
                       double correction, bool dim_none) {
  Node* n = record(row, {&x}, out);
  if (!n) return;
  Attrs& at = n->attrs();
  at.dims = rd.keep_shape, at.f0 = correction;
  // PyTorch's branch without dims (or of a 0-d input): N is every element; with dims, N is the
  // product of their sizes: 1 for an explicit empty list (which still reduces everything).
  at.b0 = (dim_none && dims.empty()) || x.dim() == 0;
  at.f1 = at.b0 || !dims.empty() ? double(rd.count) : 1.0;
  save(n, x);
  if (&row == &TL_ROW("std")) save_output(n, out);
}
// PyTorch's var_backward(g, x, dim, correction): without dims, inf * g when N == correction (g's
// own shape: 0-d, so an input of 1 element and more dims gets PyTorch's invalid-gradient error),
// else 2 / (N - correction) * g * (x - mean(x)); with dims, g gets the reduced dims back.
static Tensor var_backward(Node& n, const Tensor& g, const Tensor& x) {
  const Attrs& at = n.attrs();
  const double dof = at.f1 - at.f0;
  if (at.b0 && dof == 0) {
    return mul_number(g, INFINITY);  // PyTorch's g * inf (a number: MulBackward1)
  }
  IntList dims;
  for (int i = 0; i < at.dims.size(); ++i)
    if (at.dims[i] == 1) dims.push_back(i);  // a size-1 dim of x reduced or not: the same mean
  Tensor gk = at.b0 ? g : reshape(g, at.dims.vec());
  return mul(mul(Tensor::scalar(2.0 / dof, g.dtype()), gk), sub(x, mean(x, at.b0 ? IntList{} : dims, true)));
}
static void var_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = var_backward(n, g, n.saved_tensor(0)); }
// PyTorch's std_backward: var_backward of g / (2 std), taken as 0 where std = 0.
static void std_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0), out = n.saved_tensor(1);
  Tensor zero = Tensor::scalar(0, out.dtype());
  Tensor d = div(g, mul(out, Tensor::scalar(2, out.dtype())));
  check_not_efficient_zero(d);  // PyTorch masked_fill_s d in place: refused for sgn's efficient zero g
  Tensor gv = where(eq(out, zero), zero, d);
  gi[0] = var_backward(n, gv, x);
}
Tensor var(const Tensor& x, const IntList& dims, double correction, bool keepdim, bool dim_none) {
  TL_CHECK(x.is_floating_point(), "std and var only support floating point and complex dtypes");
  ReduceDims rd = reduce_dims("var", x, dims, keepdim);
  Tensor out;
  {
    NoGradGuard ng;
    out = to_dtype(var_value(x, rd, dims, correction), x.dtype());
  }
  record_var(TL_ROW("var"), x, out, rd, dims, correction, dim_none);
  return out;
}
Tensor stddev(const Tensor& x, const IntList& dims, double correction, bool keepdim, bool dim_none) {
  // PyTorch checks the dtype before the dims.
  TL_CHECK(x.is_floating_point(), "std and var only support floating point and complex dtypes");
  ReduceDims rd = reduce_dims("std", x, dims, keepdim);
  Tensor out;
  {
    NoGradGuard ng;
    out = to_dtype(sqrt(var_value(x, rd, dims, correction)), x.dtype());
  }
  record_var(TL_ROW("std"), x, out, rd, dims, correction, dim_none);
  return out;
}

// ---- prod ----  d/dx_i prod(x) = prod_{j != i} x_j  (= out / x_i when no x_j is zero)
static void prod_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0), out = n.saved_tensor(1);
  // prod(x, dtype=): PyTorch's formula takes self.to(grad.scalar_type()) (a ToCopyBackward0 under
  // create_graph); its gradient is cast back to x's dtype by the engine, so a second gradient
  // reaching x through that copy is summed with it in x's dtype (difffuzz 1406#5673).
  if (x.dtype() != g.dtype() && is_floating(x.dtype()) && is_floating(g.dtype())) x = to_dtype(x, g.dtype());
  if (x.dim() == 0) {  // PyTorch's prod_backward: the grad itself (out / x would be NaN at 0, inf, NaN)
    gi[0] = g;
    return;
  }
  Shape keep = n.attrs().dims;
  Tensor ge_ = expand(reshape(g, keep.vec()), x.shape().vec());
  const double zeros = sum(eq(x, Tensor::scalar(0, x.dtype()))).item();
  if (zeros == 0) {  // grad * (result / input), broadcast (prod.dim: both unsqueezed at dim unless keepdim)
    const int64_t d = n.attrs().i0;
    const bool unsq = d >= 0 && g.dim() < x.dim();
    gi[0] = mul(unsq ? unsqueeze(g, d) : g, div(unsq ? unsqueeze(out, d) : out, x));
    return;
  }
  // prod() of everything with two zeros or more: PyTorch's gradient is zeros outright (even where
  // another element is NaN or inf), also under create_graph (then a constant: no grad_fn).
  if (n.attrs().i0 < 0 && zeros > 1) {
    gi[0] = zeros_like(x);
    return;
  }
  // With zeros over a reduced length of 1, PyTorch's prod_safe_zeros_backward returns the grad
  // itself (unsqueezed back; prod(): viewed as x): under create_graph it has g's history only.
  const int64_t d = n.attrs().i0;
  if ((d < 0 ? x.numel() : x.shape()[int(d)]) == 1) {
    gi[0] = d < 0 ? view(g, x.shape().vec()) : g.dim() < x.dim() ? unsqueeze(g, d) : g;
    return;
  }
  // With zeros, PyTorch's prod_safe_zeros_backward: the product of the elements before each one
  // times the product of those after it, each a cumprod (accumulated in double, stored in x's
  // dtype), multiplied in x's dtype (so inf * 0 = NaN where a partial product overflows). Computed
  // directly here (not differentiable twice).
  Tensor xc = contiguous(x.detach());
  Tensor excl = Tensor::empty(x.shape(), x.dtype());
  int64_t dim = n.attrs().i0;  // -1: all elements
  TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
    const T* px = xc.data_ptr<T>();
    T* pe = excl.data_ptr<T>();
    const int64_t N = x.numel();
    const bool all = dim < 0 || x.dim() == 0;  // a 0-d input reduced over dim 0 is its one element
    const int64_t len = all ? N : x.shape()[int(dim)];
    const int64_t stride = all ? 1 : contiguous_strides(x.shape())[int(dim)];
    if (len == 0) return;
    for (int64_t i = 0; i < N; ++i) {
      if ((i / stride) % len != 0) continue;  // i starts a row along dim
      double before = 1, after = 1;
      for (int64_t k = 0; k < len; ++k) pe[i + k * stride] = T(before), before *= double(px[i + k * stride]);
      for (int64_t k = len - 1; k >= 0; --k) {
        const int64_t j = i + k * stride;
        pe[j] = T(pe[j] * T(after));
        after *= double(px[j]);
      }
    }
  });
  // Under create_graph PyTorch's result depends on x (grad * (exclusive products); prod() of
  // everything: of the flattened input, then view_as, ViewBackward0). Here the products are
  // computed directly: linked to x with a zero gradient, so the result requires grad as PyTorch's
  // but is not differentiated twice.
  if (!grad_enabled() || !x.requires_grad()) {
    gi[0] = mul(ge_, excl);
    return;
  }
  excl = autograd::piecewise_constant(excl, {x}, "MulBackward0");
  if (n.attrs().i0 >= 0) {
    gi[0] = mul(ge_, excl);
    return;
  }
  const int64_t N = x.numel();
  gi[0] = view(mul(reshape(ge_, {N}), reshape(excl, {N})), x.shape().vec());
}
Tensor prod(const Tensor& x, std::optional<int64_t> dim, bool keepdim, std::optional<DType> dtype) {
  if (dtype && *dtype != x.dtype() && !(is_floating(*dtype) && is_floating(x.dtype())))
    return prod(to_dtype(x, *dtype), dim, keepdim);
  IntList dims;
  if (dim) dims.push_back(*dim);
  ReduceDims rd = reduce_dims("prod", x, dims, dim ? keepdim : false);
  Tensor xd = x;
  if (dtype && *dtype != x.dtype()) {
    NoGradGuard ng;
    xd = to_dtype(x, *dtype);
  }
  Tensor out = reduce_kernel(Red::Prod, xd, rd);
  if (Node* n = record(dim ? TL_ROW("prod.dim") : TL_ROW("prod"), {&x}, out)) {
    n->attrs().dims = rd.keep_shape;
    n->attrs().i0 = dim ? wrap_dim("prod", *dim, x.dim()) : -1;
    save(n, x), save_output(n, out);
  }
  return out;
}

// ---- amax / amin (and max()/min() over everything) ----
// d/dx amax(x) = 1/k at each of the k elements equal to the max (ties share evenly), else 0
static void amax_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0), out = n.saved_tensor(1);
  Shape keep = n.attrs().dims;
  // max()/min() over everything (PyTorch's evenly_distribute_backward): a NaN result sends the
  // gradient to the NaN elements (x == NaN would select none: 0 / 0), and it is filled in (zeros
  // elsewhere even for a NaN or inf gradient) rather than multiplied by the mask.
  const bool all = n.attrs().i0 == 1;
  const bool nan_all = all && std::isnan(out.item());
  Tensor sel = nan_all ? ne(x, x) : eq(x, reshape(out, keep.vec()));
  Tensor mask = to_dtype(sel, g.dtype());
  Tensor count = sum(mask, n.attrs().shape.vec(), true);
  if (all) {
    gi[0] = where(sel, div(reshape(g, keep.vec()), count), Tensor::scalar(0, g.dtype()));
    label_node(gi[0], TL_ROW("masked_fill.Tensor"), {&g, &x});  // as max_all_bw's
    return;
  }
  // PyTorch 1.13's scale_grad_by_count: (g / count) * mask (a MulBackward0 under create_graph)
  gi[0] = mul(div(reshape(g, keep.vec()), count), mask);
  // A 0-d x reduced over dim 0 without keepdim: PyTorch's restore_reduced_dims gives the gradient
  // shape (1,), which its engine sums to () (a SumBackward0 under create_graph).
  if (n.attrs().i0 == 2) gi[0] = sum(gi[0]);
}
// max() / min() over everything (PyTorch's evenly_distribute_backward): as amax's, except that a
// NaN result shares the gradient among the NaN elements (amax's x == result mask selects none),
// and the other elements are filled with 0 (not multiplied: 0 even for a NaN or inf gradient).
void max_all_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0), out = n.saved_tensor(1);
  Tensor sel = std::isnan(out.item()) ? ne(x, x) : eq(x, out);
  Tensor count = sum(to_dtype(sel, g.dtype()));
  gi[0] = where(sel, div(g, count), Tensor::scalar(0, g.dtype()));
  label_node(gi[0], TL_ROW("masked_fill.Tensor"), {&g, &x});  // PyTorch: zeros.masked_fill_(sel, g / count)
}
static Tensor amax_impl(const OpDef& row, Red op, const Tensor& x, const IntList& dims, bool keepdim) {
  const char* name = row.name.c_str();
  // PyTorch's zero_numel_check_dims, before the duplicate-dim check: each listed dim in order must
  // be in range and non-empty (IndexError).
  if (x.numel() == 0) {
    TL_CHECK(!dims.empty(), name, "(): Expected reduction dim to be specified for input.numel() == 0. Specify the "
             "reduction dim with the 'dim' argument.");
    for (int64_t d : dims)
      TL_CHECK(x.shape()[wrap_dim(name, d, x.dim())] != 0, "IndexError: ", name, "(): Expected reduction dim ", d,
               " to have non-zero size.");
  }
  ReduceDims rd = reduce_dims(name, x, dims, keepdim);
  Tensor out = reduce_kernel(op, x, rd);
  // max()/min() of every element: PyTorch's reduce_all keeps the later of two equal values
  // (max_impl(acc, x) = acc > x ? acc : x), so a zero result has the sign of the last zero.
  if ((row.name == "max" || row.name == "min") && x.is_floating_point() && x.numel() > 0 && out.item() == 0) {
    const std::vector<double> v = x.to_vector();
    for (size_t i = v.size(); i-- > 0;)
      if (v[i] == 0) {
        out = Tensor::scalar(v[i], x.dtype());
        break;
      }
  }
  if (Node* n = record(row, {&x}, out)) {
    n->attrs().dims = rd.keep_shape;
    n->attrs().i0 = row.name == "max" || row.name == "min" ? 1  // max()/min(): see amax_bw
                    : x.dim() == 0 && !dims.empty() && !keepdim ? 2 : 0;
    Shape red;  // the reduced dims, for counting ties
    for (int i = 0; i < x.dim(); ++i)
      if (rd.mask[i]) red.push_back(i);
    n->attrs().shape = red;
    save(n, x), save_output(n, out);
  }
  return out;
}
Tensor amax(const Tensor& x, const IntList& dims, bool keepdim) { return amax_impl(TL_ROW("amax"), Red::Max, x, dims, keepdim); }
Tensor amin(const Tensor& x, const IntList& dims, bool keepdim) { return amax_impl(TL_ROW("amin"), Red::Min, x, dims, keepdim); }
Tensor max(const Tensor& x) { return amax_impl(TL_ROW("max"), Red::Max, x, {}, false); }
Tensor min(const Tensor& x) { return amax_impl(TL_ROW("min"), Red::Min, x, {}, false); }

// ---- max/min over one dim: (values, indices) ----
// d/dx = the gradient scattered to the index that was selected
static void max_dim_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor idx = n.saved_tensor(0);
  Shape keep = n.attrs().dims;
  // PyTorch's value_selecting_reduction_backward: zeros.scatter(dim, indices, g) (ScatterBackward0)
  gi[0] = scatter(zeros(n.attrs().shape, g.dtype()), n.attrs().i0, reshape(idx, keep.vec()), reshape(g, keep.vec()), false);
}
static std::pair<Tensor, Tensor> max_dim_impl(const char* name, bool is_max, const Tensor& x, int64_t dim, bool keepdim) {
  int d = wrap_dim(name, dim, x.dim());
  ReduceDims rd = reduce_dims(name, x, {dim}, keepdim);
  TL_CHECK(x.dim() == 0 || x.shape()[d] > 0, "IndexError: ", name, "(): Expected reduction dim ", d, " to have non-zero size.");
  Tensor idx = reduce_kernel(is_max ? Red::ArgMax : Red::ArgMin, x, rd);
  Tensor vals = reduce_kernel(is_max ? Red::Max : Red::Min, x, rd);
  resized_from(vals, rd.keep_shape), resized_from(idx, rd.keep_shape);  // PyTorch's keepdim result, squeeze_()d
  if (Node* n = record(is_max ? TL_ROW("max.dim") : TL_ROW("min.dim"), {&x}, vals)) {
    n->attrs().dims = rd.keep_shape, n->attrs().shape = x.shape(), n->attrs().i0 = d;
    save(n, idx);
  }
  return {vals, idx};
}
std::pair<Tensor, Tensor> max(const Tensor& x, int64_t dim, bool keepdim) { return max_dim_impl("max", true, x, dim, keepdim); }
std::pair<Tensor, Tensor> min(const Tensor& x, int64_t dim, bool keepdim) { return max_dim_impl("min", false, x, dim, keepdim); }

// argmax/argmin(x, dim): PyTorch fills the result with 0 without the kernel (nor its dtype
// dispatch) when sizes[dim] is 1. A 0-d x's sizes[0] is read past its rank: the sizes[0] left
// behind when x was made 0-d in place (TensorImpl::size0_left; squeeze_() of a (1,) tensor: 1).
static bool arg_reduced_dim_is_one(const Tensor& x, int d) {
  return (x.dim() > 0 ? x.size(d) : x.impl()->size0_left) == 1;
}

Tensor argmax(const Tensor& x, std::optional<int64_t> dim, bool keepdim) {
  // PyTorch: the empty-input checks first; the kernel's dtype dispatch only for a non-empty result.
  if (!dim) {
    TL_CHECK(x.numel() > 0, "IndexError: argmax(): Expected reduction dim to be specified for input.numel() == 0.");
    TL_CHECK(x.dtype() != DType::Bool, "\"argmax_cpu\" not implemented for 'Bool'");
    Tensor r = reduce_kernel(Red::ArgMax, contiguous(x), reduce_dims("argmax", x, {}, false));
    return keepdim ? reshape(r, IntList(size_t(x.dim()), 1)) : r;  // keepdim without dim: all dims kept as 1
  }
  const int d = wrap_dim("argmax", *dim, x.dim());
  TL_CHECK(x.dim() == 0 || x.size(d) > 0, "IndexError: argmax(): Expected reduction dim ", d, " to have non-zero size.");
  // (a reduced dim of size 1 is filled with 0 without the kernel)
  TL_CHECK(x.dtype() != DType::Bool || x.numel() == 0 || arg_reduced_dim_is_one(x, d), "\"argmax_cpu\" not implemented for 'Bool'");
  return reduce_kernel(Red::ArgMax, x, reduce_dims("argmax", x, {*dim}, keepdim));
}
Tensor argmin(const Tensor& x, std::optional<int64_t> dim, bool keepdim) {
  // PyTorch: the empty-input checks first; the kernel's dtype dispatch only for a non-empty result.
  if (!dim) {
    TL_CHECK(x.numel() > 0, "IndexError: argmin(): Expected reduction dim to be specified for input.numel() == 0.");
    TL_CHECK(x.dtype() != DType::Bool, "\"argmin_cpu\" not implemented for 'Bool'");
    Tensor r = reduce_kernel(Red::ArgMin, contiguous(x), reduce_dims("argmin", x, {}, false));
    return keepdim ? reshape(r, IntList(size_t(x.dim()), 1)) : r;  // keepdim without dim: all dims kept as 1
  }
  const int d = wrap_dim("argmin", *dim, x.dim());
  TL_CHECK(x.dim() == 0 || x.size(d) > 0, "IndexError: argmin(): Expected reduction dim ", d, " to have non-zero size.");
  // (a reduced dim of size 1 is filled with 0 without the kernel)
  TL_CHECK(x.dtype() != DType::Bool || x.numel() == 0 || arg_reduced_dim_is_one(x, d), "\"argmin_cpu\" not implemented for 'Bool'");
  return reduce_kernel(Red::ArgMin, x, reduce_dims("argmin", x, {*dim}, keepdim));
}

// ---- logsumexp ----  m + log(sum(exp(x - m))), stable for large |x|
// d/dx logsumexp(x) = exp(x - out) = softmax(x)
static void logsumexp_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0), out = n.saved_tensor(1);
  Shape keep = n.attrs().dims;
  gi[0] = mul(expand(reshape(g, keep.vec()), x.shape().vec()), exp(sub(x, reshape(out, keep.vec()))));
}
Tensor logsumexp(const Tensor& x, const IntList& dims, bool keepdim) {
  if (!x.is_floating_point()) return logsumexp(to_dtype(x, default_float_dtype()), dims, keepdim);  // as PyTorch
  ReduceDims rd = reduce_dims("logsumexp", x, dims, keepdim);
  Tensor out;
  {
    NoGradGuard ng;
    Tensor m = reduce_kernel(Red::Max, x, reduce_dims("logsumexp", x, dims, true));
    // Where the max is infinite, shift by 0 instead (as PyTorch) so inf - inf is not NaN.
    Tensor ms = where(eq(abs(m), Tensor::scalar(INFINITY, m.dtype())), zeros(Shape{}, m.dtype()), m);
    Tensor s = log(sum(exp(sub(x, ms)), dims, true));
    out = reshape(add(s, ms), rd.out_shape.vec());
  }
  if (Node* n = record(TL_ROW("logsumexp"), {&x}, out)) {
    n->attrs().dims = rd.keep_shape;
    save(n, x), save_output(n, out);
  }
  return out;
}

// Reduces a broadcast gradient back to `shape`: sums leading dims and dims that were 1.
Tensor sum_to(const Tensor& g, const Shape& shape) {
  if (g.shape() == shape) return g;
  if (shape.n == 0) return sum(g);  // PyTorch's sum_to: a full sum() for a 0-d target (SumBackward0)
  const int lead = g.dim() - shape.n;
  TL_CHECK(lead >= 0, "sum_to: cannot reduce shape ", shape_str(g.shape()), " to ", shape_str(shape));
  IntList dims;
  for (int i = 0; i < g.dim(); ++i) {
    if (i < lead) {
      dims.push_back(i);
      continue;
    }
    int64_t want = shape[i - lead];
    if (want == 1 && g.shape()[i] != 1) dims.push_back(i);
    else
      TL_CHECK(want == g.shape()[i], "sum_to: cannot reduce shape ", shape_str(g.shape()), " to ", shape_str(shape));
  }
  Tensor r = dims.empty() ? g : sum(g, dims, true);
  if (!dims.empty()) label_node(r, TL_ROW("sum.dim"), {&g});  // PyTorch's sum(dims, keepdim): SumBackward1
  return r.shape() == shape ? r : reshape(r, shape.vec());
}

}  // namespace tl

// ---- op table rows ----
#include "engine/ops/op_table.h"
namespace tl {
// sum/prod with an integer dtype= give exactly that dtype (without it, integers give int64).
// PyTorch 1.13 records the node on the input, so an integral or bool dtype= of an input that
// requires grad fails set_history's assert once the result is computed (a PyTorch bug, which
// tensorlens reproduces: the script's later lines see no result, as in PyTorch).
void check_dtype_differentiable(const Tensor& x, std::optional<DType> d) {
  TL_CHECK(!d || is_floating(*d) || !grad_enabled() || !x.requires_grad(),
           "isDifferentiableType(variable.scalar_type()) INTERNAL ASSERT FAILED at "
           "\"./torch/csrc/autograd/functions/utils.h\":75, please report a bug to PyTorch. ");
}
static Tensor out_dtype(const Tensor& r, const Args& a, size_t k) {
  const std::optional<DType> d = a.dtype(k);
  check_dtype_differentiable(a.t(0), d);
  return d && r.dtype() != *d ? to_dtype(r, *d) : r;
}
static Tensor with_dtype(const Tensor& x, const Args& a, size_t k) {
  auto d = a.dtype(k);
  return d ? to_dtype(x, *d) : x;
}
void register_reduce_ops(std::vector<OpDef>& t) {
  const unsigned TM = kTorch | kMethod;
  t.push_back({"sum(Tensor input, *, DType? dtype=None) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(out_dtype(sum(with_dtype(a.t(0), a, 1)), a, 1)); }, sum_bw,
               "grad = g broadcast back over the reduced dims"});
  t.push_back({"sum.dim(Tensor input, int[] dim, bool keepdim=False, *, DType? dtype=None) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(out_dtype(sum(with_dtype(a.t(0), a, 3), a.ints(1), a.b(2)), a, 3)); }});
  // (sum.dim's node is sum's, named SumBackward1 by this row)
  // nansum: sum with NaNs counted as 0 (grad 0 there, through where's), one NansumBackward0 node;
  // dim=None or [] reduces every dim, as sum.dim.
  t.push_back({"nansum(Tensor input, int[]? dim=None, bool keepdim=False, *, DType? dtype=None) -> Tensor", TM,
               [](const Args& a) {
                 // An integral input is summed; a floating one goes to the float-only nansum kernel
                 // in dtype (PyTorch's), which an empty input never reaches (its result is 0).
                 const std::optional<DType> d = a.dtype(3);
                 for (int64_t k : a.ints(1)) wrap_dim("nansum", k, a.t(0).dim());  // PyTorch checks dims first
                 TL_CHECK(!a.t(0).is_floating_point() || !d || is_floating(*d) || a.t(0).numel() == 0,
                          "\"nansum_cpu\" not implemented for '",
                          dtype_kernel_name(*d), "'");
                 Tensor r;
                 {
                   NoGradGuard ng;
                   Tensor x = with_dtype(a.t(0), a, 3);
                   if (x.is_floating_point()) x = where(ne(x, x), Tensor::scalar(0, x.dtype()), x);
                   r = out_dtype(sum(x, a.ints(1), a.b(2)), a, 3);
                 }
                 if (Node* n = record(TL_ROW("nansum"), {&a.t(0)}, r)) {
                   save(n, a.t(0));
                   n->attrs().dims = reduce_dims("nansum", a.t(0), a.ints(1), a.b(2)).keep_shape;
                 }
                 return Value::tensor(r);
               }, nansum_bw, "grad = g broadcast back over the reduced dims, 0 at NaNs"});
  t.push_back({"mean(Tensor input, *, DType? dtype=None) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(mean(with_dtype(a.t(0), a, 1))); }, mean_bw, "grad = g.expand(x.shape) / N"});
  t.push_back({"mean.dim(Tensor input, int[] dim, bool keepdim=False, *, DType? dtype=None) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(mean(with_dtype(a.t(0), a, 3), a.ints(1), a.b(2))); }, mean_bw,
               "grad = g.expand(x.shape) / N (N: the reduced elements)"});
  for (const char* nm : {"var", "std"}) {
    bool is_var = nm[0] == 'v';
    auto fn = is_var ? &var : &stddev;
    BackwardFn bw = is_var ? BackwardFn(var_bw) : BackwardFn(std_bw);
    const char* der = is_var ? "grad = 2 g (x - mean) / (N - correction); inf g when N = correction"
                             : "grad = g (x - mean) / ((N - correction) std), 0 where std = 0";
    t.push_back({std::string(nm) + "(Tensor input, bool unbiased=True) -> Tensor", TM,
                 [fn](const Args& a) { return Value::tensor(fn(a.t(0), {}, a.b(1) ? 1 : 0, false, true)); }, bw, der});
    // The overloads below record the node of the row above (std's backward).
    t.push_back({std::string(nm) + ".dim(Tensor input, int[]? dim, bool unbiased=True, bool keepdim=False) -> Tensor", TM,
                 [fn](const Args& a) { return Value::tensor(fn(a.t(0), a.ints(1), a.b(2) ? 1 : 0, a.b(3), a.is_none(1))); }});
    t.push_back({std::string(nm) + ".correction(Tensor input, int[]? dim, *, int? correction=None, bool keepdim=False) -> Tensor", TM,
                 [fn](const Args& a) {
                   return Value::tensor(fn(a.t(0), a.ints(1), double(a.opt_i(2).value_or(1)), a.b(3), a.is_none(1)));
                 }});
  }
  t.push_back({"prod(Tensor input, *, DType? dtype=None) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(out_dtype(prod(a.t(0), std::nullopt, false, a.dtype(1)), a, 1)); }, prod_bw,
               "grad_i = g * prod of the others"});
  t.push_back({"prod.dim(Tensor input, int dim, bool keepdim=False, *, DType? dtype=None) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(out_dtype(prod(a.t(0), a.i(1), a.b(2), a.dtype(3)), a, 3)); }, prod_bw,
               "grad_i = g * prod of the others"});
  for (const char* nm : {"max", "min"}) {
    bool is_max = nm[1] == 'a';
    t.push_back({std::string(nm) + "(Tensor input) -> Tensor", TM,
                 [is_max](const Args& a) { return Value::tensor(is_max ? max(a.t(0)) : min(a.t(0))); }, max_all_bw,
                 "grad shared evenly by the elements equal to the result (the NaNs for a NaN result)"});
    t.push_back({std::string(nm) + ".dim(Tensor input, int dim, bool keepdim=False) -> (Tensor, Tensor(nograd))", TM,
                 [is_max](const Args& a) {
                   auto r = is_max ? max(a.t(0), a.i(1), a.b(2)) : min(a.t(0), a.i(1), a.b(2));
                   Value v = Value::tuple({Value::tensor(r.first), Value::tensor(r.second)});
                   v.s = is_max ? "torch.return_types.max" : "torch.return_types.min";
                   return v;
                 }, max_dim_bw, "grad scattered to the selected index"});
    t.push_back({std::string(nm) + ".other(Tensor input, Tensor other) -> Tensor", TM,
                 [is_max](const Args& a) { return Value::tensor(is_max ? maximum(a.t(0), a.t(1)) : minimum(a.t(0), a.t(1))); },
                 nullptr, "composite: maximum / minimum"});
    t.push_back({std::string(is_max ? "amax" : "amin") + "(Tensor input, int[] dim=[], bool keepdim=False) -> Tensor", TM,
                 [is_max](const Args& a) {
                   return Value::tensor(is_max ? amax(a.t(0), a.ints(1), a.b(2)) : amin(a.t(0), a.ints(1), a.b(2)));
                 }, amax_bw, "grad shared evenly by the elements equal to the result"});
    t.push_back({std::string(is_max ? "argmax" : "argmin") + "(Tensor input, int? dim=None, bool keepdim=False) -> Tensor(nograd)", TM,
                 [is_max](const Args& a) {
                   return Value::tensor(is_max ? argmax(a.t(0), a.opt_i(1), a.b(2)) : argmin(a.t(0), a.opt_i(1), a.b(2)));
                 }});
  }
  t.push_back({"logsumexp(Tensor input, int[] dim, bool keepdim=False) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(logsumexp(a.t(0), a.ints(1), a.b(2))); }, logsumexp_bw,
               "grad = g * exp(x - y)"});
}
}  // namespace tl
