// More elementwise ops the tutorials use: rounding, more transcendental functions, fmod /
// remainder, clamp with tensor bounds, lerp, addcmul / addcdiv, logical and/or/xor, isclose, and
// the in-place variants (x.exp_(), torch.sin_(x), x.clamp_(...)). Forward and backward side by
// side; backward formulas use differentiable ops (higher-order gradients work).
#include <cmath>
#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>

#include "engine/autograd/engine.h"
#include "engine/autograd/node.h"
#include "engine/kernels/elementwise.h"
#include "engine/kernels/sleef_math.h"
#include "engine/ops/act_kernel.h"
#include "engine/ops/op_table.h"
#include "engine/ops/ops.h"

namespace tl {

void sleef_trig_apply(const Tensor& x, Tensor& out, float (*f)(float, bool));  // elementwise.cpp

// PyTorch's result_type over tensors: the dimensioned ones promote together; the 0-d ones decide
// only when of a higher category (bool < int < float).
DType result_type_of(std::initializer_list<const Tensor*> ts) {
  std::optional<DType> dim, zero;
  for (const Tensor* t : ts) {
    std::optional<DType>& r = t->dim() ? dim : zero;
    r = r ? promote(*r, t->dtype()) : t->dtype();
  }
  if (!dim) return *zero;
  if (zero && dtype_category(*zero) > dtype_category(*dim)) return promote(*dim, *zero);
  return *dim;
}

namespace {

void check_overlap(bool bad) {
  TL_CHECK(!bad, "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single "
           "memory location. Please clone() the tensor before performing the operation.");
}

// out = f(x) elementwise in x's floating dtype (an integer x is promoted to the default float).
template <class F>
Tensor map_float(const Tensor& x0, F f) {
  TL_CHECK(x0.defined(), "elementwise op on an undefined tensor");
  Tensor x = x0.is_floating_point() ? x0 : to_dtype(x0, default_float_dtype());
  Tensor out = Tensor::empty(x.shape(), x.dtype());
  TL_DISPATCH_FLOAT(x.dtype(), T, [&] { kernels::unary_loop<T, T>(x, out, [&](T v) { return T(f(v)); }); });
  return ti_layout_hint(out, {&x0});
}

Tensor scalar_like(const Tensor& g, double v) { return Tensor::scalar(v, g.dtype()); }

void zero_bw(Node&, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = zeros_like(g); }

enum class Round { Floor, Ceil, Round, Trunc };
// floor/ceil/round/trunc: an integer tensor is returned unchanged (a copy); the derivative is 0.
Tensor rounding(Round r, const char* op, const Tensor& x, int64_t decimals = 0) {
  TL_CHECK(x.dtype() != DType::Bool, "\"", op, r == Round::Round ? "_cpu" : "_vml_cpu", "\" not implemented for 'Bool'");
  Tensor out;
  if (!x.is_floating_point()) {
    NoGradGuard ng;  // an integer x that requires grad (x[m] = v on it) still gets the op's node
    out = clone(x);
  } else switch (r) {
    case Round::Floor: out = map_float(x, [](auto v) { return std::floor(v); }); break;
    case Round::Ceil: out = map_float(x, [](auto v) { return std::ceil(v); }); break;
    case Round::Trunc: out = map_float(x, [](auto v) { return std::trunc(v); }); break;
    case Round::Round:
      if (decimals == 0) {
        out = map_float(x, [](auto v) { return std::nearbyint(v); });  // half to even, as PyTorch
      } else {
        // PyTorch: nearbyint(x * 10^d) / 10^d (negative d: * 10^-d after dividing).
        const double ten = std::pow(10.0, double(std::abs(decimals)));
        const bool neg = decimals < 0;
        out = map_float(x, [ten, neg](auto v) {
          using T = decltype(v);
          const T s = T(ten);
          return neg ? T(std::nearbyint(v / s) * s) : T(std::nearbyint(v * s) / s);
        });
      }
      break;
  }
  if (any_requires_grad({&x})) record(op_row(op), {&x}, out);
  return out;
}

// ---- unary primitives whose derivative is written with the saved input x or output y ----
// float32 through the ports of SLEEF's u10 functions that PyTorch 1.13's vml kernels call
// (sleef_f32 below; glibc's expm1f, log10f, asinf, ... are an ulp off on ~5-10% of inputs).
// asinh, acosh and atanh keep the float functions, which PyTorch's scalar kernels call.
using kernels::in_double;
// float32 through SLEEF's u10 function (kernels/sleef_math.h): PyTorch 1.13's vml kernels for log,
// exp, asin, acos, atan, expm1, log2, log10 and log1p run every element through it. Other types through f.
template <class T, class F>
T sleef_f32(T v, float (*sleef)(float), F f) {
  if constexpr (std::is_same<T, float>::value) return sleef(v);
  else return f(v);
}
// log1p as PyTorch's kernels compute it (SLEEF's log1p, also on the scalar path): the ports of
// Sleef_log1pf8_u10 and Sleef_log1pd4_u10 (float64: inf above 1e307, where the exact value is still
// finite; a subnormal v loses its last bit).
template <class T>
T log1p_sleef(T v) {
  if constexpr (std::is_same<T, float>::value) return kernels::sleef_log1pf(v);
  else return kernels::sleef_log1p(double(v));
}
void log1p_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // d/dx log(1 + x) = 1 / (1 + x)
  Tensor x = n.saved_tensor(0);
  gi[0] = div(g, add(x, scalar_like(x, 1)));
}
void expm1_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // d/dx (e^x - 1) = y + 1
  Tensor y = n.saved_tensor(0);
  gi[0] = mul(g, add(y, scalar_like(y, 1)));
}
void log2_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // 1 / (x ln 2)
  Tensor x = n.saved_tensor(0);
  gi[0] = div(g, mul_number(x, std::log(2.0)));  // PyTorch: grad / (self * 0.6931471805599453)
}
void log10_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // 1 / (x ln 10)
  Tensor x = n.saved_tensor(0);
  gi[0] = div(g, mul_number(x, std::log(10.0)));  // PyTorch: grad / (self * 2.3025850929940456)
}
void tan_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // 1 + y^2
  Tensor y = n.saved_tensor(0);
  gi[0] = mul(g, add(mul(y, y), scalar_like(y, 1)));
}
Tensor cosh_t(const Tensor& x);
Tensor sinh_t(const Tensor& x);
Tensor rsqrt_t(const Tensor& x);
void sinh_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = mul(g, cosh_t(n.saved_tensor(0))); }
void cosh_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = mul(g, sinh_t(n.saved_tensor(0))); }
// asin/acos/asinh/acosh: PyTorch 1.13's formulas multiply g by an rsqrt (the returned gradient
// is a MulBackward0 under create_graph); 1 - x^2 is computed as -x * x + 1 there (same bits).
// asinh and atanh square x with self.pow(2) (PowBackward0 in the second derivative), acosh with
// self * self (its real case).
void erfc_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // -2/sqrt(pi) exp(-x^2)
  Tensor x = n.saved_tensor(0);
  // PyTorch: -2.0 / sqrt(M_PI) * exp(-(self.pow(2))) * grad
  gi[0] = mul(mul(exp(neg(pow(x, 2.0))), scalar_like(x, -2.0 / std::sqrt(M_PI))), g);
}
void asin_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // 1 / sqrt(1 - x^2)
  Tensor x = n.saved_tensor(0);
  gi[0] = mul(g, rsqrt_t(sub(scalar_like(x, 1), mul(x, x))));
}
void acos_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // -1 / sqrt(1 - x^2)
  Tensor x = n.saved_tensor(0);
  gi[0] = mul(g, neg(rsqrt_t(sub(scalar_like(x, 1), mul(x, x)))));
}
void atan_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // 1 / (1 + x^2)
  Tensor x = n.saved_tensor(0);
  gi[0] = div(g, add(mul(x, x), scalar_like(x, 1)));
}
void asinh_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // 1 / sqrt(x^2 + 1)
  Tensor x = n.saved_tensor(0);
  gi[0] = mul(g, rsqrt_t(add(pow(x, 2.0), scalar_like(x, 1))));
}
void acosh_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // 1 / sqrt(x^2 - 1)
  Tensor x = n.saved_tensor(0);
  gi[0] = mul(g, rsqrt_t(sub(mul(x, x), scalar_like(x, 1))));
}
void atanh_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // 1 / (1 - x^2)
  Tensor x = n.saved_tensor(0);
  gi[0] = div(g, sub(scalar_like(x, 1), pow(x, 2.0)));
}
void rsqrt_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // -y^3 / 2
  Tensor y = n.saved_tensor(0);
  gi[0] = mul(g, mul(mul(y, mul(y, y)), scalar_like(y, -0.5)));
}
void reciprocal_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // -y^2
  Tensor y = n.saved_tensor(0);
  gi[0] = mul(neg(g), mul(y, y));  // PyTorch: -grad * y^2 (its neg materializes sgn's efficient zero: -0.0)
}
void frac_bw(Node&, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = g; }  // d/dx (x - trunc x) = 1

template <class F>
Tensor unary_prim(const OpDef& row, bool save_out, const Tensor& x, F f) {
  Tensor out = map_float(x, f);
  if (Node* n = record(row, {&x}, out)) {
    if (save_out) save_output(n, out);
    else save(n, x);
  }
  return out;
}

// sinh / cosh: PyTorch 1.13's vector code (the elements kernels::simd_row_length selects) is
// SLEEF's sinhf / coshf (u10, kernels/sleef_math.h) in float32, and computes e^|x| first in float64,
// which overflows above log(max) while the result stays finite up to log(2 max): +-inf there. The
// scalar tail calls std::sinh / std::cosh (glibc's sinhf / coshf in float32). An integer or bool
// input is cast to the result's dtype first (TensorIterator), so it takes the same paths.
static Tensor sinh_cosh_simd(Tensor out, const Tensor& x, float (*sleef)(float)) {
  if (!out.is_floating_point()) return out;
  const int64_t es = int64_t(dtype_size(out.dtype()));
  const int64_t n = kernels::simd_row_length(out.shape(), {x.strides()}, es), lim = n - n % (64 / es);
  if (n == 0) return out;
  const Tensor xc = (x.dtype() == out.dtype() ? x : to_dtype(x, out.dtype())).contiguous();
  TL_DISPATCH_FLOAT(out.dtype(), T, [&] {
    T* p = out.data_ptr<T>();
    const T* px = xc.data_ptr<T>();
    [[maybe_unused]] const T top = std::sinh(std::log(std::numeric_limits<T>::max()));
    for (int64_t i = 0; i < out.numel(); ++i) {
      if (i % n >= lim) continue;
      if constexpr (std::is_same<T, float>::value) p[i] = sleef(px[i]);
      else if (std::fabs(p[i]) < T(INFINITY) && std::fabs(p[i]) > top) p[i] = std::copysign(T(INFINITY), p[i]);
    }
  });
  return out;
}
Tensor sinh_t(const Tensor& x) {
  return sinh_cosh_simd(unary_prim(TL_ROW("sinh"), false, x, [](auto v) { return std::sinh(v); }), x, kernels::sleef_sinhf);
}
Tensor cosh_t(const Tensor& x) {
  return sinh_cosh_simd(unary_prim(TL_ROW("cosh"), false, x, [](auto v) { return std::cosh(v); }), x, kernels::sleef_coshf);
}
// tan: float32 as sin / cos (PyTorch's vml kernel: SLEEF's tanf on 8-element groups, the large-argument
// path shared in a group).
Tensor tan_t(const Tensor& x) {
  Tensor out = unary_prim(TL_ROW("tan"), true, x, [](auto v) {
    if constexpr (std::is_same<decltype(v), float>::value) return v;  // filled below
    else return std::tan(v);
  });
  if (out.dtype() == DType::Float32)
    sleef_trig_apply(x.dtype() == DType::Float32 ? x : to_dtype(x, DType::Float32), out, kernels::sleef_tanf);
  return out;
}
Tensor rsqrt_t(const Tensor& x) {
  return unary_prim(TL_ROW("rsqrt"), true, x, [](auto v) { return decltype(v)(1) / std::sqrt(v); });
}

// ---- fmod ----  d/da = 1;  d/db = -trunc(a / b)   (remainder is in elementwise.cpp)
// (PyTorch: other's is -grad * self.div(other, rounding_mode="trunc"), a DivBackward2 of zero
// derivative; self's is grad itself, so with create_graph it needs no grad.)
void fmod_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = g;
  if (n.needs_input_grad(1)) {
    const Tensor a = n.saved_tensor(0), b = n.saved_tensor(1);
    Tensor q;
    {
      NoGradGuard ng;
      q = rounding(Round::Trunc, "trunc", div(a, b));
    }
    gi[1] = mul(neg(g), autograd::piecewise_constant(q, {a, b}, "DivBackward2"));
  }
}
Tensor fmod(const Tensor& a0, const Tensor& b0) {
  Shape s = broadcast_shapes("fmod", a0.shape(), b0.shape());
  DType ct = result_type_of({&a0, &b0});  // a 0-d divisor of the same category does not promote
  TL_CHECK(ct != DType::Bool, "\"fmod_cpu\" not implemented for 'Bool'");
  const DType rt = ct;  // integer fmod is computed in int64 and cast back (exact: |x % y| <= |x|)
  // on the operands first cast to the result type, as PyTorch's kernel sees them (uint8 7 fmod a
  // 0-d int64 -4 is 7 % 252; 256 is a zero divisor)
  const Tensor a1 = a0.dtype() == rt ? a0 : to_dtype(a0, rt), b1 = b0.dtype() == rt ? b0 : to_dtype(b0, rt);
  if (is_int(ct)) ct = DType::Int64;
  Tensor a = a1.dtype() == ct ? a1 : to_dtype(a1, ct), b = b1.dtype() == ct ? b1 : to_dtype(b1, ct);
  Tensor out = Tensor::empty(s, ct);
  if (ct == DType::Int64) {
    check_int_divisor(a0, b1, s, rt, [&](const Tensor& nonzero) { return fmod(a0, nonzero); });
    // y == -1: 0 (avoids the INT64_MIN % -1 overflow)
    kernels::binary_loop<int64_t, int64_t>(a, b, out, [](int64_t x, int64_t y) { return y == -1 ? 0 : x % y; });
  } else {
    TL_DISPATCH_FLOAT(ct, T, [&] { kernels::binary_loop<T, T>(a, b, out, [](T x, T y) { return std::fmod(x, y); }); });
    simd_fmod_nan(out, a, b);
    // Both are saved only for other's gradient (PyTorch saves them only when other needs one).
    if (Node* n = record(TL_ROW("fmod"), {&a0, &b0}, out)) {
      const bool keep = b0.requires_grad();
      save(n, keep ? a0 : Tensor()), save(n, keep ? b0 : Tensor());
      n->torch_saves = true;  // once freed, self's gradient alone (which reads neither) fails too
    }
  }
  return rt == ct ? out : to_dtype(out, rt);
}

// ---- atan2 / hypot / xlogy: binary ops computed in the two inputs' result type, an integral or
// bool one promoted to the default float (PyTorch's int_to_float; hypot's kernel has floats only).
template <class F>
Tensor binary_float(const char* op, const Tensor& a0, const Tensor& b0, F f) {
  Shape s = broadcast_shapes(op, a0.shape(), b0.shape());
  DType ct = result_type_of({&a0, &b0});
  if (!is_floating(ct)) {
    TL_CHECK(std::strcmp(op, "hypot") != 0, "\"hypot_cpu\" not implemented for '", dtype_kernel_name(ct), "'");
    ct = default_float_dtype();
  }
  Tensor a = a0.dtype() == ct ? a0 : to_dtype(a0, ct), b = b0.dtype() == ct ? b0 : to_dtype(b0, ct);
  Tensor out = Tensor::empty(s, ct);
  TL_DISPATCH_FLOAT(ct, T, [&] { kernels::binary_loop<T, T>(a, b, out, [&](T x, T y) { return T(f(x, y)); }); });
  return out;
}
Tensor reciprocal_t(const Tensor& x) { return div(scalar_like(x, 1), x); }

// atan2(a, b): d/da = b / (a^2 + b^2);  d/db = -a / (a^2 + b^2)   (PyTorch's order: g * b * recip)
void atan2_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor a = n.saved_tensor(0), b = n.saved_tensor(1);
  Tensor recip = reciprocal_t(add(mul(a, a), mul(b, b)));
  if (n.needs_input_grad(0)) gi[0] = mul(mul(g, b), recip);
  if (n.needs_input_grad(1)) gi[1] = mul(mul(g, neg(a)), recip);
}
Tensor atan2(const Tensor& a, const Tensor& b) {
  Tensor out = binary_float("atan2", a, b, [](auto x, auto y) { return std::atan2(x, y); });
  if (Node* n = record(TL_ROW("atan2"), {&a, &b}, out)) save(n, a), save(n, b);
  return out;
}
// hypot(a, b) = y = sqrt(a^2 + b^2): d/da = a / y;  d/db = b / y
void hypot_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor a = n.saved_tensor(0), b = n.saved_tensor(1), y = n.saved_tensor(2);
  if (n.needs_input_grad(0)) gi[0] = div(mul(g, a), y);
  if (n.needs_input_grad(1)) gi[1] = div(mul(g, b), y);
}
Tensor hypot(const Tensor& a, const Tensor& b) {
  Tensor out = binary_float("hypot", a, b, [](auto x, auto y) { return std::hypot(x, y); });
  // PyTorch saves each input only for its own gradient (a in-place change of the other is fine).
  if (Node* n = record(TL_ROW("hypot"), {&a, &b}, out))
    save(n, a.requires_grad() ? a : Tensor()), save(n, b.requires_grad() ? b : Tensor()), save_output(n, out);
  return out;
}
// xlogy(a, b) = a * log(b), 0 where a == 0 unless b is NaN (PyTorch's kernel):
// d/da = xlogy(g, b) = g log b, 0 where a == 0 and b <= 0 (PyTorch's formula: log b where a == 0
// and b > 0);  d/db = a / b
Tensor xlogy(const Tensor& a, const Tensor& b);
void xlogy_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor a = n.saved_tensor(0), b = n.saved_tensor(1);
  if (n.needs_input_grad(0)) {
    // xlogy(x, number) (XlogyBackward2): PyTorch's formula is xlogy(g, number) (an XlogyBackward2
    // again), masked_fill(a == 0, 0) only when !(number > 0).
    const bool number = n.display == TL_ROW("xlogy.Scalar_Other").grad_fn.c_str();
    Tensor xg = xlogy(g, b);
    if (number) label_node(xg, TL_ROW("xlogy.Scalar_Other"), {&g});
    if (number && b.item() > 0) {
      gi[0] = xg;
    } else {
      Tensor zero = eq(a, scalar_like(a, 0));
      if (!number) zero = bitwise_and(zero, le(b, scalar_like(b, 0)));
      gi[0] = where(zero, scalar_like(g, 0), xg);
      label_node(gi[0], TL_ROW("masked_fill"), {&g, &a, &b});  // PyTorch: xlogy(g, b).masked_fill(zero, 0)
    }
  }
  if (n.needs_input_grad(1)) gi[1] = div(mul(g, a), b);
}
Tensor xlogy(const Tensor& a, const Tensor& b) {
  Tensor out = binary_float("xlogy", a, b, [](auto x, auto y) {
    using T = decltype(x);
    if (std::isnan(y)) return T(NAN);
    return x == 0 ? T(0) : T(x * std::log(y));
  });
  if (Node* n = record(TL_ROW("xlogy.Tensor"), {&a, &b}, out)) save(n, a), save(n, b);
  return out;
}
void exp2_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {  // d/dx 2^x = y ln 2
  Tensor y = n.saved_tensor(0);
  gi[0] = mul_number(mul(g, y), std::log(2.0));  // PyTorch multiplies by the number M_LN2 (MulBackward1)
}

// a.logical_and_(b) / a.logical_or_(b) on bool masks as PyTorch's formulas write them: in place, so
// b must broadcast to a's shape.
static Tensor mask_inplace(const Tensor& a, const Tensor& b, bool is_and) {
  const Shape bs = broadcast_shapes("logical", a.shape(), b.shape());
  TL_CHECK(bs == a.shape(), "output with shape ", sizes_str(a.shape()), " doesn't match the broadcast shape ", sizes_str(bs));
  return is_and ? bitwise_and(a, b) : bitwise_or(a, b);
}
// clamp with tensor bounds: where(x < lo, lo, x), then where(r > hi, hi, r); a NaN bound gives NaN
// (PyTorch's kernel). Gradients (PyTorch's clamp_backward / clamp_backward_min_max): x gets g where
// lo <= x <= hi (0 where x or a bound is NaN); lo gets g where x < lo (and lo < hi); hi gets g where
// x > hi (or hi < lo, where hi wins).
// With both bounds PyTorch combines each mask in place (self_ge_min.logical_and_(self_le_max)), which
// fails when the second mask's shape is larger; it computes min's and max's gradients before self's.
static void clamp_tensor_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0), lo = n.saved_tensor(1), hi = n.saved_tensor(2);
  const Tensor z = Tensor::scalar(0, g.dtype());
  const bool both = lo.defined() && hi.defined();
  if (n.needs_input_grad(1)) gi[1] = where(both ? mask_inplace(lt(x, lo), lt(lo, hi), true) : lt(x, lo), g, z);
  if (n.needs_input_grad(2)) gi[2] = where(both ? mask_inplace(gt(x, hi), lt(hi, lo), false) : gt(x, hi), g, z);
  if (n.needs_input_grad(0))
    gi[0] = where(both ? mask_inplace(ge(x, lo), le(x, hi), true) : lo.defined() ? ge(x, lo) : le(x, hi), g, z);
}
Tensor clamp_tensor(const Tensor& x, const Tensor& lo, const Tensor& hi) {
  TL_CHECK(lo.defined() || hi.defined(), "torch.clamp: At least one of 'min' or 'max' must not be None");
  // Both bounds: PyTorch's clamp kernel (none for bool); one bound: its maximum/minimum kernels.
  TL_CHECK(!(lo.defined() && hi.defined()) || result_type_of({&x, &lo, &hi}) != DType::Bool,
           "\"clamp_cpu\" not implemented for 'Bool'");
  Tensor r = x;
  {
    NoGradGuard ng;
    if (lo.defined() && hi.defined()) {
      // One result type over all three (a 0-d bound gives way to a dimensioned one), as PyTorch's
      // ternary kernel: two where() steps would promote pairwise.
      const DType rt = result_type_of({&x, &lo, &hi});
      const Tensor l = to_dtype(lo, rt), h = to_dtype(hi, rt);
      r = where(bitwise_or(lt(r, l), ne(l, l)), l, to_dtype(r, rt));
      r = where(bitwise_or(gt(r, h), ne(h, h)), h, r);
    } else {  // maximum / minimum, with their signed-zero ties (max(-0.0, 0.0) per SIMD lane)
      r = lo.defined() ? maximum(x, lo) : minimum(x, hi);
    }
    if (r.same(x)) r = clone(x);
  }
  if (Node* n = record(TL_ROW("clamp.Tensor"), {&x, &lo, &hi}, r)) save(n, x), save(n, lo), save(n, hi);
  return r;
}

Tensor fused_multiply_add(const Tensor& a, const Tensor& b, const Tensor& c);

// PyTorch's lerp: w < 0.5 ? a + w * (b - a) : b - (b - a) * (1 - w) (exact at both ends), each a
// fused multiply-add as its kernel is compiled (fma(w, d, a), fma(-d, 1 - w, b); float32 too: the
// product's sign is -d's, so lerp(-0.3, -0.0, 1.0) is -0.0 = -0.0 + -(0.3 * 0)). A
// primitive with PyTorch's two nodes: LerpBackward0 for a number weight (saves only the number:
// a second backward works; grads g * (1 - w) and g * w, MulBackward1 under create_graph) and
// LerpBackward1 for a tensor weight, even 0-d (saves weight always, self and end, which only
// weight's formula uses, when weight requires grad, as PyTorch's generated code).
static void lerp_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const double w = n.attrs().f0;
  auto times = [&](double v) { return mul_number(g, v); };
  if (n.needs_input_grad(0)) gi[0] = times(1 - w);
  if (n.needs_input_grad(1)) gi[1] = times(w);
}
static void lerp_tensor_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Tensor w = n.saved_tensor(0);
  if (n.needs_input_grad(0)) gi[0] = mul(g, sub(scalar_like(w, 1), w));
  if (n.needs_input_grad(1)) gi[1] = mul(g, w);
  if (n.needs_input_grad(2)) gi[2] = mul(g, sub(n.saved_tensor(2), n.saved_tensor(1)));
}
// number_w: the weight was a Python number (w is it wrapped to a's dtype; the exact value).
Tensor lerp(const Tensor& a, const Tensor& b, const Tensor& w, std::optional<double> number_w) {
  TL_CHECK(a.dtype() == b.dtype(), "expected dtype ", dtype_name(a.dtype()), " for `end` but got dtype ", dtype_name(b.dtype()));
  TL_CHECK(number_w || w.dtype() == a.dtype(), "expected dtype ", dtype_name(a.dtype()),
           " for `weight` but got dtype ", dtype_name(w.dtype()));
  Tensor r;
  {
    NoGradGuard ng;
    Tensor d = sub(b, a);
    Tensor lo = fused_multiply_add(w, d, a);
    Tensor hi = fused_multiply_add(neg(d), sub(scalar_like(w, 1), w), b);
    if (number_w) r = w.item() < 0.5 ? lo : hi;
    else r = where(lt(w, scalar_like(w, 0.5)), lo, hi);
  }
  if (number_w) {
    if (Node* n = record(TL_ROW("lerp"), {&a, &b}, r)) n->attrs().f0 = *number_w;
  } else if (Node* n = record(TL_ROW("lerp.Tensor"), {&a, &b, &w}, r)) {
    save_not_self(n, w);
    if (w.requires_grad()) save(n, a), save_not_self(n, b);
  }
  return r;
}

Tensor to_bool(const Tensor& x) { return x.dtype() == DType::Bool ? x : ne(x, Tensor::scalar(0, x.dtype())); }
enum class Logic { And, Or, Xor };
// PyTorch's comparison_op iterator: both inputs are converted to their result type first (an int8
// tensor and a 0-d int64 tensor 256 compare in int8, where 256 is 0), then tested against zero.
Tensor logical(Logic op, const Tensor& a, const Tensor& b) {
  NoGradGuard ng;
  const DType rt = result_type_of({&a, &b});
  auto as_rt = [rt](const Tensor& t) { return t.dtype() == rt ? t : to_dtype(t, rt); };
  Tensor x = to_dtype(to_bool(as_rt(a)), DType::Int64), y = to_dtype(to_bool(as_rt(b)), DType::Int64);
  switch (op) {
    case Logic::And: return ne(mul(x, y), Tensor::scalar(0, DType::Int64));
    case Logic::Or: return ne(add(x, y), Tensor::scalar(0, DType::Int64));
    case Logic::Xor: return ne(x, y);
  }
  return Tensor();
}
Tensor logical_or_t(const Tensor& a, const Tensor& b) { return logical(Logic::Or, a, b); }

// isclose as PyTorch 1.13 computes it: a == b, or (equal_nan, floats) both NaN, or (a tolerance
// given) |a - b| finite and <= atol + |rtol * b|, with b converted to the default float dtype when
// the inputs are integers or bool.
Tensor isclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  NoGradGuard ng;
  TL_CHECK(a.dtype() == b.dtype(), dtype_kernel_name(a.dtype()), " did not match ", dtype_kernel_name(b.dtype()));
  TL_CHECK(rtol >= 0, "rtol must be greater than or equal to zero, but got ", rtol);
  TL_CHECK(atol >= 0, "atol must be greater than or equal to zero, but got ", atol);
  Tensor close = eq(a, b);
  if (equal_nan && a.is_floating_point()) {
    // PyTorch computes (a != a).__iand__(b != b): in place into a tensor of a's shape.
    close = logical_or_t(close, mask_inplace(ne(a, a), ne(b, b), true));
  }
  if (rtol == 0 && atol == 0) return close;
  const Tensor bf = a.is_floating_point() ? b : to_dtype(b, default_float_dtype());
  const DType ft = bf.dtype();  // rtol and atol are Python numbers: they take the tensor's dtype
  const Tensor allowed = add(abs(mul(bf, Tensor::scalar(rtol, ft))), Tensor::scalar(atol, ft));
  const Tensor actual = abs(sub(a.is_floating_point() ? a : to_dtype(a, ft), bf));
  const Tensor finite = lt(actual, Tensor::scalar(INFINITY, ft));  // |x| < inf: neither inf nor NaN
  return logical_or_t(close, logical(Logic::And, finite, le(actual, allowed)));
}

// ---- addcdiv ----  x + value * t1 / t2, with PyTorch's formulas: d/dx = g; d/dt1 = g * (value / t2);
// d/dt2 = -g * (value * t1 / (t2 * t2)). PyTorch's value / t2 is empty_like(t2).fill_(value).div_(t2),
// which fails for an integral or bool t2 (its true quotient is a float): so does backward to t1.
void addcdiv_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const double v = n.attrs().f0;
  const bool v_int = n.attrs().b0;
  if (n.needs_input_grad(0)) gi[0] = g;
  if (n.needs_input_grad(1)) {
    const Tensor t2 = n.saved_tensor(1);
    TL_CHECK(t2.is_floating_point(), "result type ", dtype_kernel_name(default_float_dtype()),
             " can't be cast to the desired output type ", dtype_kernel_name(t2.dtype()));
    gi[1] = mul(g, div(Tensor::scalar(v, t2.dtype()), t2));
  }
  if (n.needs_input_grad(2)) {
    const Tensor t1 = n.saved_tensor(0), t2 = n.saved_tensor(1);
    gi[2] = mul(neg(g), div(mul(t1, wrap_scalar(v, t1, v_int)), mul(t2, t2)));
  }
}

// ---- addcmul ----  x + value * t1 * t2. PyTorch's formulas multiply the whole gradient before
// the broadcast reduction (a zero gradient times a negative factor sums to +0.0, not -0.0).
void addcmul_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const double v = n.attrs().f0;
  const bool v_int = n.attrs().b0;
  if (n.needs_input_grad(0)) gi[0] = g;
  if (n.needs_input_grad(1)) {
    const Tensor t2 = n.saved_tensor(1);
    gi[1] = mul(g, mul(t2, wrap_scalar(v, t2, v_int)));
  }
  if (n.needs_input_grad(2)) {
    const Tensor t1 = n.saved_tensor(0);
    gi[2] = mul(g, mul(t1, wrap_scalar(v, t1, v_int)));
  }
}

// a * b + c, broadcast, rounded once: PyTorch 1.13's addcmul kernel (self + value * t1 * t2) is
// compiled with FMA contraction, so (value * t1) * t2 + self is one fused multiply-add (lerp too).
Tensor fused_multiply_add(const Tensor& a, const Tensor& b, const Tensor& c) {
  const Shape shape = broadcast_shapes("addcmul", broadcast_shapes("addcmul", a.shape(), b.shape()), c.shape());
  auto flat = [&](const Tensor& t) { return contiguous(expand(t, shape.vec())); };
  const Tensor A = flat(a), B = flat(b), C = flat(c);
  Tensor out = Tensor::empty(shape, c.dtype());
  TL_DISPATCH_FLOAT(c.dtype(), T, [&] {
    const T *pa = A.data_ptr<T>(), *pb = B.data_ptr<T>(), *pc = C.data_ptr<T>();
    T* po = out.data_ptr<T>();
    for (int64_t i = 0; i < out.numel(); ++i) po[i] = T(std::fma(pa[i], pb[i], pc[i]));
  });
  return out;
}

// ---- elu / selu / celu, log_sigmoid, hardswish, silu, mish ----
// One node each, as PyTorch's native ops (EluBackward0, ...; the forward graph has nothing else).
// Values follow ATen's vectorized CPU kernels (the path of every float64 tensor and of float32
// ones with >= 16 elements). The backward of elu, log_sigmoid and hardswish is PyTorch's backward
// op (elu_backward, ...), recorded as one node under create_graph whose backward is PyTorch's
// double-backward formula (derivatives.yaml), so every create_graph gradient has PyTorch's name
// (EluBackwardBackward0, then MulBackward0, ...); silu and mish differentiate PyTorch's
// infinitely differentiable composites (infinitely_differentiable_silu_backward: a MulBackward0).
Tensor unary_row(const OpDef& row, const Tensor& x) {
  Args a;
  a.v = {Value::tensor(x)};
  return row.call(a).t;
}
void check_act_dtype(const Tensor& x, const char* kernel) {
  TL_CHECK(x.is_floating_point(), "\"", kernel, "\" not implemented for '", dtype_kernel_name(x.dtype()), "'");
}

// elu(x, alpha, scale, input_scale) with input_scale 1 (elu, selu) or 1 / alpha (celu: `celu`):
// a node keeps alpha (f0), scale (f1), celu (b0) and result (i0).
// result: the in-place twins (elu_, celu_; selu_ is elu_), whose backward is PyTorch's
// elu_backward with is_result (computed from the saved result, refused for a negative alpha).
// celu's forward scales by 1. / alpha, but derivatives.yaml gives celu's and celu_'s
// elu_backward the input_scale 1.0 / alpha.toFloat() (alpha converted to float, checked).
struct EluCoef {
  double alpha, scale;
  bool celu;
  bool result = false;
  double input_scale() const { return celu ? 1 / alpha : 1.0; }
  double backward_input_scale() const {
    if (!celu) return 1.0;
    TL_CHECK(!std::isfinite(alpha) || std::fabs(alpha) <= double(std::numeric_limits<float>::max()),
             "value cannot be converted to type float without overflow");
    return 1 / double(float(alpha));
  }
};
EluCoef elu_coef(Node& n) { return {n.attrs().f0, n.attrs().f1, n.attrs().b0, n.attrs().i0 != 0}; }
void set_elu_coef(Node* n, const EluCoef& c) {
  n->attrs().f0 = c.alpha, n->attrs().f1 = c.scale, n->attrs().b0 = c.celu, n->attrs().i0 = c.result;
}

// ATen's cpu_kernel_vec runs the elements kernels::simd_row_length selects (whole chunks of two
// vectors of each coalesced row, 16 float32 / 8 float64 elements with AVX2) through its vectorized
// op, the rest through its scalar op: true there (x's shape, g broadcast to it).
Tensor scalar_path_mask(const Tensor& g, const Tensor& x) {
  const Shape& s = x.shape();
  const int64_t es = int64_t(dtype_size(x.dtype()));
  const int64_t n = kernels::simd_row_length(s, {kernels::broadcast_strides(s, g.shape(), g.strides()), x.strides()}, es);
  const int64_t lim = n - n % (64 / es);
  Tensor m = Tensor::empty(s, DType::Bool);
  bool* p = m.data_ptr<bool>();
  for (int64_t i = 0; i < m.numel(); ++i) p[i] = n == 0 || i % n >= lim;
  return m;
}
// ATen's elu_backward (is_result false): g * scale where x > 0, else g * input_scale * alpha *
// scale * exp(x * input_scale); NaN takes the second branch in the vectorized op, the first in
// the scalar one (x <= 0 ? ... : ...). With is_result (c.result, x the result): g * input_scale *
// (x + alpha * scale) for the second branch, and a negative alpha refused (even for no elements).
Tensor elu_backward(const Tensor& g, const Tensor& x, const EluCoef& c) {
  const double is = c.backward_input_scale();  // (the argument's conversion raises first)
  TL_CHECK(!c.result || c.alpha >= 0.0,
           "In-place elu backward calculation is triggered with a negative slope which is not supported. This is "
           "caused by calling in-place forward function with a negative slope, please call out-of-place version "
           "instead.");
  Tensor out;
  {
    NoGradGuard ng;
    // negcoef: alpha * scale in the tensor's type (ATen's alpha.to<scalar_t>() * scale.to<scalar_t>())
    Tensor neg = c.result ? mul(mul(g, scalar_like(g, is)), add(x, mul(scalar_like(x, c.alpha), scalar_like(x, c.scale))))
                          : mul(mul(mul(g, scalar_like(g, is)), scalar_like(g, c.alpha * c.scale)),
                                exp(mul(x, scalar_like(x, is))));
    Tensor pos = bitwise_or(gt(x, scalar_like(x, 0)), bitwise_and(ne(x, x), scalar_path_mask(g, x)));
    out = where(pos, mul(g, scalar_like(g, c.scale)), neg);
  }
  if (Node* n = record(TL_ROW("elu_backward"), {&g, &x}, out)) set_elu_coef(n, c), save(n, g), save(n, x);
  return out;
}
// grad_output: elu_backward(grad); self: elu_double_backward = elu_backward(grad * grad_output *
// input_scale) * (x < 0) (0 at x = 0); self_or_result with is_result: grad * grad_output *
// input_scale * (result < 0)
void elu_backward_bw(Node& n, const Tensor& grad, std::vector<Tensor>& gi) {
  const EluCoef c = elu_coef(n);
  Tensor g = n.saved_tensor(0), x = n.saved_tensor(1);
  if (n.needs_input_grad(0)) gi[0] = elu_backward(grad, x, c);
  if (n.needs_input_grad(1)) {
    Tensor below = to_dtype(lt(x, scalar_like(x, 0)), grad.dtype());
    Tensor gg = mul(mul(grad, g), scalar_like(grad, c.backward_input_scale()));
    gi[1] = mul(c.result ? gg : elu_backward(gg, x, c), below);
  }
}
void elu_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = elu_backward(g, n.saved_tensor(0), elu_coef(n)); }
// x > 0 ? x * scale : (exp(x * input_scale) - 1) * alpha * scale; the negative branch sees 0
// where x > 0
Tensor elu(const Tensor& x, EluCoef c, const OpDef& row) {
  c.result = &row == &TL_ROW("elu_") || &row == &TL_ROW("celu_");
  check_act_dtype(x, "elu_cpu");
  // ATen's kernel converts alpha, scale and input_scale to the tensor's type, checked (celu's
  // alpha=1e-45 on float32: 1 / alpha overflows)
  for (double v : {c.alpha, c.scale, c.input_scale()}) check_number_fits(Value::number(v), x.dtype());
  // ATen 1.13 computes exp(x * input_scale) - 1 (not expm1: -1e-30 gives 0, -0.0 gives +0.0), with
  // the coefficients converted to x's type first (negcoef = alpha * scale in that type); NaN takes
  // the negative branch in both ops
  Tensor out = act_kernel(
      x,
      [&](auto a) {
        using T = decltype(a);
        const T negcoef = T(c.alpha) * T(c.scale), poscoef = T(c.scale), negiptcoef = T(c.input_scale());
        return a <= T(0) ? (T(std::exp(a * negiptcoef)) - T(1)) * negcoef : a * poscoef;
      },
      [&](auto a) {
        using T = decltype(a);
        const T negcoef = T(c.alpha) * T(c.scale), poscoef = T(c.scale), negiptcoef = T(c.input_scale());
        return a > T(0) ? a * poscoef : (vec_exp(a * negiptcoef) - T(1)) * negcoef;
      });
  if (Node* n = record(row, {&x}, out)) {
    set_elu_coef(n, c);
    if (c.result) save_output(n, out);  // PyTorch's elu_ / celu_ save their result
    else save(n, x);
  }
  return out;
}

// ATen's log_sigmoid_backward: g * (max_deriv - sign * z / (1 + z)), z = exp(-|x|), max_deriv 1
// and sign 1 where x < 0, else 0 and -1 (x = 0 counts as positive: z / (1 + z) = 0.5)
Tensor log_sigmoid_backward(const Tensor& g0, const Tensor& x) {
  const Tensor g = materialize_zero(g0);  // no ZeroTensor kernel in PyTorch
  Tensor out;
  {
    NoGradGuard ng;
    Tensor z = exp(neg(abs(x)));
    Tensor q = div(z, add(z, scalar_like(x, 1)));
    out = mul(g, where(lt(x, scalar_like(x, 0)), sub(scalar_like(x, 1), q), q));
  }
  if (Node* n = record(TL_ROW("log_sigmoid_backward"), {&g, &x}, out)) save(n, g), save(n, x);
  return out;
}
// grad_output: log_sigmoid_backward(grad); self: log_sigmoid_double_backward(grad * grad_output)
// = that * (sigmoid(x) - 1) * sigmoid(x)
void log_sigmoid_backward_bw(Node& n, const Tensor& grad, std::vector<Tensor>& gi) {
  Tensor g = n.saved_tensor(0), x = n.saved_tensor(1);
  if (n.needs_input_grad(0)) gi[0] = log_sigmoid_backward(grad, x);
  if (n.needs_input_grad(1)) {
    Tensor z = sigmoid(x);
    gi[1] = mul(mul(mul(grad, g), sub(z, scalar_like(z, 1))), z);
  }
}
void log_sigmoid_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = log_sigmoid_backward(g, n.saved_tensor(0)); }
// min(x, 0) - log1p(exp(-|x|))
Tensor log_sigmoid(const Tensor& x) {
  check_act_dtype(x, "log_sigmoid_cpu");
  Tensor out;
  {
    NoGradGuard ng;
    Tensor is_neg = lt(x, scalar_like(x, 0));
    out = sub(where(is_neg, x, scalar_like(x, 0)), unary_row(TL_ROW("log1p"), exp(neg(where(is_neg, neg(x), x)))));
  }
  if (Node* n = record(TL_ROW("log_sigmoid"), {&x}, out)) save(n, x);
  return out;
}

// ATen's hardswish_backward: 0 where x < -3, g where x >= 3, g * (x / 3 + 0.5) elsewhere (NaN
// included) in the vectorized op; its scalar op (scalar_path_mask) takes the middle branch for
// x <= 3 and g for the rest (x = 3 gives 1.5 g, NaN gives g)
Tensor hardswish_backward(const Tensor& g0, const Tensor& x) {
  const Tensor g = materialize_zero(g0);  // no ZeroTensor kernel in PyTorch
  Tensor out;
  {
    NoGradGuard ng;
    Tensor mid = mul(g, add(div(x, scalar_like(x, 3)), scalar_like(x, 0.5)));
    Tensor three = scalar_like(x, 3);
    Tensor upper = where(scalar_path_mask(g, x), logical_not(le(x, three)), ge(x, three));
    out = where(lt(x, scalar_like(x, -3)), scalar_like(g, 0), where(upper, g, mid));
  }
  if (Node* n = record(TL_ROW("hardswish_backward"), {&g, &x}, out)) save(n, g), save(n, x);
  return out;
}
// grad_output: hardswish_backward(grad); self: where(-3 < x < 3, grad * grad_output / 3, 0)
void hardswish_backward_bw(Node& n, const Tensor& grad, std::vector<Tensor>& gi) {
  Tensor g = n.saved_tensor(0), x = n.saved_tensor(1);
  if (n.needs_input_grad(0)) gi[0] = hardswish_backward(grad, x);
  if (n.needs_input_grad(1)) {
    Tensor inside = bitwise_and(gt(x, scalar_like(x, -3)), lt(x, scalar_like(x, 3)));
    gi[1] = where(inside, div(mul(grad, g), scalar_like(grad, 3)), scalar_like(x, 0));
  }
}
void hardswish_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = hardswish_backward(g, n.saved_tensor(0)); }
// x * min(max(x + 3, 0), 6) / 6: 0 * x below -3, x from 3 on, x (x + 3) / 6 between (NaN too)
Tensor hardswish(const Tensor& x) {
  check_act_dtype(x, "hardswish_cpu");
  Tensor out;
  {
    NoGradGuard ng;
    Tensor zero = scalar_like(x, 0), six = scalar_like(x, 6);
    Tensor lo = lt(x, scalar_like(x, -3)), hi = ge(x, scalar_like(x, 3));
    Tensor xs = where(lo, zero, where(hi, zero, x));
    Tensor mid = div(mul(xs, add(xs, scalar_like(x, 3))), six);
    out = where(lo, mul(x, zero), where(hi, div(mul(x, six), six), mid));
  }
  if (Node* n = record(TL_ROW("hardswish"), {&x}, out)) save(n, x);
  return out;
}

// PyTorch's silu_backward / mish_backward (its backward without create_graph): ATen's kernel in
// the tensor's type, its multiply-adds fused as PyTorch's build compiles them (FMA). The scalar
// code (float32's tail elements, see kernels::simd_row_length) calls libm's float functions;
// float32 vector chunks call SLEEF's u10 ones, which the double function rounded once matches far
// more often. formula(dy, x, m) uses m.exp / m.log1p / m.tanh.
template <class T, bool kRoundedOnce>
struct KernelMath {
  static T exp(T y) { return kRoundedOnce ? T(std::exp(double(y))) : std::exp(y); }
  static T log1p(T y) { return kRoundedOnce ? T(std::log1p(double(y))) : std::log1p(y); }
  static T tanh(T y) { return kRoundedOnce ? T(std::tanh(double(y))) : std::tanh(y); }
};
template <class F>
Tensor act_backward_kernel(const char* op, const Tensor& g0, const Tensor& x, F formula) {
  const Tensor g = g0.dtype() == x.dtype() ? g0 : to_dtype(g0, x.dtype());
  Tensor out = Tensor::empty(broadcast_shapes(op, g.shape(), x.shape()), x.dtype());
  TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
    kernels::binary_loop<T, T>(g, x, out, [&](T dy, T v) { return formula(dy, v, KernelMath<T, false>()); });
  });
  const int64_t n = x.dtype() == DType::Float32 && g.shape() == x.shape()
                        ? kernels::simd_row_length(out.shape(), {g.strides(), x.strides()}, 4) : 0;
  if (n == 0) return out;
  const Tensor gc = g.contiguous(), xc = x.contiguous();
  const float *pg = gc.data_ptr<float>(), *px = xc.data_ptr<float>();
  float* po = out.data_ptr<float>();
  for (int64_t i = 0, lim = n - n % 16; i < out.numel(); ++i)
    if (i % n < lim) po[i] = formula(pg[i], px[i], KernelMath<float, true>());
  return out;
}
// silu_backward: dy * s * (1 + x * (1 - s)), s = 1 / (1 + exp(-x))
Tensor silu_backward(const Tensor& g, const Tensor& x) {
  return act_backward_kernel("silu_backward", g, x, [](auto dy, auto v, auto m) {
    using T = decltype(v);
    const T sig = T(1) / (T(1) + m.exp(-v));
    return dy * sig * T(std::fma(v, T(1) - sig, T(1)));
  });
}
// mish_backward: dy * (t + x * s * (1 - t^2)), s = 1 / (1 + exp(-x)), t = tanh(log1p(exp(x)))
Tensor mish_backward(const Tensor& g, const Tensor& x) {
  return act_backward_kernel("mish_backward", g, x, [](auto dy, auto v, auto m) {
    using T = decltype(v);
    const T sig = T(1) / (T(1) + m.exp(-v)), t = m.tanh(m.log1p(m.exp(v)));
    return dy * T(std::fma(v * sig, std::fma(-t, t, T(1)), t));
  });
}
// silu: g * s * (1 + x (1 - s)), s = sigmoid(x) (the quotient x / (exp(-x) + 1) would overflow
// exp(-x)^2 for x < -44 in float32)
void silu_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  if (!grad_enabled()) {  // with create_graph, PyTorch's infinitely_differentiable_silu_backward
    gi[0] = silu_backward(g, n.saved_tensor(0));
    return;
  }
  Tensor x = n.saved_tensor(0), s = sigmoid(x);
  gi[0] = mul(mul(g, s), add(scalar_like(x, 1), mul(x, sub(scalar_like(x, 1), s))));
}
// mish: g * (t + x * s * (1 - t^2)), t = tanh(softplus(x)), s = sigmoid(x) (with create_graph,
// PyTorch's infinitely_differentiable_mish_backward; else its mish_backward kernel)
void mish_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0);
  if (!grad_enabled()) {
    gi[0] = mish_backward(g, x);
    return;
  }
  Tensor s = sigmoid(x), th = tanh(softplus(x));
  gi[0] = mul(g, add(th, mul(mul(x, s), sub(scalar_like(x, 1), mul(th, th)))));
}
// x * sigmoid(x) (silu), x * tanh(softplus(x)) (mish)
Tensor silu_or_mish(const Tensor& x, bool is_mish) {
  check_act_dtype(x, is_mish ? "mish_cpu" : "silu_cpu");
  // ATen's kernels: x / (1 + exp(-x)) and x * tanh(log1p(exp(x))), SLEEF's functions in the
  // vectorized op
  Tensor out = is_mish ? act_kernel(
                             x, [](auto v) { return decltype(v)(v * std::tanh(std::log1p(std::exp(v)))); },
                             [](auto v) {
                               using T = decltype(v);
                               if constexpr (std::is_same<T, float>::value)
                                 return v * kernels::sleef_tanhf(kernels::sleef_log1pf(kernels::sleef_expf(v)));
                               else return v * kernels::sleef_tanh(kernels::sleef_log1p(kernels::sleef_exp(v)));
                             })
                       : act_kernel(
                             x, [](auto v) { return decltype(v)(v / (decltype(v)(1) + std::exp(-v))); },
                             [](auto v) { return decltype(v)(v / (decltype(v)(1) + vec_exp(-v))); });
  if (Node* n = record(is_mish ? TL_ROW("mish") : TL_ROW("silu"), {&x}, out)) save(n, x);
  return out;
}
// F.elu(..., inplace=True) and its kin: PyTorch's in-place twin (elu_, ...) writes the result into
// x, whose history becomes the op's node (a leaf that requires grad is refused)
Value act_result(const Args& a, bool inplace, const char* op, const std::function<Tensor(const Tensor&)>& f) {
  if (!inplace) return Value::tensor(f(a.t(0)));
  Tensor self = a.t(0);
  const Elementwise ew{{self}, [&](const std::vector<Tensor>& v) { return f(v[0]); }};
  inplace_apply(op, self, [&] { return f(self); }, nullptr, &ew);
  return Value::tensor(self);
}

}  // namespace

// clamp with int bounds (None: absent) on an integral tensor: PyTorch converts each bound to the
// tensor's dtype, checked (uint8 wraps -1 to 255), and compares exactly (2**53 + 1 is no double).
Tensor clamp_int(const Tensor& x, const Value& lo, const Value& hi) {
  for (const Value* b : {&lo, &hi})
    if (!b->is_none()) check_number_fits(*b, x.dtype());
  return clamp_tensor(x, lo.is_none() ? Tensor() : wrap_number(lo, x), hi.is_none() ? Tensor() : wrap_number(hi, x));
}

// sgn: sign for real tensors (PyTorch names the node SgnBackward0, and its sgn_backward saves
// the input and the result: an in-place change of either fails the backward).
Tensor sgn(const Tensor& x) {
  Tensor r = sign(x);
  label_node(r, TL_ROW("sgn"), {&x});
  if (r.grad_fn() && r.grad_fn() != x.grad_fn()) {
    save(r.grad_fn().get(), x), save_output(r.grad_fn().get(), r);
    r.grad_fn()->torch_saves = true;
    r.grad_fn()->attrs().b0 = true;  // its backward gives an efficient zero (sign_bw)
  }
  return r;
}

// ---- op table rows ----
void register_pointwise_more_ops(std::vector<OpDef>& t) {
  const unsigned TM = kTorch | kMethod;
  const struct {
    const char* name;
    Round r;
  } rounds[] = {{"floor", Round::Floor}, {"ceil", Round::Ceil}, {"trunc", Round::Trunc}};
  for (const auto& e : rounds) {
    Round r = e.r;
    const char* nm = e.name;
    t.push_back({std::string(nm) + "(Tensor input) -> Tensor", TM,
                 [r, nm](const Args& a) { return Value::tensor(rounding(r, nm, a.t(0))); }, zero_bw, "grad = 0"});
  }
  // round(x) / round(x, decimals=d): PyTorch's two overloads. Without decimals an integer tensor
  // is returned rounded (itself), with decimals (even 0) PyTorch's kernels refuse it; bool always.
  t.push_back({"round(Tensor input) -> Tensor", TM, [](const Args& a) {
                 TL_CHECK(a.t(0).dtype() != DType::Bool, "\"round_vml_cpu\" not implemented for 'Bool'");
                 return Value::tensor(rounding(Round::Round, "round", a.t(0), 0));
               }, zero_bw, "grad = 0"});
  t.push_back({"round.decimals(Tensor input, *, int decimals) -> Tensor", TM, [](const Args& a) {
                 const Tensor& x = a.t(0);
                 TL_CHECK(x.is_floating_point(), "\"", a.i(1) == 0 ? "round_vml_cpu" : "round_cpu", "\" not implemented for '",
                          dtype_kernel_name(x.dtype()), "'");
                 return Value::tensor(rounding(Round::Round, "round", x, a.i(1)));
               }, nullptr, "composite: the round row's node (grad = 0)"});
  t.push_back({"frac(Tensor input) -> Tensor", TM, [](const Args& a) {
                 Tensor x = a.t(0);
                 TL_CHECK(x.is_floating_point(), "frac: \"frac_cpu\" not implemented for '", dtype_kernel_name(x.dtype()), "'");
                 Tensor out = map_float(x, [](auto v) { return v - std::trunc(v); });
                 record(TL_ROW("frac"), {&x}, out);  // FracBackward0 saves nothing (its gradient is g)
                 return Value::tensor(out);
               }, frac_bw, "grad = g"});
#define TL_UNARY_ROW(NAME, BW, SAVE_OUT, EXPR, FORMULA)                                                  \
  t.push_back({NAME "(Tensor input) -> Tensor", TM, [](const Args& a) {                                       \
                 return Value::tensor(unary_prim(TL_ROW(NAME), SAVE_OUT, a.t(0), [](auto v) { return EXPR; })); \
               }, BW, FORMULA})
  TL_UNARY_ROW("log1p", log1p_bw, false, log1p_sleef(v), "grad = g / (1 + x)");
  TL_UNARY_ROW("expm1", expm1_bw, true, sleef_f32(v, kernels::sleef_expm1f, [](auto d) {
                 if constexpr (std::is_same<decltype(d), double>::value) return kernels::sleef_expm1(d);  // vml too
                 else return in_double(d, [](double e) { return std::expm1(e); });
               }), "grad = g * (y + 1)");
  TL_UNARY_ROW("log2", log2_bw, false, sleef_f32(v, kernels::sleef_log2f, [](auto d) { return in_double(d, [](double e) { return std::log2(e); }); }), "grad = g / (x ln 2)");
  TL_UNARY_ROW("log10", log10_bw, false, sleef_f32(v, kernels::sleef_log10f, [](auto d) { return in_double(d, [](double e) { return std::log10(e); }); }), "grad = g / (x ln 10)");
  TL_UNARY_ROW("erfc", erfc_bw, false, sleef_f32(v, kernels::sleef_erfcf, [](auto d) { return in_double(d, [](double e) { return std::erfc(e); }); }), "grad = -g * 2/sqrt(pi) exp(-x^2)");
  t.push_back({"tan(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(tan_t(a.t(0))); }, tan_bw,
               "grad = g * (1 + y^2)"});
  TL_UNARY_ROW("asin", asin_bw, false, sleef_f32(v, kernels::sleef_asinf, [](auto d) { return in_double(d, [](double e) { return std::asin(e); }); }), "grad = g * rsqrt(1 - x^2)");
  TL_UNARY_ROW("acos", acos_bw, false, sleef_f32(v, kernels::sleef_acosf, [](auto d) { return in_double(d, [](double e) { return std::acos(e); }); }), "grad = g * -rsqrt(1 - x^2)");
  TL_UNARY_ROW("atan", atan_bw, false, sleef_f32(v, kernels::sleef_atanf, [](auto d) { return in_double(d, [](double e) { return std::atan(e); }); }), "grad = g / (1 + x^2)");
  TL_UNARY_ROW("asinh", asinh_bw, false, std::asinh(v), "grad = g * rsqrt(x^2 + 1)");
  TL_UNARY_ROW("acosh", acosh_bw, false, std::acosh(v), "grad = g * rsqrt(x^2 - 1)");
  TL_UNARY_ROW("atanh", atanh_bw, false, std::atanh(v), "grad = g / (1 - x^2)");
  t.push_back({"rsqrt(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(rsqrt_t(a.t(0))); },
               rsqrt_bw, "grad = -g y^3 / 2"});
  TL_UNARY_ROW("reciprocal", reciprocal_bw, true, decltype(v)(1) / v, "grad = -g y^2");
  TL_UNARY_ROW("exp2", exp2_bw, true, std::exp2(v), "grad = g * y * ln 2");
#undef TL_UNARY_ROW
  t.push_back({"atan2(Tensor input, Tensor other) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(atan2(a.t(0), a.t(1))); }, atan2_bw,
               "grad_a = g * b / (a^2 + b^2);  grad_b = -g * a / (a^2 + b^2)"});
  t.push_back({"hypot(Tensor input, Tensor other) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(hypot(a.t(0), a.t(1))); }, hypot_bw,
               "grad_a = g * a / y;  grad_b = g * b / y"});
  // PyTorch's three overloads (a Python number on either side), named XlogyBackward0/1/2. The
  // number goes straight into the float type of the computation (-4 next to a uint8 tensor is -4.0,
  // not the uint8 252 that num_or_t's integer wrapping gives).
  const auto float_number = [](const Args& a, size_t k, size_t self) {
    return a.v[k].kind == Value::Kind::Tensor ? a.t(k) : wrap_scalar(a.v[k].as_double(), a.t(self));
  };
  t.push_back({"xlogy.Tensor(Tensor input, Tensor other) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(xlogy(a.t(0), a.t(1))); }, xlogy_bw,
               "grad_a = xlogy(g, b), 0 where a == 0 and b <= 0;  grad_b = g * a / b"});
  t.push_back({"xlogy.Scalar_Self(Number self, Tensor other) -> Tensor", kTorch,
               [=](const Args& a) { return Value::tensor(xlogy(float_number(a, 0, 1), a.t(1))); }, nullptr,
               "composite: xlogy(full(self), other)"});
  t.push_back({"xlogy.Scalar_Other(Tensor input, Number other) -> Tensor", TM,
               [=](const Args& a) { return Value::tensor(xlogy(a.t(0), float_number(a, 1, 0))); }, nullptr,
               "composite: xlogy(input, full(other))"});
  t.push_back({"sgn(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(sgn(a.t(0))); }, nullptr,
               "composite: sign(x) (grad = an efficient zero)"});
  t.push_back({"true_divide(Tensor input, Number|Tensor other) -> Tensor", TM,
               [](const Args& a) { return TL_ROW("div.Tensor").call(a); }, nullptr, "composite: div (an alias)"});
  // torch.rsub(x, other, alpha) = other - alpha * x (no Tensor.rsub in PyTorch): sub with the two
  // swapped, its node named RsubBackward0 (a tensor other) or RsubBackward1 (a number).
  for (bool scalar : {false, true}) {
    const char* key = scalar ? "rsub.Scalar" : "rsub.Tensor";
    t.push_back({scalar ? "rsub.Scalar(Tensor input, Number other, Number alpha=1) -> Tensor"
                        : "rsub.Tensor(Tensor input, Tensor other, *, Number alpha=1) -> Tensor",
                 kTorch, [scalar, key](const Args& a) {
                   // sub_check: a Python bool other is refused as a bool tensor would be.
                   if (a.v[1].kind == Value::Kind::Bool) sub_check(true, a.t(0).dtype() == DType::Bool);
                   Args s;
                   s.v = {scalar ? Value::tensor(a.num_or_t(1, 0)) : a.v[1], a.v[0], a.v[2]};
                   Tensor r = TL_ROW("sub.Tensor").call(s).t;
                   label_node(r, op_row(key), {&a.t(0), &s.v[0].t});
                   return Value::tensor(r);
                 }, nullptr, "composite: other - alpha * input"});
  }
  // F.elu / selu / celu / logsigmoid / hardswish / silu / mish
  t.push_back({"elu(Tensor input, float alpha=1.0, bool inplace=False) -> Tensor", kF,
               [](const Args& a) {
                 return act_result(a, a.b(2), "elu_", [&](const Tensor& x) {
                   return elu(x, {a.f(1), 1.0, false}, a.b(2) ? TL_ROW("elu_") : TL_ROW("elu"));
                 });
               }, elu_bw, "grad = elu_backward(g, x): g where x > 0, else g * alpha * exp(x)"});
  t.push_back({"selu(Tensor input, bool inplace=False) -> Tensor", kF,
               [](const Args& a) {
                 return act_result(a, a.b(1), "selu_", [&](const Tensor& x) {
                   return elu(x, {1.6732632423543772848170429916717, 1.0507009873554804934193349852946, false},
                              a.b(1) ? TL_ROW("elu_") : TL_ROW("elu"));
                 });
               }, nullptr, "composite: elu(x, alpha, scale) (PyTorch's EluBackward0)"});
  t.push_back({"celu(Tensor input, float alpha=1.0, bool inplace=False) -> Tensor", kF,
               [](const Args& a) {
                 TL_CHECK(a.f(1) != 0, "RuntimeError: ZeroDivisionError: alpha cannot be 0 for CELU");  // a RuntimeError
                 return act_result(a, a.b(2), "celu_", [&](const Tensor& x) {
                   return elu(x, {a.f(1), 1.0, true}, a.b(2) ? TL_ROW("celu_") : TL_ROW("celu"));
                 });
               }, elu_bw, "grad = elu_backward(g, x): g where x > 0, else g * exp(x / alpha)"});
  // in-place twins' nodes (EluBackward1, CeluBackward1)
  for (const char* s : {"elu_(Tensor self) -> Node", "celu_(Tensor self) -> Node"})
    t.push_back({s, 0, [](const Args&) -> Value { TL_FAIL("op table: a node-only row is not callable"); }, elu_bw,
                 "grad = elu_backward(g, result): g where result > 0, else g * input_scale * (result + alpha * scale)"});
  t.push_back({"logsigmoid(Tensor input) -> Tensor", kF, [](const Args& a) { return Value::tensor(log_sigmoid(a.t(0))); },
               nullptr, "composite: log_sigmoid (PyTorch's LogSigmoidBackward0)"});
  t.push_back({"log_sigmoid(Tensor self) -> Node", 0, [](const Args&) -> Value { TL_FAIL("op table: a node-only row is not callable"); },
               log_sigmoid_bw, "grad = log_sigmoid_backward(g, x): g * (1 - sigmoid(x))"});
  t.push_back({"hardswish(Tensor input, bool inplace=False) -> Tensor", kF,
               [](const Args& a) { return act_result(a, a.b(1), "hardswish_", hardswish); }, hardswish_bw,
               "grad = hardswish_backward(g, x): 0 below -3, g from 3 on, g * (x / 3 + 0.5) between"});
  t.push_back({"silu(Tensor input, bool inplace=False) -> Tensor", kF,
               [](const Args& a) {
                 return act_result(a, a.b(1), "silu_", [](const Tensor& x) { return silu_or_mish(x, false); });
               }, silu_bw, "grad = g * s * (1 + x (1 - s)), s = sigmoid(x)"});
  t.push_back({"mish(Tensor input, bool inplace=False) -> Tensor", kF,
               [](const Args& a) {
                 return act_result(a, a.b(1), "mish_", [](const Tensor& x) { return silu_or_mish(x, true); });
               }, mish_bw, "grad = g * (t + x s (1 - t^2)), t = tanh(softplus(x)), s = sigmoid(x)"});
  // their backward ops, whose nodes name a create_graph gradient (not callable here)
  t.push_back({"elu_backward(Tensor grad_output, Tensor self) -> Node", 0,
               [](const Args&) -> Value { TL_FAIL("op table: a node-only row is not callable"); }, elu_backward_bw,
               "grad_grad_output = elu_backward(grad); grad_self = elu_backward(grad * grad_output * input_scale) * (x < 0)"});
  t.push_back({"log_sigmoid_backward(Tensor grad_output, Tensor self) -> Node", 0,
               [](const Args&) -> Value { TL_FAIL("op table: a node-only row is not callable"); }, log_sigmoid_backward_bw,
               "grad_grad_output = log_sigmoid_backward(grad); grad_self = grad * grad_output * (sigmoid(x) - 1) * sigmoid(x)"});
  t.push_back({"hardswish_backward(Tensor grad_output, Tensor self) -> Node", 0,
               [](const Args&) -> Value { TL_FAIL("op table: a node-only row is not callable"); }, hardswish_backward_bw,
               "grad_grad_output = hardswish_backward(grad); grad_self = grad * grad_output / 3 where -3 < x < 3, else 0"});
  t.push_back({"sinh(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(sinh_t(a.t(0))); }, sinh_bw,
               "grad = g * cosh(x)"});
  t.push_back({"cosh(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(cosh_t(a.t(0))); }, cosh_bw,
               "grad = g * sinh(x)"});
  t.push_back({"square(Tensor input) -> Tensor", TM, [](const Args& a) {
                 Tensor r = pow(a.t(0), 2.0);
                 label_node(r, TL_ROW("pow.Scalar"), {&a.t(0)});
                 return Value::tensor(r);
               },
               nullptr, "composite: x^2"});
  // (remainder is in elementwise.cpp, with floor_divide.)
  t.push_back({"fmod(Tensor input, Number|Tensor other) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(fmod(a.t(0), a.num_or_t(1, 0))); }, fmod_bw,
               "grad_a = g;  grad_b = -g * trunc(a / b)"});
  t.push_back({"clamp.Tensor(Tensor input, Tensor? min=None, Tensor? max=None) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(clamp_tensor(a.t(0), a.opt_t(1), a.opt_t(2))); }, clamp_tensor_bw,
               "grad_x = g where min <= x <= max;  grad_min = g where x < min (< max);  grad_max = g where x > max "
               "(or max < min)"});
  t.push_back({"clamp_min(Tensor input, float min) -> Tensor", TM, [](const Args& a) {
                 const Tensor x = clamp_input(a.t(0), !a.is_int_value(1), true);
                 if (is_int(x.dtype())) return Value::tensor(clamp_int(x, a.v[1], Value()));
                 Tensor r = clamp(x, a.f(1), std::nullopt, true);
                 label_node(r, TL_ROW("clamp_min"), {&a.t(0)});
                 return Value::tensor(r);
               }, nullptr, "composite: clamp(x, min)"});
  t.push_back({"clamp_max(Tensor input, float max) -> Tensor", TM, [](const Args& a) {
                 const Tensor x = clamp_input(a.t(0), !a.is_int_value(1), true);
                 if (is_int(x.dtype())) return Value::tensor(clamp_int(x, Value(), a.v[1]));
                 Tensor r = clamp(x, std::nullopt, a.f(1), true);
                 label_node(r, TL_ROW("clamp_max"), {&a.t(0)});
                 return Value::tensor(r);
               }, nullptr, "composite: clamp(x, None, max)"});
  t.push_back({"lerp(Tensor input, Tensor end, Number|Tensor weight) -> Tensor", TM,
               [](const Args& a) {
                 // PyTorch's checks: end's dtype, a tensor weight's dtype (even 0-d), then the kernel
                 // (lerp_kernel_scalar for a number weight, lerp_kernel_tensor else): floats only.
                 const Tensor &x = a.t(0), &end = a.t(1);
                 const bool tensor_w = a.v[2].kind == Value::Kind::Tensor;
                 auto cpp = [](DType d) {
                   switch (d) {
                     case DType::Float32: return "float";
                     case DType::Float64: return "double";
                     case DType::Int64: return "long int";
                     case DType::Int32: return "int";
                     case DType::Int16: return "short int";
                     case DType::Int8: return "signed char";
                     case DType::UInt8: return "unsigned char";
                     default: return "bool";
                   }
                 };
                 TL_CHECK(end.dtype() == x.dtype(), "expected dtype ", cpp(x.dtype()), " for `end` but got dtype ", cpp(end.dtype()));
                 TL_CHECK(!tensor_w || a.t(2).dtype() == x.dtype(), "expected dtype ", cpp(x.dtype()),
                          " for `weight` but got dtype ", cpp(a.t(2).dtype()));
                 TL_CHECK(x.is_floating_point(), "\"lerp_kernel_", tensor_w ? "tensor" : "scalar", "\" not implemented for '",
                          dtype_kernel_name(x.dtype()), "'");
                 return Value::tensor(lerp(x, end, a.num_or_t(2, 0), tensor_w ? std::nullopt : std::optional<double>(a.f(2))));
               }, lerp_bw, "grad_input = g * (1 - weight); grad_end = g * weight"});
  t.push_back({"lerp.Tensor(Tensor self, Tensor end, Tensor weight) -> Node", 0,
               [](const Args&) -> Value { TL_FAIL("op table: a node-only row is not callable"); }, lerp_tensor_bw,
               "grad_input = g * (1 - weight); grad_end = g * weight; grad_weight = g * (end - input)"});
  for (bool is_div : {false, true}) {
    t.push_back({std::string(is_div ? "addcdiv" : "addcmul") +
                     "(Tensor input, Tensor tensor1, Tensor tensor2, *, Number value=1) -> Tensor",
                 TM, [is_div](const Args& a) {
                   const Tensor &x = a.t(0), &t1 = a.t(1), &t2 = a.t(2);
                   TL_CHECK(is_div || result_type_of({&x, &t1, &t2}) != DType::Bool,
                            "\"addcmul_cpu_out\" not implemented for 'Bool'");
                   TL_CHECK(!is_div || t1.is_floating_point() || t2.is_floating_point(),
                            "Integer division with addcdiv is no longer supported, and in a future  release addcdiv will "
                            "perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented "
                            "as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as "
                            "(input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the "
                            "latter implementation: (input + value * tensor1 / tensor2), for all dtypes.");
                   // PyTorch's kernel: self + value * t1 * t2 (or / t2) in the three tensors' result
                   // type, value cast to it (an int type truncates value=2.5 to 2).
                   const DType rt = result_type_of({&x, &t1, &t2});
                   check_number_fits(a.v[3], rt);
                   auto as_rt = [rt](const Tensor& t) { return t.dtype() == rt ? t : to_dtype(t, rt); };
                   const double v = a.f(3);
                   Tensor r;
                   {
                     NoGradGuard ng;  // one node (AddcmulBackward0 / AddcdivBackward0) below
                     // (an int value next to an integer result type: exactly, 2**53 + 1 is not a double)
                     const Tensor vs = !is_floating(rt) && a.v[3].kind == Value::Kind::Int
                                           ? wrap_number(a.v[3], Tensor::scalar(0, rt))
                                           : Tensor::scalar(is_floating(rt) ? v : std::trunc(v), rt);
                     Tensor s = mul(vs, as_rt(t1));
                     r = is_div || !is_floating(rt) ? add(as_rt(x), is_div ? div(s, as_rt(t2)) : mul(s, as_rt(t2)))
                                                    : fused_multiply_add(s, as_rt(t2), as_rt(x));
                   }
                   if (Node* n = record(is_div ? TL_ROW("addcdiv") : TL_ROW("addcmul"), {&x, &t1, &t2}, r)) {
                     // As PyTorch saves: addcdiv's tensor1 (used by tensor2's formula only) when
                     // tensor2 requires grad, its tensor2 (used by both) always; addcmul's each
                     // factor when the other one requires grad; never `self`.
                     // (t.addcmul_(t, w) saves t before the write, so backward fails).
                     if (t2.requires_grad()) save_not_self(n, t1);
                     else save(n, Tensor());
                     if (is_div || t1.requires_grad()) save_not_self(n, t2);
                     else save(n, Tensor());
                     n->attrs().f0 = v, n->attrs().b0 = a.is_int_value(3);
                     // Once freed it fails also for self's gradient alone (which reads none of them).
                     n->torch_saves = true;
                   }
                   return Value::tensor(r);
                 }, is_div ? addcdiv_bw : addcmul_bw,
                 is_div ? "grad_x = g; grad_t1 = g * value / t2; grad_t2 = -g * value * t1 / t2^2"
                        : "grad_x = g; grad_t1 = g * (t2 * value); grad_t2 = g * (t1 * value)"});
  }
  const struct {
    const char* name;
    Logic op;
  } logic[] = {{"logical_and", Logic::And}, {"logical_or", Logic::Or}, {"logical_xor", Logic::Xor}};
  for (const auto& e : logic) {
    Logic op = e.op;
    t.push_back({std::string(e.name) + "(Tensor input, Tensor other) -> Tensor(nograd)", TM,
                 [op](const Args& a) { return Value::tensor(logical(op, a.t(0), a.t(1))); }});
  }
  t.push_back({"isclose(Tensor input, Tensor other, float rtol=1e-05, float atol=1e-08, bool equal_nan=False) -> Tensor(nograd)",
               TM, [](const Args& a) { return Value::tensor(isclose(a.t(0), a.t(1), a.f(2), a.f(3), a.b(4))); }});
  t.push_back({"allclose(Tensor input, Tensor other, float rtol=1e-05, float atol=1e-08, bool equal_nan=False) -> bool",
               TM, [](const Args& a) {
                 Tensor c = isclose(a.t(0), a.t(1), a.f(2), a.f(3), a.b(4)).contiguous();
                 const bool* p = c.data_ptr<bool>();
                 for (int64_t i = 0; i < c.numel(); ++i)
                   if (!p[i]) return Value::boolean(false);
                 return Value::boolean(true);
               }});
}

// In-place twins of out-of-place rows: NAME_(same parameters) -> Tensor(inplace), computing the
// out-of-place result and writing it into the input (history rebased as for add_). Exposed as
// methods and as torch.NAME_ (torch.sin_(x) exists in PyTorch).
// PyTorch 1.13's derivatives.yaml gives asinh_, acosh_ and atanh_ no formula
// (not_implemented("inplace version of atanh")): they record a node (AtanhBackward1, saving
// nothing) whose backward raises.
void inplace_not_implemented_bw(Node& n, const Tensor&, std::vector<Tensor>&) {
  const std::string& op = n.row->name;
  TL_FAIL("NotImplementedError: the derivative for 'inplace version of ", op.substr(0, op.size() - 1),
          "' is not implemented.");
}

void register_inplace_twins(std::vector<OpDef>& t) {
  static const char* const names[] = {"exp",   "log",   "sqrt",  "abs",   "sin",   "cos",   "tanh",      "sigmoid",
                                      "relu",  "neg",   "floor", "ceil",  "round", "trunc", "frac",      "log1p",
                                      "expm1", "rsqrt", "reciprocal", "sign", "clamp", "clamp_min", "clamp_max",
                                      "pow",   "fmod",  "remainder", "floor_divide", "lerp", "addcmul", "addcdiv", "square",
                                      "erf",   "erfc",  "tan",   "atan",  "sinh",  "cosh",  "log2",  "log10", "asin", "acos",
                                      "asinh", "acosh", "atanh", "exp2", "atan2", "hypot", "xlogy", "sgn", "true_divide",
                                      "bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_not", "bitwise_left_shift",
                                      "bitwise_right_shift", "scatter", "scatter_add", "masked_fill"};
  const size_t n = t.size();
  for (const char* nm : names) {
    for (size_t k = 0; k < n; ++k) {
      const OpDef& base = t[k];
      if (base.schema.compare(0, std::strlen(nm), nm) != 0) continue;
      const char c = base.schema[std::strlen(nm)];
      if (c != '(' && c != '.') continue;
      if (base.schema.find("(Number ") == base.schema.find('(')) continue;  // pow / xlogy of a number: no self
      std::string s = base.schema;
      s.insert(std::strlen(nm), "_");
      s = s.substr(0, s.find(" -> ")) + " -> Tensor(inplace)";
      // The base row's call as the finished table has it (attach_node_names wraps it to name the
      // node after the row: an in-place x.round_(decimals=1) is RoundBackward1 as x.round(decimals=1)).
      auto call = [k](const Args& a) { return op_table()[k].call(a); };
      std::string op = std::string(nm) + "_";
      // torch.NAME_ exists for the unary functions only (torch.sin_, torch.clamp_), not for
      // pow_/fmod_/remainder_/floor_divide_/lerp_/addcmul_/addcdiv_/sign_.
      static const char* const methods_only[] = {"pow", "fmod", "remainder", "floor_divide", "lerp", "addcmul",
                                                 "addcdiv", "sign", "bitwise_and", "bitwise_or", "bitwise_xor",
                                                 "bitwise_not", "bitwise_left_shift", "bitwise_right_shift", "scatter",
                                                 "scatter_add", "atan2", "hypot", "sgn", "true_divide", "masked_fill"};
      unsigned where = kTorch | kMethod;
      for (const char* m : methods_only)
        if (std::strcmp(m, nm) == 0) where = kMethod;
      const bool bitwise = std::strncmp(nm, "bitwise_", 8) == 0;
      const bool scatter = std::strncmp(nm, "scatter", 7) == 0;
      const bool addc = std::strncmp(nm, "addc", 4) == 0;
      const bool no_derivative = !std::strcmp(nm, "asinh") || !std::strcmp(nm, "acosh") || !std::strcmp(nm, "atanh");
      const bool masked_fill = !std::strcmp(nm, "masked_fill");
      // The parameters marked Tensor(nograd) (masked_fill_'s mask): no differentiable input of
      // PyTorch's kernel, so not in the compute_requires_grad that decides check_inplace.
      std::vector<bool> nograd;
      {
        const size_t open = s.find('('), close = s.find(')');
        int depth = 0;
        bool cur = false;
        for (size_t i = open + 1; i < close && i < s.size(); ++i) {
          const char ch = s[i];
          if (ch == '[') ++depth;
          else if (ch == ']') --depth;
          else if (ch == ',' && depth == 0) nograd.push_back(cur), cur = false;
          if (s.compare(i, 8, "(nograd)") == 0) cur = true;
        }
        nograd.push_back(cur);
      }
      t.push_back({s, where, [call, op, bitwise, scatter, addc, no_derivative, masked_fill, nograd](const Args& a) {
                     Tensor self = a.t(0);
                     // PyTorch checks that the result type can be written into self before the
                     // kernel's own dtype check: int16.bitwise_and_(2.5) fails on the cast.
                     if (bitwise && a.v.size() > 1 && !self.is_floating_point()) {
                       const Value& o = a.v[1];
                       const bool fl = o.kind == Value::Kind::Float || (o.kind == Value::Kind::Tensor && o.t.is_floating_point());
                       TL_CHECK(!fl, "result type ", dtype_kernel_name(o.kind == Value::Kind::Tensor ? promote(self.dtype(), o.t.dtype()) : default_float_dtype()),
                                " can't be cast to the desired output type ", dtype_kernel_name(self.dtype()));
                     }
                     // Autograd's check_inplace comes first when any input requires grad (for self
                     // inplace_apply does it): x.scatter_(d, i, src_that_requires_grad) on a view
                     // made in no_grad mode is refused before the op's own checks. A mask that
                     // requires grad does not count (PyTorch: x.masked_fill_(m, 1.0) on such a view
                     // writes).
                     if (grad_enabled() && !self.requires_grad())
                       for (size_t k = 1; k < a.v.size(); ++k)
                         if (a.v[k].kind == Value::Kind::Tensor && a.v[k].t.requires_grad() &&
                             !(k < nograd.size() && nograd[k])) {
                           check_view_inplace(self);
                           break;
                         }
                     // the per-element form (inplace_apply: self overlapping itself or an input)
                     Elementwise ew;
                     std::vector<size_t> slots;
                     ew.operands.push_back(self);
                     for (size_t k = 1; k < a.v.size(); ++k)
                       if (a.v[k].kind == Value::Kind::Tensor) ew.operands.push_back(a.v[k].t), slots.push_back(k);
                     ew.f = [&](const std::vector<Tensor>& v) {
                       Args ap = a;
                       ap.v[0] = Value::tensor(v[0]);
                       for (size_t i = 0; i < slots.size(); ++i) ap.v[slots[i]] = Value::tensor(v[i + 1]);
                       return call(ap).t;
                     };
                     inplace_apply(op.c_str(), self, [&] {
                       // The kernel's memory checks (after autograd's leaf check): scatter's
                       // assert_no_overlap(self, index / src) refuses any overlap, after its dim /
                       // dtype / shape checks; TensorIterator's assert_no_partial_overlap(self,
                       // input) a partial one (x.add_(x) is fine), before its shape and dtype checks.
                       auto overlaps = [&] {
                         for (size_t k = 1; k < a.v.size(); ++k)
                           // masked_fill_'s 0-d value is read as a number first (value.item())
                           if (a.v[k].kind == Value::Kind::Tensor && !(masked_fill && k == 2)) {
                             const Overlap o = overlap_status(self, a.v[k].t);
                             check_overlap(o == Overlap::Partial || (scatter && o == Overlap::Full));
                           }
                       };
                       if (!scatter) overlaps();
                       Tensor r;  // reads only: self is written by inplace_apply
                       try {
                         if (no_derivative) {
                           {
                             NoGradGuard ng;
                             r = call(a).t;
                           }
                           record(op_row(op.c_str()), {&self}, r);
                         } else {
                           const uint64_t seq_before = last_node_seq();
                           r = call(a).t;
                           // A NotImplemented node of PyTorch's autograd fallback names the
                           // in-place op in its error (floor_divide_).
                           const auto& fn = r.defined() ? r.grad_fn() : nullptr;
                           if (fn && fn->seq > seq_before && fn->row && fn->row->grad_fn == "NotImplemented")
                             fn->attrs().b0 = true;
                         }
                       } catch (const PartialWriteError&) {  // an index out of bounds: after the overlap check
                         if (scatter) overlaps();
                         throw;
                       }
                       if (scatter) overlaps();
                       // addcmul_/addcdiv_: a result dtype other than self's that can be cast to it
                       // (float32 self, float64 tensors) trips the CPU kernel's assert in 1.13.
                       TL_CHECK(!addc || r.dtype() == self.dtype() || dtype_category(r.dtype()) > dtype_category(self.dtype()),
                                "!needs_dynamic_casting<func_t>::check(iter) INTERNAL ASSERT FAILED at "
                                "\"./aten/src/ATen/native/cpu/Loops.h\":349, please report a bug to PyTorch. ");
                       return r;
                     }, nullptr, scatter ? nullptr : &ew);
                     return a.v[0];
                   }, no_derivative ? inplace_not_implemented_bw : nullptr,
                   no_derivative ? "not implemented in PyTorch 1.13" : ""});
    }
  }
}

}  // namespace tl
