// Elementwise ops: forward, backward (written with differentiable ops so higher-order gradients
// work), side by side. Broadcasting: backward returns gradients of the output's shape; the
// engine reduces them to each input's shape with sum_to.
#include <cmath>
#include <cstring>
#include <limits>

#include "engine/autograd/engine.h"
#include "engine/autograd/node.h"
#include "engine/ops/op_table.h"
#include "engine/kernels/elementwise.h"
#include "engine/kernels/fast_math.h"
#include "engine/kernels/fused_backward.h"
#include "engine/kernels/sleef_math.h"
#include "engine/ops/act_kernel.h"
#include "engine/ops/ops.h"

namespace tl {

// The row-major positions of shape s's elements in the order a serial TensorIterator loop visits
// them, for operands with these element strides (0: broadcast): its reorder_dimensions (dims by
// stride, each operand in turn having its say; equal strides: the smaller size first), the first
// dim fastest.
std::vector<int64_t> iteration_order(const Shape& s, const std::vector<Dims>& strides) {
  const int nd = s.n;
  std::vector<int> perm(static_cast<size_t>(nd));
  for (int i = 0; i < nd; ++i) perm[size_t(i)] = nd - 1 - i;
  auto should_swap = [&](int d0, int d1) {
    for (const Dims& st : strides) {
      const int64_t s0 = st[d0], s1 = st[d1];
      if (s0 == 0 || s1 == 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (s[d0] > s[d1]) return 1;
    }
    return 0;
  };
  for (int i = 1; i < nd; ++i) {
    int d1 = i;
    for (int d0 = i - 1; d0 >= 0; --d0) {
      const int c = should_swap(perm[size_t(d0)], perm[size_t(d1)]);
      if (c > 0) {
        std::swap(perm[size_t(d0)], perm[size_t(d1)]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  std::vector<int64_t> rm(static_cast<size_t>(nd), 1);  // row-major strides of s
  for (int d = nd - 2; d >= 0; --d) rm[size_t(d)] = rm[size_t(d + 1)] * s[d + 1];
  std::vector<int64_t> order;
  order.reserve(size_t(s.numel()));
  std::vector<int64_t> idx(static_cast<size_t>(nd), 0);
  for (int64_t k = 0; k < s.numel(); ++k) {
    int64_t lin = 0;
    for (int d = 0; d < nd; ++d) lin += idx[size_t(d)] * rm[size_t(d)];
    order.push_back(lin);
    for (int p = 0; p < nd; ++p) {  // perm[0] fastest
      const int d = perm[size_t(p)];
      if (++idx[size_t(d)] < s[d]) break;
      idx[size_t(d)] = 0;
    }
  }
  return order;
}

void check_int_divisor(const Tensor& a, const Tensor& b, const Shape& s, DType rt,
                       const std::function<Tensor(const Tensor&)>& with_divisor) {
  if (s.numel() == 0) return;  // no division
  NoGradGuard ng;
  const Tensor b_nz = ne(b, Tensor::scalar(0, b.dtype()));  // b's own elements: no broadcast copy
  const bool* q = b_nz.data_ptr<bool>();
  if (std::find(q, q + b_nz.numel(), false) == q + b_nz.numel()) return;
  TL_CHECK(a.shape() == s && a.dtype() == rt, "ZeroDivisionError");  // into a temporary: nothing kept
  const Tensor nz = contiguous(expand(b_nz, s.vec()));  // a zero divisor: where the write stops
  const bool* p = nz.data_ptr<bool>();
  // The elements written before the kernel meets the first zero divisor, in its order over the
  // operands (the destination a, a, b).
  const std::vector<int64_t> order = iteration_order(s, {a.strides(), a.strides(), expand(b, s.vec()).strides()});
  std::vector<double> before(size_t(s.numel()), 0.0);
  for (int64_t lin : order) {
    if (!p[lin]) break;
    before[size_t(lin)] = 1.0;
  }
  const Tensor r = with_divisor(where(nz, b, Tensor::scalar(1, b.dtype())));  // exact where written
  const Tensor mask = Tensor::from_data(before, s, DType::Bool);
  throw PartialWriteError("ZeroDivisionError", where(mask, r, a));
}

namespace {

enum class Bin { Add, Sub, Mul, Div, Pow, Max, Min, Rem, FloorDiv, And, Or, Xor, Shl, Shr, Eq, Ne, Lt, Le, Gt, Ge };

int category(DType t) { return dtype_category(t); }

// PyTorch's result_type for two tensors: a 0-d tensor only decides the dtype when it is of a
// higher category (bool < int < float) than the dimensioned one.
DType result_type(const Tensor& a, const Tensor& b) {
  bool za = a.dim() == 0, zb = b.dim() == 0;
  if (za == zb) return promote(a.dtype(), b.dtype());
  const Tensor& z = za ? a : b;
  const Tensor& d = za ? b : a;
  if (category(z.dtype()) > category(d.dtype())) return promote(z.dtype(), d.dtype());
  return d.dtype();
}

const char* bin_name(Bin op) {
  static const char* n[] = {"add", "sub", "mul", "div", "pow", "maximum", "minimum", "remainder", "floor_divide",
                            "bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_left_shift", "bitwise_right_shift",
                            "eq",  "ne",  "lt",  "le",  "gt",  "ge"};
  return n[int(op)];
}

// Integer arithmetic wraps around on overflow, as PyTorch's does (uint8 255 + 1 == 0): signed
// overflow is undefined in C++, so it is done in the unsigned type of the same width (int8/int16/
// uint8 operands are promoted to int by C++, which cannot overflow for + and -, and the
// conversion back truncates modulo 2^bits).
template <class T>
using wrap_t = std::conditional_t<std::is_integral<T>::value && !std::is_same<T, bool>::value,
                                  std::make_unsigned_t<std::conditional_t<std::is_same<T, bool>::value, int, T>>, T>;
template <class T>
inline T iadd(T a, T b) {
  if constexpr (std::is_same<T, bool>::value || std::is_floating_point<T>::value) return T(a + b);
  else return T(wrap_t<T>(wrap_t<T>(a) + wrap_t<T>(b)));
}
template <class T>
inline T isub(T a, T b) {
  if constexpr (std::is_same<T, bool>::value || std::is_floating_point<T>::value) return T(a - b);
  else return T(wrap_t<T>(wrap_t<T>(a) - wrap_t<T>(b)));
}
template <class T>
inline T imul(T a, T b) {
  if constexpr (std::is_same<T, bool>::value || std::is_floating_point<T>::value) return T(a * b);
  else if constexpr (sizeof(T) < sizeof(int)) return T(wrap_t<T>(uint32_t(wrap_t<T>(a)) * uint32_t(wrap_t<T>(b))));
  else return T(wrap_t<T>(wrap_t<T>(a) * wrap_t<T>(b)));
}
// PyTorch's integer power: repeated squaring with wrap-around; a negative exponent gives 0
// unless the base is 1 or -1.
template <class T>
inline T ipow(T a, int64_t b) {
  if constexpr (std::is_signed<T>::value)
    if (b < 0) return a == 1 ? 1 : a == -1 ? ((b & 1) ? -1 : 1) : 0;
  if (b < 0) return a == 1 ? 1 : 0;
  uint64_t r = 1, base = uint64_t(int64_t(a));
  for (uint64_t e = uint64_t(b); e; e >>= 1, base *= base)
    if (e & 1) r *= base;
  return T(r);
}
// Python's % and // (PyTorch's remainder and floor_divide): the remainder has the divisor's sign;
// the quotient is rounded down. Integers: division by zero is an error.
template <class T>
inline T grem(T a, T b) {
  if constexpr (std::is_same<T, bool>::value) {
    TL_FAIL("\"remainder_cpu\" not implemented for 'Bool'");
  } else if constexpr (std::is_floating_point<T>::value) {
    T m = std::fmod(a, b);
    if (m != 0 && ((b < 0) != (m < 0))) m += b;
    return m;
  } else {
    TL_CHECK(b != 0, "ZeroDivisionError");
    if (b == -1) return 0;  // INT64_MIN % -1 overflows in C++
    T m = a % b;
    if (m != 0 && ((b < 0) != (m < 0))) m += b;
    return m;
  }
}
template <class T>
inline T gfloordiv(T a, T b) {
  if constexpr (std::is_same<T, bool>::value) {
    TL_FAIL("\"div_floor_cpu\" not implemented for 'Bool'");
  } else if constexpr (std::is_floating_point<T>::value) {  // PyTorch's div_floor_floating
    if (b == 0) return a / b;
    T mod = std::fmod(a, b);
    T div = (a - mod) / b;
    if (mod != 0 && ((b < 0) != (mod < 0))) div -= T(1);
    if (div == 0) return std::copysign(T(0), a / b);
    T fl = std::floor(div);
    return div - fl > T(0.5) ? fl + T(1) : fl;
  } else {
    TL_CHECK(b != 0, "ZeroDivisionError");
    if (b == -1) return isub(T(0), a);
    T q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
  }
}
// Shifts as PyTorch 1.13's CPU kernels compute them: C++'s `a << b` / `a >> b` on the operands
// promoted to at least 32 bits, where x86 takes the shift count modulo the operand width (so
// int64 1 << 70 == 64, int8 1 << 9 == 0 after truncation, int8 -1 >> 9 == -1). Left shifts are
// done unsigned (no signed-overflow UB), right shifts arithmetic for signed types.
template <class T>
inline T gshl(T a, T b) {
  using W = std::conditional_t<(sizeof(T) > 4), uint64_t, uint32_t>;
  const unsigned n = unsigned(int64_t(b)) & unsigned(sizeof(W) * 8 - 1);
  return T(W(std::conditional_t<(sizeof(T) > 4), int64_t, int32_t>(a)) << n);
}
template <class T>
inline T gshr(T a, T b) {
  using S = std::conditional_t<(sizeof(T) > 4), int64_t, int32_t>;
  const unsigned n = unsigned(int64_t(b)) & unsigned(sizeof(S) * 8 - 1);
  return T(S(a) >> n);
}

template <class T>
inline T gpow(T x, T y) {
  if constexpr (std::is_same<T, bool>::value) return T(x || !y);
  else if constexpr (std::is_integral<T>::value) return ipow(x, int64_t(y));
  else return T(std::pow(x, y));
}

// The bitwise ops for one element type (a template, so that `if constexpr` drops the integer
// operators for the float instantiations).
template <class T>
void bitwise_kernel(Bin op, const Tensor& a, const Tensor& b, Tensor& out) {
  using kernels::binary_loop;
  if constexpr (std::is_integral<T>::value) {
    if (op == Bin::And) binary_loop<T, T>(a, b, out, [](T x, T y) { return T(x & y); });
    else if (op == Bin::Or) binary_loop<T, T>(a, b, out, [](T x, T y) { return T(x | y); });
    else if (op == Bin::Xor) binary_loop<T, T>(a, b, out, [](T x, T y) { return T(x ^ y); });
    else if constexpr (!std::is_same<T, bool>::value) {
      if (op == Bin::Shl) binary_loop<T, T>(a, b, out, [](T x, T y) { return gshl(x, y); });
      else binary_loop<T, T>(a, b, out, [](T x, T y) { return gshr(x, y); });
    }
  } else {
    (void)op, (void)a, (void)b, (void)out;
  }
}

}  // namespace

// Calls f(i, oa, ob) for each element i of out (offsets oa, ob into a and b) that PyTorch computes
// with AVX2 vectors (kernels::simd_row_length).
template <class F>
void for_each_simd_element(const Tensor& out, const Tensor& a, const Tensor& b, F&& f) {
  const Shape& s = out.shape();
  const Dims sa = kernels::broadcast_strides(s, a.shape(), a.strides()), sb = kernels::broadcast_strides(s, b.shape(), b.strides());
  const int64_t n = kernels::simd_row_length(s, {sa, sb}, int64_t(dtype_size(out.dtype())));
  if (n == 0) return;
  const int64_t lim = n - n % (2 * 32 / int64_t(dtype_size(out.dtype())));
  for (int64_t i = 0, N = out.numel(); i < N; ++i) {
    if (i % n >= lim) continue;
    int64_t r = i, oa = 0, ob = 0;
    for (int d = s.n - 1; d >= 0; --d) {
      const int64_t c = r % s.d[d];
      r /= s.d[d], oa += c * sa.d[d], ob += c * sb.d[d];
    }
    f(i, oa, ob);
  }
}

// PyTorch 1.13's vectorized fmod (SLEEF's xfmodf / xfmod, also inside remainder and floor_divide)
// starts from the partial quotient trunc(toward0(|x|) * toward0(1 / |y|)) (both scaled by 2^25 /
// 2^54 for a subnormal y) and ends in NaN when that overflows: 1 % 1e-45 or 1e30 % 1e-30 are NaN
// in the vectorized elements where std::fmod (the scalar code) is exact.
template <class T>
bool sleef_fmod_overflows(T x, T y) {
  if (!std::isfinite(x) || !std::isfinite(y) || y == 0) return false;  // as std::fmod (or b == 0 handled apart)
  T nu = std::abs(x), de = std::abs(y);
  if (de < std::numeric_limits<T>::min()) {
    const T k = sizeof(T) == 4 ? T(33554432.0) : T(18014398509481984.0);  // 2^25, 2^54
    nu *= k, de *= k;
  }
  if (nu < de) return false;
  auto toward0 = [](T v) { return std::nextafter(v, T(0)); };  // SLEEF's vtoward0: one ulp toward 0
  return std::isinf(toward0(nu) * toward0(T(1) / de));
}

void simd_fmod_nan(Tensor& out, const Tensor& a, const Tensor& b) {
  TL_DISPATCH_FLOAT(out.dtype(), T, [&] {
    T* po = out.data_ptr<T>();
    const T *pa = a.data_ptr<T>(), *pb = b.data_ptr<T>();
    for_each_simd_element(out, a, b, [&](int64_t i, int64_t oa, int64_t ob) {
      if (sleef_fmod_overflows(pa[oa], pb[ob])) po[i] = std::numeric_limits<T>::quiet_NaN();
    });
  });
}

// PyTorch's TensorIterator allocates an op's output in its inputs' memory order (x.t() + 1 is not
// contiguous, and a later random_ / normal_ on it draws in that order): the strides it gives
// `out` (computed row-major here) are noted on it (TensorImpl::ti_strides) for call_op to apply
// when a row returns it to the script. Inputs of the same shape and strides, non-overlapping and
// dense: those very strides (TensorIterator's fast setup); else dense strides in ti_perm's order.
Tensor ti_layout_hint(Tensor out, std::initializer_list<const Tensor*> ins) {
  return ti_layout_hint(std::move(out), ins.begin(), ins.size());
}
Tensor ti_layout_hint(Tensor out, const Tensor* const* ins_, size_t n_ins) {
  struct {
    const Tensor* const* b;
    size_t n;
    const Tensor* const* begin() const { return b; }
    const Tensor* const* end() const { return b + n; }
  } ins{ins_, n_ins};
  const int nd = out.dim();
  if (!out.defined() || nd == 0 || out.numel() == 0 || n_ins == 0 || out.impl()->is_zero || out.impl()->view_base)
    return out;
  bool contiguous = true;
  for (const Tensor* t : ins) {
    if (!t->defined()) return out;
    if (t->impl() == out.impl() || t->impl()->storage == out.impl()->storage) return out;  // not a fresh result
    contiguous = contiguous && t->is_contiguous();
  }
  if (contiguous) return out;
  Dims st[4];
  int n = 0;
  for (const Tensor* t : ins) {  // TensorIterator's strides: 0 where an input's size-1 dim broadcasts
    if (n == 4) return out;
    Dims& d = st[n++];
    d.n = nd;
    for (int i = 0; i < nd; ++i) {
      const int j = t->dim() - nd + i;
      d.d[i] = j < 0 || (t->shape()[j] == 1 && out.shape()[i] != 1) ? 0 : t->strides()[j];
    }
  }
  Dims strides;
  strides.n = nd;
  // fast setup: every input of out's shape with the same strides, non-overlapping and dense
  bool same = true;
  for (const Tensor* t : ins) same = same && t->shape() == out.shape() && t->strides() == ins.begin()[0]->strides();
  if (same) {
    const Tensor& t = *ins.begin()[0];
    std::vector<std::pair<int64_t, int64_t>> ds;  // (stride, size) of the dims of size > 1
    for (int k = 0; k < nd; ++k)
      if (t.shape()[k] > 1) ds.push_back({t.strides()[k], t.shape()[k]});
    std::sort(ds.begin(), ds.end());
    int64_t expect = 1;
    for (const auto& d : ds) {
      if (d.first != expect) same = false;
      expect *= d.second;
    }
    if (same) strides = t.strides();
  }
  if (!same) {
    int perm[kMaxDims];  // perm[0]: the fastest dim
    kernels::ti_perm(out.shape(), st, n, perm);
    int64_t step = 1;
    for (int i = 0; i < nd; ++i) strides.d[perm[i]] = step, step *= out.shape()[perm[i]];
  }
  if (strides == out.strides()) return out;
  out.impl()->ti_strides = std::make_shared<const Dims>(strides);
  return out;
}

Tensor efficient_zeros(const Shape& s, DType t) {
  Tensor z = zeros(s, t);
  z.impl()->is_zero = true;
  return z;
}
Tensor materialize_zero(const Tensor& t) {
  return t.defined() && t.impl()->is_zero ? zeros(t.shape(), t.dtype()) : t;
}
void check_not_efficient_zero(const Tensor& t) {
  TL_CHECK(!t.impl()->is_zero, "ZeroTensors are immutable. Please use the materialized zero tensor obtained using "
           ".clone() if you want a mutable tensor.");
}

namespace {

// maximum/minimum on AVX2 vectors (_mm256_max_ps / _mm256_min_ps) return the second operand on a
// tie, where the scalar std::max / std::min return the first: max(-0.0, +0.0) is +0.0 in the
// elements PyTorch computes with vectors (kernels::simd_row_length), -0.0 in the others.
void simd_ties_to_second(Tensor& out, const Tensor& a, const Tensor& b) {
  TL_DISPATCH_FLOAT(out.dtype(), T, [&] {
    T* po = out.data_ptr<T>();
    const T *pa = a.data_ptr<T>(), *pb = b.data_ptr<T>();
    for_each_simd_element(out, a, b, [&](int64_t i, int64_t oa, int64_t ob) {
      if (pa[oa] == pb[ob]) po[i] = pb[ob];
    });
  });
}

Tensor binary(Bin op, const Tensor& a0, const Tensor& b0);

// PyTorch's mul/div/add/sub_zerotensor (BinaryOps.cpp), with a (converted to ct, broadcast to
// `shape`) and b: an efficient zero operand (za, zb) is no number. x * 0 and 0 / x are efficient
// zeros again (0 * NaN is 0), x / 0 is inf and 0 / 0 NaN everywhere, 0 + x is x (so -0.0 stays)
// and x - 0 is x; k: b's factor in a sum (add_alpha's alpha, -1 for sub). Undefined: no zero operand.
Tensor zero_operand_arith(Bin op, const Tensor& a, const Tensor& b, bool za, bool zb, double k, const Shape& shape,
                          DType ct) {
  if (!za && !zb) return Tensor();
  switch (op) {
    case Bin::Mul: return efficient_zeros(shape, ct);
    case Bin::Div:
      if (za && zb) return full(shape, NAN, ct);
      return za ? efficient_zeros(shape, ct) : full(shape, INFINITY, ct);
    case Bin::Add:
    case Bin::Sub:
      if (za && zb) return efficient_zeros(shape, ct);
      // A copy of the other operand (times k when it is b), in the result's shape.
      return binary(Bin::Mul, za ? b : a, full(shape, za ? k : 1, ct));
    default: return Tensor();
  }
}

}  // namespace
const char* sub_check_message(bool a_bool, bool b_bool) {
  if (a_bool && b_bool)
    return "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` "
           "operator instead.";
  if (a_bool || b_bool)
    return "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, "
           "use the `~` or `logical_not()` operator instead.";
  return nullptr;
}
void sub_check(bool a_bool, bool b_bool) {
  const char* m = sub_check_message(a_bool, b_bool);
  TL_CHECK(!m, m);
}
namespace {

Tensor binary_rowmajor(Bin op, const Tensor& a0, const Tensor& b0);
Tensor binary(Bin op, const Tensor& a0, const Tensor& b0) {
  return ti_layout_hint(binary_rowmajor(op, a0, b0), {&a0, &b0});
}
Tensor binary_rowmajor(Bin op, const Tensor& a0, const Tensor& b0) {
  const char* name = bin_name(op);
  TL_CHECK(a0.defined() && b0.defined(), name, ": undefined tensor");
  Shape out_shape = broadcast_shapes(name, a0.shape(), b0.shape());
  DType ct = result_type(a0, b0);
  if (op == Bin::Div && !is_floating(ct)) ct = default_float_dtype();  // true division
  if (op == Bin::Sub) sub_check(a0.dtype() == DType::Bool, b0.dtype() == DType::Bool);
  TL_CHECK(!(op == Bin::Pow && ct == DType::Bool), "\"pow\" not implemented for 'Bool'");
  // The kernels' dtype dispatch, before any element (an empty bool tensor fails too).
  TL_CHECK(!(op == Bin::FloorDiv && ct == DType::Bool), "\"div_floor_cpu\" not implemented for 'Bool'");
  TL_CHECK(!(op == Bin::Rem && ct == DType::Bool), "\"remainder_cpu\" not implemented for 'Bool'");
  if ((op == Bin::FloorDiv || op == Bin::Rem) && is_int(ct))
    check_int_divisor(a0, b0, out_shape, ct, [&](const Tensor& nonzero) { return binary(op, a0, nonzero); });
  // Bitwise ops exist for integers and bool (shifts: integers only), on the promoted type.
  if (op >= Bin::And && op <= Bin::Shr) {
    static const char* kn[] = {"bitwise_and_cpu", "bitwise_or_cpu", "bitwise_xor_cpu", "lshift_cpu", "rshift_cpu"};
    const bool shift = op == Bin::Shl || op == Bin::Shr;
    TL_CHECK(!is_floating(ct) && !(shift && ct == DType::Bool), "\"", kn[int(op) - int(Bin::And)],
             "\" not implemented for '", dtype_kernel_name(ct), "'");
  }
  Tensor a = a0.dtype() == ct ? a0 : to_dtype(a0, ct);
  Tensor b = b0.dtype() == ct ? b0 : to_dtype(b0, ct);
  if (Tensor z = zero_operand_arith(op, a, b, a0.impl()->is_zero, b0.impl()->is_zero, op == Bin::Sub ? -1 : 1,
                                    out_shape, ct);
      z.defined())
    return z;
  bool cmp = op >= Bin::Eq;
  if (is_int(ct) && ct != DType::Int64) {
    // int32/int16/int8/uint8: computed in int64 on the values already cast to ct, then cast back.
    // Wrapping arithmetic mod 2^bits commutes with that (the low bits of int64 +, -, *, pow and
    // bitwise ops are the narrow type's); comparisons, max/min, // and % see the same values.
    // Shifts: the narrow types shift in 32 bits in PyTorch (x86 masks the count to 5 bits), so
    // the count is masked the same way first. This keeps one kernel set (int64) for all integer
    // widths: compile time and wasm size do not grow with every integer dtype.
    Tensor wa = to_dtype(a, DType::Int64), wb = to_dtype(b, DType::Int64);
    if (op == Bin::Shl || op == Bin::Shr) wb = binary(Bin::And, wb, Tensor::scalar(31, DType::Int64));
    Tensor r = binary(op, wa, wb);
    return cmp ? r : to_dtype(r, ct);
  }
  Tensor out = Tensor::empty(out_shape, cmp ? DType::Bool : ct);
  TL_DISPATCH_WIDE(ct, T, [&] {
    using kernels::binary_loop;
    switch (op) {
      case Bin::Add: binary_loop<T, T>(a, b, out, [](T x, T y) { return iadd(x, y); }); break;
      case Bin::Sub: binary_loop<T, T>(a, b, out, [](T x, T y) { return isub(x, y); }); break;
      case Bin::Mul: binary_loop<T, T>(a, b, out, [](T x, T y) { return imul(x, y); }); break;
      case Bin::Div:
        binary_loop<T, T>(a, b, out, [](T x, T y) { return T(x / y); });
        break;
      case Bin::Pow:
        binary_loop<T, T>(a, b, out, [](T x, T y) { return gpow(x, y); });
        break;
      // NaN wins; else std::max / std::min: x on a tie (+0.0 vs -0.0), see simd_ties_to_second
      case Bin::Max:
        binary_loop<T, T>(a, b, out, [](T x, T y) { return y != y ? y : x < y ? y : x; });
        break;
      case Bin::Min:
        binary_loop<T, T>(a, b, out, [](T x, T y) { return y != y ? y : y < x ? y : x; });
        break;
      case Bin::Rem: binary_loop<T, T>(a, b, out, [](T x, T y) { return grem(x, y); }); break;
      case Bin::FloorDiv: binary_loop<T, T>(a, b, out, [](T x, T y) { return gfloordiv(x, y); }); break;
      case Bin::And:
      case Bin::Or:
      case Bin::Xor:
      case Bin::Shl:
      case Bin::Shr:
        bitwise_kernel<T>(op, a, b, out);  // (floats rejected above)
        break;
      case Bin::Eq: binary_loop<T, bool>(a, b, out, [](T x, T y) { return x == y; }); break;
      case Bin::Ne: binary_loop<T, bool>(a, b, out, [](T x, T y) { return x != y; }); break;
      case Bin::Lt: binary_loop<T, bool>(a, b, out, [](T x, T y) { return x < y; }); break;
      case Bin::Le: binary_loop<T, bool>(a, b, out, [](T x, T y) { return x <= y; }); break;
      case Bin::Gt: binary_loop<T, bool>(a, b, out, [](T x, T y) { return x > y; }); break;
      case Bin::Ge: binary_loop<T, bool>(a, b, out, [](T x, T y) { return x >= y; }); break;
    }
  });
  if ((op == Bin::Max || op == Bin::Min) && is_floating(ct)) simd_ties_to_second(out, a, b);
  if ((op == Bin::Rem || op == Bin::FloorDiv) && is_floating(ct)) simd_fmod_nan(out, a, b);
  return out;
}

}  // namespace

// self <- self (op) o written straight into self's memory (no temporary, no copy back) when nothing
// records and nothing converts: self contiguous, o of self's dtype, broadcastable to self, and not
// sharing self's memory (an overlapping operand must be read before it is written). Returns false
// when the general path (compute, then write back) is needed.
bool arith_into_self(char op, Tensor& self, const Tensor& o) {
  if (!self.is_contiguous() || o.dtype() != self.dtype() || !is_floating(self.dtype())) return false;
  if (o.impl()->storage == self.impl()->storage) return false;
  if (o.dim() > self.dim()) return false;
  for (int i = 1; i <= o.dim(); ++i) {
    const int64_t so = o.shape()[o.dim() - i], ss = self.shape()[self.dim() - i];
    if (so != ss && so != 1) return false;
  }
  Bin b;
  switch (op) {
    case '+': b = Bin::Add; break;
    case '-': b = Bin::Sub; break;
    case '*': b = Bin::Mul; break;
    case '/': b = Bin::Div; break;
    default: return false;
  }
  TL_DISPATCH_FLOAT(self.dtype(), T, [&] {
    using kernels::binary_loop;
    switch (b) {
      case Bin::Add: binary_loop<T, T>(self, o, self, [](T x, T y) { return T(x + y); }); break;
      case Bin::Sub: binary_loop<T, T>(self, o, self, [](T x, T y) { return T(x - y); }); break;
      case Bin::Mul: binary_loop<T, T>(self, o, self, [](T x, T y) { return T(x * y); }); break;
      default: binary_loop<T, T>(self, o, self, [](T x, T y) { return T(x / y); }); break;
    }
  });
  self.bump_version();
  return true;
}

namespace {

enum class Un { Neg, Exp, Log, Sqrt, Abs, Sin, Cos, Tanh, Sigmoid, Relu, Erf, Sign, Not, LeakyRelu, Softplus,
                Clamp, PowScalar };
struct UnParams {
  double p0 = 0, p1 = 0;
  bool has_lo = false, has_hi = false;
};

bool keeps_int(Un op) {
  return op == Un::Neg || op == Un::Abs || op == Un::Relu || op == Un::Sign || op == Un::Clamp ||
         op == Un::PowScalar;
}

// float32 sin / cos as PyTorch 1.13 computes them: its vml kernels run every element through
// SLEEF's 8-lane vectors (kernels/sleef_math.h), in groups of 8 from the start of each row of
// TensorIterator's layout (the last group zero-padded); an element with |x| >= 125, inf or NaN
// sends its whole group through SLEEF's large-argument reduction, which can change the others'
// last bit. (A permuted dense input, whose output PyTorch lays out like it, is grouped in
// tensorlens' row-major output order here.)
static void sleef_trig_loop(const Tensor& x, Tensor& out, float (*f)(float, bool)) {
  Shape shape = out.shape();
  Dims st[2] = {contiguous_strides(shape), x.strides()};
  kernels::ti_layout(shape, st, 2);
  const float* px = x.data_ptr<float>();
  float* po = out.data_ptr<float>();
  const int64_t base[2] = {0, 0};
  kernels::for_each_row<2>(shape, st, base, [&](int64_t cnt, const int64_t* off, const int64_t* step) {
    const float* a = px + off[1];
    float* o = po + off[0];
    for (int64_t g = 0; g < cnt; g += 8) {
      const int64_t e = std::min(cnt, g + 8);
      bool large = false;
      for (int64_t j = g; j < e; ++j) large = large || kernels::sleef_trig_large(a[j * step[1]]);
      for (int64_t j = g; j < e; ++j) o[j * step[0]] = f(a[j * step[1]], large);
    }
  });
}

Tensor unary_rowmajor(Un op, const Tensor& x0, UnParams p);
Tensor unary(Un op, const Tensor& x0, UnParams p = {}) { return ti_layout_hint(unary_rowmajor(op, x0, p), {&x0}); }
Tensor unary_rowmajor(Un op, const Tensor& x0, UnParams p) {
  TL_CHECK(x0.defined(), "unary op on an undefined tensor");
  Tensor x = x0;
  if (op == Un::Not) {
    Tensor out = Tensor::empty(x.shape(), DType::Bool);
    TL_DISPATCH(x.dtype(), T, [&] { kernels::unary_loop<T, bool>(x, out, [](T v) { return !v; }); });
    return out;
  }
  // PyTorch's kernels that reject bool (and, for leaky_relu/softplus, integer) inputs.
  const char* tname = dtype_kernel_name(x.dtype());
  if (x.dtype() == DType::Bool) {
    TL_CHECK(op != Un::Neg, "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert "
             "a mask, use the `~` or `logical_not()` operator instead.");
    TL_CHECK(op != Un::Abs, "\"abs_cpu\" not implemented for 'Bool'");
    TL_CHECK(op != Un::Relu, "Boolean inputs not supported for relu");
  }
  TL_CHECK(x.is_floating_point() || op != Un::LeakyRelu, "\"leaky_relu_cpu\" not implemented for '", tname, "'");
  TL_CHECK(x.is_floating_point() || op != Un::Softplus, "\"softplus_cpu\" not implemented for '", tname, "'");
  if (!x.is_floating_point() && !keeps_int(op)) x = to_dtype(x, default_float_dtype());
  if (x.dtype() == DType::Bool) x = to_dtype(x, DType::Int64);
  if (is_int(x.dtype()) && x.dtype() != DType::Int64)  // narrow integers: in int64, cast back (as binary())
    return to_dtype(unary(op, to_dtype(x, DType::Int64), p), x.dtype());
  Tensor out = Tensor::empty(x.shape(), x.dtype());
  TL_DISPATCH_WIDE(x.dtype(), T, [&] {
    using kernels::unary_loop;
    using C = std::conditional_t<std::is_same<T, float>::value, float, double>;  // math precision
    switch (op) {
      case Un::Neg:  // floats: IEEE negation (-(+0) = -0, which 0 - x is not)
        if constexpr (std::is_floating_point<T>::value) unary_loop<T, T>(x, out, [](T v) { return -v; });
        else unary_loop<T, T>(x, out, [](T v) { return isub(T(0), v); });
        break;
      case Un::Exp:
        if constexpr (std::is_same<T, float>::value) {  // SLEEF's expf on every element (PyTorch's vml kernel)
          if (x.is_contiguous()) kernels::sleef_expf_n(x.data_ptr<float>(), out.data_ptr<float>(), x.numel());
          else unary_loop<T, T>(x, out, [](T v) { return kernels::sleef_expf(v); });
        }
        else if constexpr (std::is_same<T, double>::value) {  // SLEEF's exp (Vectorized<double>), likewise
          if (x.is_contiguous()) kernels::sleef_exp_n(x.data_ptr<double>(), out.data_ptr<double>(), x.numel());
          else unary_loop<T, T>(x, out, [](T v) { return kernels::sleef_exp(v); });
        }
        else unary_loop<T, T>(x, out, [](T v) { return T(std::exp(C(v))); });
        break;
      case Un::Log:  // float32 / float64: SLEEF's logf / log on every element, as PyTorch's vml kernel
        if constexpr (std::is_same<T, float>::value) unary_loop<T, T>(x, out, [](T v) { return kernels::sleef_logf(v); });
        else if constexpr (std::is_same<T, double>::value) unary_loop<T, T>(x, out, [](T v) { return kernels::sleef_log(v); });
        else unary_loop<T, T>(x, out, [](T v) { return T(std::log(C(v))); });
        break;
      case Un::Sqrt: unary_loop<T, T>(x, out, [](T v) { return T(std::sqrt(C(v))); }); break;
      case Un::Abs:  // floats: |-0.0| = +0.0
        if constexpr (std::is_floating_point<T>::value) unary_loop<T, T>(x, out, [](T v) { return std::fabs(v); });
        else unary_loop<T, T>(x, out, [](T v) { return v < T(0) ? isub(T(0), v) : v; });
        break;
      case Un::Sin:
        if constexpr (std::is_same<T, float>::value) sleef_trig_loop(x, out, kernels::sleef_sinf);
        else unary_loop<T, T>(x, out, [](T v) { return T(std::sin(C(v))); });
        break;
      case Un::Cos:
        if constexpr (std::is_same<T, float>::value) sleef_trig_loop(x, out, kernels::sleef_cosf);
        else unary_loop<T, T>(x, out, [](T v) { return T(std::cos(C(v))); });
        break;
      case Un::Tanh:  // SLEEF's tanhf / tanh on every element (PyTorch's vml kernel, tails included)
        // A float32 tensor of kGrainSize (32768)+ elements (where simd_row_length stops modelling) takes
        // the vectorisable polynomial of fast_math.h (within 2 ulp of SLEEF's): the scalar SLEEF
        // port is ~10x slower, which W3's 1e6-element tanh (native and wasm) cannot afford.
        if constexpr (std::is_same<T, float>::value) {
          if (x.numel() >= kernels::kGrainSize) unary_loop<T, T>(x, out, [](T v) { return kernels::fast_tanh(v); });
          else unary_loop<T, T>(x, out, [](T v) { return kernels::sleef_tanhf(v); });
        }
        else if constexpr (std::is_same<T, double>::value) unary_loop<T, T>(x, out, [](T v) { return kernels::sleef_tanh(v); });
        else unary_loop<T, T>(x, out, [](T v) { return kernels::in_double(v, [](double d) { return std::tanh(d); }); });
        break;
      case Un::Sigmoid:  // ATen's kernel: 1 / (1 + exp(-x)), libm's exp or (in vectors) SLEEF's
        if constexpr (std::is_floating_point<T>::value)
          out = act_kernel(
              x, [](auto v) { return decltype(v)(decltype(v)(1) / (decltype(v)(1) + std::exp(-v))); },
              [](auto v) { return decltype(v)(decltype(v)(1) / (vec_exp(decltype(v)(0) - v) + decltype(v)(1))); });
        else unary_loop<T, T>(x, out, [](T v) { return T(C(1) / (C(1) + std::exp(-C(v)))); });
        break;
      // As PyTorch's clamp_min(x, 0): NaN stays NaN, -0.0 stays -0.0.
      // -0 stays -0 and NaN stays NaN (PyTorch). Spelled so that clang does not turn it into a
      // float max (wasm's f32.max gives +0 for -0).
      case Un::Relu:
        unary_loop<T, T>(x, out, [](T v) {
          if constexpr (std::is_floating_point<T>::value) {  // negative: sign bit set, not NaN, not -0
            using U = std::conditional_t<sizeof(T) == 4, uint32_t, uint64_t>;
            U bits;
            std::memcpy(&bits, &v, sizeof bits);
            const bool negative = (bits >> (sizeof(U) * 8 - 1)) && v == v && v != T(0);
            return negative ? T(0) : v;
          } else {
            return v < T(0) ? T(0) : v;
          }
        });
        break;
      case Un::Erf:  // float32: SLEEF's erff on every element (PyTorch's vml kernel)
        if constexpr (std::is_same<T, float>::value) unary_loop<T, T>(x, out, [](T v) { return kernels::sleef_erff(v); });
        else unary_loop<T, T>(x, out, [](T v) { return T(std::erf(C(v))); });
        break;
      case Un::Sign:
        unary_loop<T, T>(x, out, [](T v) { return T((T(0) < v) - (v < T(0))); });
        break;
      case Un::LeakyRelu: {
        const C s = C(p.p0);
        unary_loop<T, T>(x, out, [s](T v) { return v > T(0) ? v : T(C(v) * s); });
        break;
      }
      case Un::Softplus: {
        const C beta = C(p.p0), thr = C(p.p1);
        auto scalar = [beta, thr](T v) {
          C z = C(v) * beta;
          return T(z > thr ? C(v) : std::log1p(std::exp(z)) / beta);
        };
        if constexpr (std::is_same<T, float>::value)  // vectors: SLEEF's exp and log1p
          out = act_kernel(x, scalar, [beta, thr](float v) {
            const float z = v * beta;
            return z > thr ? v : kernels::sleef_log1pf(kernels::sleef_expf(z)) / beta;
          });
        else if constexpr (std::is_same<T, double>::value)
          out = act_kernel(x, scalar, [beta, thr](double v) {
            const double z = v * beta;
            return z > thr ? v : kernels::sleef_log1p(kernels::sleef_exp(z)) / beta;
          });
        else unary_loop<T, T>(x, out, scalar);
        break;
      }
      case Un::Clamp: {
        const double lo = p.p0, hi = p.p1;
        const bool hl = p.has_lo, hh = p.has_hi;
        unary_loop<T, T>(x, out, [=](T v) {
          if (v != v) return v;
          if (hl && double(v) < lo) v = T(lo);
          if (hh && double(v) > hi) v = T(hi);  // as PyTorch: min(max(x, lo), hi)
          return v;
        });
        break;
      }
      case Un::PowScalar: {  // PyTorch compares the exponent as a double
        if constexpr (std::is_integral<T>::value && !std::is_same<T, bool>::value) {  // integral exponent (checked by pow())
          const int64_t ie = int64_t(p.p0);
          unary_loop<T, T>(x, out, [ie](T v) { return ipow(v, ie); });
        } else if (p.p0 == 2) {
          unary_loop<T, T>(x, out, [](T v) { return T(v * v); });
        } else if (p.p0 == 1) {
          unary_loop<T, T>(x, out, [](T v) { return v; });
        } else if (p.p0 == 0.5) {  // PyTorch: sqrt, so -inf -> NaN and -0.0 -> -0.0 (std::pow: inf, +0.0)
          unary_loop<T, T>(x, out, [](T v) { return T(std::sqrt(C(v))); });
        } else if (p.p0 == -0.5) {  // PyTorch: rsqrt = 1 / sqrt (-0.0 -> -inf, -inf -> NaN)
          unary_loop<T, T>(x, out, [](T v) { return T(C(1) / std::sqrt(C(v))); });
        } else if (p.p0 == 3) {  // PyTorch's pow_tensor_scalar_optimized_kernel: base * base * base
          unary_loop<T, T>(x, out, [](T v) { return T(v * v * v); });
        } else if (p.p0 == -2) {  // 1.0 (a double) / (base * base)
          unary_loop<T, T>(x, out, [](T v) { return T(1.0 / double(v * v)); });
        } else {  // std::pow(base, double exponent): float32 too is computed in double
          const double ed = p.p0;
          unary_loop<T, T>(x, out, [ed](T v) { return T(std::pow(double(v), ed)); });
        }
        break;
      }
      case Un::Not: break;
    }
  });
  return out;
}

Tensor zero_like_scalar(const Tensor& g) { return Tensor::scalar(0, g.dtype()); }
Tensor scalar_of(const Tensor& g, double v) { return Tensor::scalar(v, g.dtype()); }

}  // namespace

// sleef_trig_loop for pointwise_more.cpp's tan.
void sleef_trig_apply(const Tensor& x, Tensor& out, float (*f)(float, bool)) { sleef_trig_loop(x, out, f); }

// PyTorch's maybe_multiply(t, alpha) in add/sub's derivatives: t times the number alpha (its node
// under create_graph is MulBackward1).
static Tensor times_alpha(const Tensor& t, double alpha, bool int_alpha) { return mul_number(t, alpha, int_alpha); }
// ---- add ----  d/da (a + b) = 1, d/db = 1 (alpha: add_alpha below)
static void add_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = g;
  gi[1] = n.has_attrs() && n.needs_input_grad(1) ? times_alpha(g, n.attrs().f0, n.attrs().b0) : g;
}
// ---- sub ----  d/da (a - b) = 1, d/db = -1 (alpha: add_alpha below, f0 = -alpha): -g * alpha
static void sub_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = g;
  if (n.needs_input_grad(1)) gi[1] = n.has_attrs() ? times_alpha(neg(g), -n.attrs().f0, n.attrs().b0) : neg(g);
}
Tensor add(const Tensor& a, const Tensor& b) {
  Tensor out = binary(Bin::Add, a, b);
  record(TL_ROW("add.Tensor"), {&a, &b}, out);
  return out;
}

// clamp's input in the result type with its bounds (PyTorch's result_type): float bounds on an
// integral or bool tensor give the default float dtype, int bounds on a bool tensor give int64.
Tensor clamp_input(const Tensor& x, bool float_bound, bool any_bound) {
  if (!x.is_floating_point() && float_bound) return to_dtype(x, default_float_dtype());
  if (x.dtype() == DType::Bool && any_bound) return to_dtype(x, DType::Int64);
  return x;
}

// ---- add/sub with alpha ----  out = a + alpha * b, d/da = 1, d/db = alpha. As PyTorch's kernel
// (ufunc::add: vec::fmadd(b, alpha, a)) one fused multiply-add per element for floats, so
// `p.add_(g, alpha=-lr)` gives PyTorch's bits; one node (AddBackward0 / SubBackward0) as PyTorch,
// with the factor of b (alpha, or -alpha for sub) in attrs().f0: d/db = that factor.
// The coalesced row length of a + k * b when a (and the fresh contiguous result) are contiguous
// along it and b is one broadcast value per row (PyTorch's is_contiguous_scalar<2>); else 0.
// A result of kGrainSize+ elements (split across threads) is not modelled.
static int64_t alpha_tail_row_length(const Shape& out, const Shape& as, const Dims& ast, const Shape& bs,
                                     const Dims& bst, int64_t) {
  if (out.numel() == 0 || out.numel() >= kernels::kGrainSize) return 0;
  const Dims sa = kernels::broadcast_strides(out, as, ast), sb = kernels::broadcast_strides(out, bs, bst);
  int64_t n = 1;
  for (int d = out.n - 1; d >= 0; --d) {
    if (out.d[d] == 1) continue;
    if (sa.d[d] != n || sb.d[d] != 0) break;
    n *= out.d[d];
  }
  return n;
}

Tensor add_alpha(const Tensor& a0, const Tensor& b0, double alpha, bool is_sub, bool int_alpha) {
  const DType ct = result_type(a0, b0);
  if (!is_floating(ct)) {
    Tensor o = mul(b0, Tensor::scalar(alpha, b0.dtype()));
    return is_sub ? sub(a0, o) : add(a0, o);
  }
  const char* name = is_sub ? "sub" : "add";
  const OpDef& row = is_sub ? TL_ROW("sub.Tensor") : TL_ROW("add.Tensor");
  Shape out_shape = broadcast_shapes(name, a0.shape(), b0.shape());
  Tensor a = a0.dtype() == ct ? a0 : to_dtype(a0, ct);
  Tensor b = b0.dtype() == ct ? b0 : to_dtype(b0, ct);
  const double k = is_sub ? -alpha : alpha;
  Tensor out = zero_operand_arith(is_sub ? Bin::Sub : Bin::Add, a, b, a0.impl()->is_zero, b0.impl()->is_zero, k,
                                  out_shape, ct);
  if (!out.defined()) {
    out = Tensor::empty(out_shape, ct);
    TL_DISPATCH_FLOAT(ct, T, [&] {
      // sub's kernel gets -alpha negated as a Scalar (an int 0 stays +0); its backward's -g * alpha
      // has the sign of the float -alpha (k).
      const T kt = T(int_alpha && alpha == 0 ? 0.0 : k);
      kernels::binary_loop<T, T>(a, b, out, [kt](T x, T y) { return T(std::fma(y, kt, x)); });
      // With b a broadcast scalar along each coalesced row (S = 2 in cpu_kernel_vec), a row's
      // tail past its whole 2-vector chunks goes through basic_loop, which GCC auto-vectorized
      // in 16-byte vectors without the contraction: its first element fused, the next whole
      // 16-byte groups x + k * y in two roundings, the rest fused again (as measured on 1.13).
      const int64_t es = int64_t(sizeof(T));
      const int64_t n = alpha_tail_row_length(out_shape, a.shape(), a.strides(), b.shape(), b.strides(), es);
      if (n > 0 && std::fabs(double(kt)) != 1.0 && kt != T(0)) {
        Tensor plain = Tensor::empty(out_shape, ct);
        kernels::binary_loop<T, T>(a, b, plain, [kt](T x, T y) {
          volatile T p = kt * y;  // rounded on its own
          return T(x + p);
        });
        const int64_t lim = n - n % (64 / es), c = 16 / es;
        const int64_t m = n - lim, hi = lim + 1 + (m >= 1 ? c * ((m - 1) / c) : 0);
        T* po = out.data_ptr<T>();
        const T* pp = plain.data_ptr<T>();
        for (int64_t i = 0; i < out.numel(); ++i) {
          const int64_t j = i % n;
          if (j > lim && j < hi) po[i] = pp[i];
        }
      }
    });
  }
  out = ti_layout_hint(out, {&a0, &b0});
  if (Node* n = record(row, {&a0, &b0}, out)) n->attrs().f0 = k, n->attrs().b0 = int_alpha;
  return out;
}

Tensor sub(const Tensor& a, const Tensor& b) {
  Tensor out = binary(Bin::Sub, a, b);
  record(TL_ROW("sub.Tensor"), {&a, &b}, out);
  return out;
}

// ---- mul ----  d/da (a * b) = b, d/db = a
static void mul_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  if (n.needs_input_grad(0)) gi[0] = mul(g, n.saved_tensor(1));
  if (n.needs_input_grad(1)) gi[1] = mul(g, n.saved_tensor(0));
}
Tensor mul(const Tensor& a, const Tensor& b) {
  Tensor out = binary(Bin::Mul, a, b);
  // Save only what a needed gradient uses (so `y.mul_(2)` on a graph tensor works, as PyTorch).
  if (Node* n = record(TL_ROW("mul.Tensor"), {&a, &b}, out))
    save(n, b.requires_grad() ? a : Tensor()), save(n, a.requires_grad() ? b : Tensor());
  return out;
}
// MulBackward1's formula: mul_tensor_backward(grad, scalar_to_tensor(other)), a MulBackward0.
// scalar_to_tensor makes a plain 0-d tensor (not a wrapped number): int64 for an int, float64 for
// a double, so a 0-d float32 grad times a double promotes to float64 (computed in double) and the
// engine casts the result back (ToCopyBackward0 under create_graph).
void mul_number_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const bool promote = !n.attrs().b0 && g.dim() == 0 && is_floating(g.dtype()) && g.dtype() != DType::Float64;
  gi[0] = mul(g, Tensor::scalar(n.attrs().f0, promote ? DType::Float64 : g.dtype()));
}
Tensor mul_number(const Tensor& t, double v, bool integral) {
  Tensor out = binary(Bin::Mul, t, Tensor::scalar(v, t.dtype()));
  if (Node* n = record(TL_ROW("mul.Scalar"), {&t}, out)) n->attrs().f0 = v, n->attrs().b0 = integral;
  return out;
}

// ---- div ----  d/da (a / b) = 1/b, d/db = -a/b^2
static void div_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor b = n.saved_tensor(1);
  if (n.needs_input_grad(0)) gi[0] = div(g, b);
  // PyTorch 1.13's div_tensor_other_backward: -g * ((a / b) / b), a MulBackward0 under create_graph
  if (n.needs_input_grad(1)) gi[1] = mul(neg(g), div(div(n.saved_tensor(0), b), b));
}
Tensor div(const Tensor& a, const Tensor& b) {
  Tensor out = binary(Bin::Div, a, b);
  if (Node* n = record(TL_ROW("div.Tensor"), {&a, &b}, out)) save(n, b.requires_grad() ? a : Tensor()), save(n, b);
  return out;
}

// ---- div(rounding_mode=) ----  PyTorch's div.Tensor_mode, one DivBackward2 node. None divides
// (div's gradients); 'trunc' rounds the quotient toward zero (std::trunc(a / b); integers divided
// exactly), 'floor' down (floor_divide's kernel); both have zero gradients (div_tensor_self_backward
// and div_tensor_other_backward: zeros_like(grad)), saving what div saves.
static void div_mode_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  if (n.attrs().i0 == 0) return div_bw(n, g, gi);
  (void)n.saved_tensor(1);  // (unpacked as PyTorch's node does: a freed or modified one fails)
  for (size_t i = 0; i < 2; ++i)
    if (n.needs_input_grad(i)) gi[i] = zeros(g.shape(), g.dtype());
}
int rounding_mode_of(const std::optional<std::string>& mode) {
  if (!mode) return 0;
  TL_CHECK(*mode == "trunc" || *mode == "floor",
           "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '", *mode, "'");
  return *mode == "trunc" ? 1 : 2;
}
Tensor div_mode(const Tensor& a, const Tensor& b, int mode) {
  Tensor out;
  {
    NoGradGuard ng;
    if (mode == 0) {
      out = binary(Bin::Div, a, b);
    } else if (mode == 2) {
      out = binary(Bin::FloorDiv, a, b);
    } else {
      const DType rt = result_type_of({&a, &b});
      TL_CHECK(rt != DType::Bool, "\"div_trunc_cpu\" not implemented for 'Bool'");
      if (is_floating(rt)) {
        out = binary(Bin::Div, a, b);  // fresh: rounded in place
        TL_DISPATCH_FLOAT(out.dtype(), T, [&] {
          T* p = out.data_ptr<T>();
          for (int64_t i = 0; i < out.numel(); ++i) p[i] = std::trunc(p[i]);
        });
      } else {
        // the floor quotient, plus one where the exact quotient was negative and not whole
        const auto trunc_div = [&](const Tensor& d) {
          const Tensor q = binary(Bin::FloorDiv, a, d);
          const Tensor r = sub(to_dtype(a, rt), mul(q, to_dtype(d, rt)));
          const Tensor zero = Tensor::scalar(0, rt);
          const Tensor up = mul(ne(r, zero), ne(lt(a, zero), lt(d, zero)));
          return add(q, to_dtype(up, rt));
        };
        // a zero divisor: PyTorch's kernel checks each element as it goes (a PartialWriteError
        // keeps the quotients written before it when a is the destination)
        check_int_divisor(a, b, broadcast_shapes("div", a.shape(), b.shape()), rt, trunc_div);
        out = trunc_div(b);
      }
    }
  }
  if (Node* n = record(TL_ROW("div.Tensor_mode"), {&a, &b}, out)) {
    n->attrs().i0 = mode;
    save(n, b.requires_grad() ? a : Tensor()), save(n, b);
  }
  return out;
}

// The operand of arith(op, tensor, number). Loops like `y = y * 1.0001 + 0.0001` use the same few
// numbers over and over; a fresh 0-d tensor per op was ~10% of a small op's cost (and a saved one
// per graph node for mul/div). Sharing is safe here only: add/sub/mul/div always return a new
// tensor, so the shared one never reaches user code, and nothing writes it.
struct ArithScalar {
  uint64_t bits;
  DType like, default_float;
  bool is_int;
  Tensor t;
};
static thread_local ArithScalar t_arith_scalars[4];
void clear_arith_scalar_cache() {
  for (ArithScalar& e : t_arith_scalars) e.t = Tensor();
}
static Tensor arith_scalar(double v, const Tensor& like, bool is_int) {
  using Entry = ArithScalar;
  auto& cache = t_arith_scalars;
  static thread_local int next = 0;
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  const DType dt = like.dtype(), df = default_float_dtype();
  for (const Entry& e : cache)
    if (e.t.defined() && e.bits == bits && e.like == dt && e.default_float == df && e.is_int == is_int &&
        e.t.impl()->is_inference == inference_mode())  // one made under inference_mode cannot be saved
      return e.t;
  Entry& e = cache[next];
  next = (next + 1) % 4;
  e = Entry{bits, dt, df, is_int, wrap_scalar(v, like, is_int)};
  return e.t;
}

Tensor arith(Arith op, const Tensor& a, const Tensor& b) {
  switch (op) {
    case Arith::Add: return add(a, b);
    case Arith::Sub: return sub(a, b);
    case Arith::Mul: return mul(a, b);
    case Arith::Div: return div(a, b);
  }
  TL_FAIL("arith: bad op ", int(op));
}
Tensor arith(Arith op, const Tensor& a, double b, bool b_is_int) {
  // An integer tensor / a number: true division in the default float type, the number converted
  // to it directly (wrapped into a narrow int type first, 2^53 + 1 would overflow int16).
  if (op == Arith::Div && !a.is_floating_point()) return div(a, Tensor::scalar(b, default_float_dtype()));
  return arith(op, a, arith_scalar(b, a, b_is_int));
}

// ---- neg ----  d/dx (-x) = -1
static void neg_bw(Node&, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = neg(g); }
Tensor neg(const Tensor& x) {
  Tensor out = unary(Un::Neg, x);
  record(TL_ROW("neg"), {&x}, out);
  return out;
}

// ---- pow (tensor exponent) ----  d/dx x^e = e x^(e-1);  d/de x^e = x^e log x  (0 where x = 0, e >= 0)
static void pow_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0), e = n.saved_tensor(1);
  // PyTorch 1.13's pow_backward_self: where(e == 0, 0, g * (e * x^(e-1))) (0 even where x^(e-1) is inf)
  if (n.needs_input_grad(0))
    gi[0] = where(eq(e, zero_like_scalar(e)), zero_like_scalar(g), mul(g, mul(e, pow(x, sub(e, scalar_of(e, 1))))));
  if (n.needs_input_grad(1)) {
    Tensor y = n.saved_tensor(2);  // the result (PyTorch saves it: an in-place change of it is caught)
    // PyTorch 1.13's pow_backward_exponent: g * where(x == 0 & e >= 0, 0, y log x) (a MulBackward0)
    Tensor d = mul(y, log(x));
    Tensor zero_mask = mul(eq(x, zero_like_scalar(x)), ge(e, zero_like_scalar(e)));
    gi[1] = mul(g, where(zero_mask, zero_like_scalar(d), d));
  }
}
static Tensor pow_recorded(const OpDef& row, const Tensor& x, const Tensor& e) {
  Tensor out = binary(Bin::Pow, x, e);
  if (Node* n = record(row, {&x, &e}, out)) save(n, x), save(n, e), save_output(n, out);
  return out;
}
Tensor pow(const Tensor& x, const Tensor& e) { return pow_recorded(TL_ROW("pow.Tensor"), x, e); }

// ---- pow (number base) ----  torch.pow(number, e): pow.Tensor's formula, a PowBackward2 node.
// PyTorch's takes the log of the base as a Scalar, whose log() of a bool fails an internal assert
// (any backward through it raises): a bool base is marked in attrs().b0.
static void pow_base_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  TL_CHECK(!(n.has_attrs() && n.attrs().b0), "false INTERNAL ASSERT FAILED at \"./c10/core/Scalar.cpp\":42, please "
                                             "report a bug to PyTorch. unknown ivalue tag 3");
  if (!n.needs_input_grad(1)) return;
  // pow_backward_exponent with a Scalar base: g * y * log(base), the log in double (of 1e-45, not
  // of its float32 rounding); 0 where base == 0 and e >= 0.
  const double b = n.attrs().f0;
  Tensor e = n.saved_tensor(1), y = n.saved_tensor(2);
  Tensor d = mul(y, scalar_of(y, std::log(b)));
  gi[1] = mul(g, b == 0 ? where(ge(e, zero_like_scalar(e)), zero_like_scalar(d), d) : d);
}
static Tensor pow_number_base(const Args& a) {
  Tensor out = pow_recorded(TL_ROW("pow.Base"), a.num_or_t(0, 1), a.t(1));
  // PyTorch's pow.Scalar allocates its output with exp's sizes and no strides (row-major), not in
  // exp's memory order as a TensorIterator output (2 ** x.t() is contiguous).
  out.impl()->ti_strides.reset();
  if (Node* n = out.grad_fn().get(); n && n->row == &TL_ROW("pow.Base"))
    n->attrs().b0 = a.v[0].kind == Value::Kind::Bool, n->attrs().f0 = a.v[0].as_double();
  return out;
}

// ---- pow (scalar exponent) ----  d/dx x^p = p x^(p-1)  (0 when p = 0)
static void pow_scalar_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  double p = n.attrs().f0;
  Tensor x = n.saved_tensor(0);
  // PyTorch's zeros_like(x), no graph; not for a bool exponent (x ** False), which Scalar::equal(0.0)
  // never equals: g * 0 * x^-1 (b0)
  if (p == 0 && !n.attrs().b0) gi[0] = zeros(x.shape(), x.dtype());
  else gi[0] = mul(g, mul(pow(x, p - 1), scalar_of(x, p)));
}
Tensor pow(const Tensor& x, double e) {
  // An integer tensor to an integral power stays integral (PyTorch); otherwise compute in float.
  if (!x.is_floating_point() && e != std::floor(e)) return pow(to_dtype(x, default_float_dtype()), e);
  TL_CHECK(x.is_floating_point() || e >= 0, "pow: Integers to negative integer powers are not allowed.");
  UnParams p;
  p.p0 = e;
  Tensor out = unary(Un::PowScalar, x, p);
  if (Node* n = record(TL_ROW("pow.Scalar"), {&x}, out)) n->attrs().f0 = e, save(n, x);
  return out;
}
Tensor pow(double base, const Tensor& e) { return pow(wrap_scalar(base, e, base == std::floor(base)), e); }

// ---- exp ----  d/dx exp(x) = y
static void exp_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = mul(g, n.saved_tensor(0)); }
Tensor exp(const Tensor& x) {
  Tensor out = unary(Un::Exp, x);
  if (Node* n = record(TL_ROW("exp"), {&x}, out)) save_output(n, out);
  return out;
}

// ---- log ----  d/dx log(x) = 1/x
static void log_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = div(g, n.saved_tensor(0)); }
Tensor log(const Tensor& x) {
  Tensor out = unary(Un::Log, x);
  if (Node* n = record(TL_ROW("log"), {&x}, out)) save(n, x);
  return out;
}

// ---- sqrt ----  d/dx sqrt(x) = 1 / (2 y)
static void sqrt_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor y = n.saved_tensor(0);
  gi[0] = div(g, mul(y, scalar_of(y, 2)));
}
Tensor sqrt(const Tensor& x) {
  Tensor out = unary(Un::Sqrt, x);
  if (Node* n = record(TL_ROW("sqrt"), {&x}, out)) save_output(n, out);
  return out;
}

// ---- abs ----  d/dx |x| = sign(x); PyTorch: grad * self.sgn() (SgnBackward0 under create_graph,
// whose own gradient is an efficient zero)
static void abs_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = mul(g, sgn(n.saved_tensor(0))); }
Tensor abs(const Tensor& x) {
  Tensor out = unary(Un::Abs, x);
  if (Node* n = record(TL_ROW("abs"), {&x}, out)) save(n, x);
  return out;
}

// ---- sin, cos ----  d/dx sin x = cos x;  d/dx cos x = -sin x
static void sin_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = mul(g, cos(n.saved_tensor(0))); }
Tensor sin(const Tensor& x) {
  Tensor out = unary(Un::Sin, x);
  if (Node* n = record(TL_ROW("sin"), {&x}, out)) save(n, x);
  return out;
}
static void cos_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = mul(g, neg(sin(n.saved_tensor(0))));  // PyTorch's order: a MulBackward0 under create_graph
}
Tensor cos(const Tensor& x) {
  Tensor out = unary(Un::Cos, x);
  if (Node* n = record(TL_ROW("cos"), {&x}, out)) save(n, x);
  return out;
}


// Backwards run as one fused pass (engine/kernels/fused_backward) when their gradient will not be
// differentiated again — grad mode is off during backward without create_graph — and g and the
// saved output y are contiguous with one shape and dtype; else the differentiable composite.
static bool can_fuse_backward(const Tensor& g, const Tensor& y) {
  return !grad_enabled() && y.is_floating_point() && g.dtype() == y.dtype() && g.shape() == y.shape() &&
         g.is_contiguous() && y.is_contiguous();
}
// PyTorch's tanh_backward / sigmoid_backward (g (1 - y^2), g y (1 - y)) as one recorded op: under
// create_graph its node (TanhBackwardBackward0, ...) differentiates with PyTorch's formulas
// (derivatives.yaml), whose signs of zero a composite of mul/sub does not give.
static Tensor act_backward(bool is_tanh, const Tensor& g, const Tensor& y) {
  Tensor out;
  {
    NoGradGuard ng;
    out = is_tanh ? mul(g, sub(scalar_of(y, 1), mul(y, y))) : mul(g, mul(y, sub(scalar_of(y, 1), y)));
  }
  if (Node* n = record(is_tanh ? TL_ROW("tanh_backward") : TL_ROW("sigmoid_backward"), {&g, &y}, out)) {
    n->attrs().i0 = is_tanh;
    save(n, g), save(n, y);
  }
  return out;
}
// grad_g = act_backward(grad, y); grad_y = grad * (-2 y g) (tanh), grad * g * (-2 y + 1) (sigmoid)
static void act_backward_bw(Node& n, const Tensor& grad, std::vector<Tensor>& gi) {
  const bool is_tanh = n.attrs().i0 != 0;
  Tensor g = n.saved_tensor(0), y = n.saved_tensor(1);
  if (n.needs_input_grad(0)) gi[0] = act_backward(is_tanh, grad, y);
  if (n.needs_input_grad(1))
    gi[1] = is_tanh ? mul(grad, mul(mul(y, scalar_of(y, -2)), g))
                    : mul(mul(grad, g), add(mul(y, scalar_of(y, -2)), scalar_of(y, 1)));
}
// ---- tanh ----  d/dx tanh(x) = 1 - y^2
static void tanh_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor y = n.saved_tensor(0);
  if (can_fuse_backward(g, y)) return kernels::tanh_backward(g, y, gi[0]);
  gi[0] = act_backward(true, g, y);
}
Tensor tanh(const Tensor& x) {
  Tensor out = unary(Un::Tanh, x);
  if (Node* n = record(TL_ROW("tanh"), {&x}, out)) save_output(n, out);
  return out;
}

// ---- sigmoid ----  d/dx sigmoid(x) = y (1 - y)
static void sigmoid_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor y = n.saved_tensor(0);
  if (can_fuse_backward(g, y)) return kernels::sigmoid_backward(g, y, gi[0]);
  gi[0] = act_backward(false, g, y);
}
Tensor sigmoid(const Tensor& x) {
  Tensor out = unary(Un::Sigmoid, x);
  if (Node* n = record(TL_ROW("sigmoid"), {&x}, out)) save_output(n, out);
  return out;
}

// ---- relu ----  d/dx relu(x) = 1 where y > 0, else 0
static void relu_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor y = n.saved_tensor(0);
  if (can_fuse_backward(g, y)) return kernels::relu_backward(g, y, gi[0]);
  gi[0] = where(le(y, zero_like_scalar(y)), zero_like_scalar(g), g);  // threshold_backward: NaN passes g
  backward_op_result(gi[0], TL_ROW("threshold_backward"), g, y);  // PyTorch's node under create_graph
}
Tensor relu(const Tensor& x) {
  Tensor out = unary(Un::Relu, x);
  if (Node* n = record(TL_ROW("relu"), {&x}, out)) save_output(n, out);
  return out;
}

// ---- leaky_relu ----  d/dx = 1 where x > 0, else slope
static void leaky_relu_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0);
  gi[0] = where(gt(x, zero_like_scalar(x)), g, mul(g, scalar_of(g, n.attrs().f0)));
  backward_op_result(gi[0], TL_ROW("leaky_relu_backward"), g, x);
}
Tensor leaky_relu(const Tensor& x, double slope) {
  UnParams p;
  p.p0 = slope;
  Tensor out = unary(Un::LeakyRelu, x, p);
  if (Node* n = record(TL_ROW("leaky_relu"), {&x}, out)) n->attrs().f0 = slope, save(n, x);
  return out;
}

// ---- erf ----  d/dx erf(x) = 2/sqrt(pi) exp(-x^2)
static void erf_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0);
  // PyTorch: 2 / sqrt(pi) * exp(-(self.pow(2))) * grad
  gi[0] = mul(g, mul(exp(neg(pow(x, 2.0))), scalar_of(x, 2.0 / std::sqrt(M_PI))));
}
Tensor erf(const Tensor& x) {
  Tensor out = unary(Un::Erf, x);
  if (Node* n = record(TL_ROW("erf"), {&x}, out)) save(n, x);
  return out;
}

// ---- gelu ----  PyTorch's default, exact erf form: x/2 (1 + erf(x/sqrt 2)).
// d/dx = cdf(x) + x pdf(x), as PyTorch's gelu_backward computes it (its node, GeluBackwardBackward0,
// names the gradient under create_graph).
// PyTorch hands a contiguous float32 input of 2+ elements to oneDNN's gelu_erf (kernels/sleef_math.h),
// forward and backward.
static bool uses_onednn_gelu(const Tensor& x) { return x.dtype() == DType::Float32 && x.is_contiguous() && x.numel() > 1; }
static void gelu_bw(Node& n, const Tensor& g0, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0);
  // gelu_backward has no ZeroTensor kernel: PyTorch's fallback materializes an efficient zero g
  // (sgn's backward), so 0 * a negative derivative is -0.0 and 0 * NaN is NaN (difffuzz 1415#4463).
  const Tensor g = materialize_zero(g0);
  if (!grad_enabled() && uses_onednn_gelu(x) && g.dtype() == DType::Float32 && g.shape() == x.shape()) {
    // oneDNN's eltwise backward, as the forward (its values; under create_graph the composite below)
    const Tensor gc = g.contiguous();
    gi[0] = Tensor::empty(x.shape(), DType::Float32);
    const float *px = x.data_ptr<float>(), *pg = gc.data_ptr<float>();
    float* po = gi[0].data_ptr<float>();
    for (int64_t i = 0; i < x.numel(); ++i) po[i] = pg[i] * kernels::onednn_gelu_erf_grad(px[i]);
    return;
  }
  Tensor cdf = mul(add(erf(mul(x, scalar_of(x, M_SQRT1_2))), scalar_of(x, 1)), scalar_of(x, 0.5));
  Tensor pdf = mul(exp(mul(mul(x, x), scalar_of(x, -0.5))), scalar_of(x, M_2_SQRTPI * M_SQRT1_2 * 0.5));
  gi[0] = mul(g, add(cdf, mul(x, pdf)));
  label_node(gi[0], TL_ROW("gelu_backward"), {&g, &x});
}
Tensor gelu(const Tensor& x) {
  TL_CHECK(x.is_floating_point(), "\"GeluKernelImpl\" not implemented for '", dtype_kernel_name(x.dtype()), "'");
  Tensor out;
  if (uses_onednn_gelu(x)) {
    // oneDNN computes x/2 + x/2 erf(...): a zero result is +0.0 there (gelu(-0.0), gelu(-10)), -0.0 in ATen's kernel.
    out = Tensor::empty(x.shape(), DType::Float32);
    kernels::unary_loop<float, float>(x, out, [](float v) { return kernels::onednn_gelu_erf(v); });
  } else {  // ATen's kernel: x * 0.5 * (1 + erf(x / sqrt 2))
    NoGradGuard ng;
    Tensor h = mul(x, scalar_of(x, 0.5)), xs = mul(x, scalar_of(x, M_SQRT1_2)), e;
    if (x.dtype() == DType::Float32) {  // erf: SLEEF's in its vectors (kernels::simd_row_length), glibc's erff else
      const int64_t n = kernels::simd_row_length(x.shape(), {x.strides()}, 4), lim = n - n % 16;
      e = Tensor::empty(xs.shape(), DType::Float32);
      const float* pxs = xs.data_ptr<float>();
      float* pe = e.data_ptr<float>();
      for (int64_t i = 0; i < xs.numel(); ++i) pe[i] = n && i % n < lim ? kernels::sleef_erff(pxs[i]) : std::erf(pxs[i]);
    } else {
      e = erf(xs);
    }
    out = mul(h, add(e, scalar_of(x, 1)));
  }
  if (Node* n = record(TL_ROW("gelu"), {&x}, out)) save(n, x);
  return out;
}

// ---- softplus ----  log(1 + e^(beta x)) / beta, linear above threshold.
// d/dx = sigmoid(beta x), 1 above threshold
// PyTorch's softplus_backward as one recorded op (SoftplusBackwardBackward0 under create_graph)
static Tensor softplus_backward(const Tensor& g0, const Tensor& x, double beta, double threshold) {
  const Tensor g = materialize_zero(g0);  // no ZeroTensor kernel in PyTorch
  Tensor out;
  {
    NoGradGuard ng;
    Tensor bx = mul(x, scalar_of(x, beta));
    out = where(gt(bx, scalar_of(x, threshold)), g, mul(g, sigmoid(bx)));
  }
  if (Node* n = record(TL_ROW("softplus_backward"), {&g, &x}, out))
    n->attrs().f0 = beta, n->attrs().f1 = threshold, save(n, g), save(n, x);
  return out;
}
// grad_output: softplus_backward(grad); self: softplus_double_backward(grad * grad_output) =
// sigmoid_backward(that, sigmoid(beta x)) * (beta x < threshold) * beta (a MulBackward1)
static void softplus_backward_bw(Node& n, const Tensor& grad, std::vector<Tensor>& gi) {
  Tensor g = n.saved_tensor(0), x = n.saved_tensor(1);
  const double beta = n.attrs().f0, threshold = n.attrs().f1;
  if (n.needs_input_grad(0)) gi[0] = softplus_backward(grad, x, beta, threshold);
  if (n.needs_input_grad(1)) {
    Tensor bx = mul(x, scalar_of(x, beta));
    Tensor d = mul(act_backward(false, mul(grad, g), sigmoid(bx)), to_dtype(lt(bx, scalar_of(x, threshold)), grad.dtype()));
    gi[1] = mul_number(d, beta);
  }
}
static void softplus_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = softplus_backward(g, n.saved_tensor(0), n.attrs().f0, n.attrs().f1);
}
Tensor softplus(const Tensor& x, double beta, double threshold) {
  UnParams p;
  p.p0 = beta, p.p1 = threshold;
  Tensor out = unary(Un::Softplus, x, p);
  if (Node* n = record(TL_ROW("softplus"), {&x}, out)) n->attrs().f0 = beta, n->attrs().f1 = threshold, save(n, x);
  return out;
}

// ---- clamp ----  d/dx = 1 where lo <= x <= hi, else 0
static void clamp_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0);
  Tensor mask = ones(Shape{}, DType::Bool);
  if (n.attrs().i0) mask = mul(mask, ge(x, scalar_of(x, n.attrs().f0)));
  if (n.attrs().i1) mask = mul(mask, le(x, scalar_of(x, n.attrs().f1)));
  gi[0] = where(mask, g, zero_like_scalar(g));
}
Tensor clamp(const Tensor& x, std::optional<double> lo, std::optional<double> hi, bool nan_bound) {
  TL_CHECK(lo || hi, "clamp: at least one of 'min' or 'max' must not be None");
  UnParams p;
  p.has_lo = bool(lo), p.has_hi = bool(hi);
  p.p0 = lo ? *lo : 0, p.p1 = hi ? *hi : 0;
  Tensor out = unary(Un::Clamp, x, p);
  const double bound = lo ? *lo : *hi;
  if (nan_bound && bound != bound && out.is_floating_point()) {
    NoGradGuard ng;  // the one clamp node below (a second backward works, as PyTorch's)
    out = add(mul(out, Tensor::scalar(0, out.dtype())), Tensor::scalar(bound, out.dtype()));
  }
  if (Node* n = record(TL_ROW("clamp"), {&x}, out)) {
    n->attrs().i0 = p.has_lo, n->attrs().i1 = p.has_hi, n->attrs().f0 = p.p0, n->attrs().f1 = p.p1;
    save(n, x);
  }
  return out;
}

// ---- maximum / minimum ----  the gradient goes to the larger (smaller) input; ties split it
// in half. As PyTorch's formula (where(a == b, g / 2, g).masked_fill_(a < b, 0) for maximum's a),
// an input loses the gradient only where it compares smaller (larger): a NaN on either side
// gives both inputs g.
static void minmax_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi, bool is_max) {
  Tensor a = n.saved_tensor(0), b = n.saved_tensor(1);
  Tensor z = zero_like_scalar(g);
  Tensor half = mul(g, scalar_of(g, 0.5));
  Tensor pass = where(eq(a, b), half, g);
  if (n.needs_input_grad(0)) gi[0] = where(is_max ? lt(a, b) : gt(a, b), z, pass);
  if (n.needs_input_grad(1)) gi[1] = where(is_max ? gt(a, b) : lt(a, b), z, pass);
  // PyTorch 1.13: where(a == b, g / 2, g).masked_fill_(a < b, 0) (MaskedFillBackward0)
  for (Tensor& r : gi) label_node(r, TL_ROW("masked_fill"), {&g, &a, &b});
}
static void maximum_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { minmax_bw(n, g, gi, true); }
static void minimum_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { minmax_bw(n, g, gi, false); }
Tensor maximum(const Tensor& a, const Tensor& b) {
  Tensor out = binary(Bin::Max, a, b);
  if (Node* n = record(TL_ROW("maximum"), {&a, &b}, out)) save(n, a), save(n, b);
  return out;
}
// ---- floor_divide ----  PyTorch records it (the result requires grad) but has no derivative:
// its autograd fallback (autogradNotImplementedFallback) makes a NotImplemented node whose edges
// are those of the inputs that require grad only, in order. Its backward names the op called
// (floor_divide_ for the in-place twin, which sets b0).
static void floor_divide_bw(Node& n, const Tensor&, std::vector<Tensor>&) {
  TL_FAIL("derivative for aten::floor_divide", n.has_attrs() && n.attrs().b0 ? "_" : "", " is not implemented");
}
Tensor floor_divide(const Tensor& a, const Tensor& b) {
  Tensor out = binary(Bin::FloorDiv, a, b);
  // An integer result (a bool input that requires grad, via CopySlices) is left without a node.
  if (out.is_floating_point()) {
    std::vector<Tensor> need;
    for (const Tensor* t : {&a, &b})
      if (t->requires_grad()) need.push_back(*t);
    record(TL_ROW("floor_divide"), need, out);
  }
  return out;
}
// ---- remainder ----  d/da (a mod b) = 1;  d/db = -floor(a / b)
// (PyTorch: -grad * self.div(other, rounding_mode="floor"), as fmod's.)
static void remainder_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = g;
  if (n.needs_input_grad(1)) {
    const Tensor a = n.saved_tensor(0), b = n.saved_tensor(1);
    Tensor q;
    {
      NoGradGuard ng;
      q = floor_divide(a, b);
    }
    gi[1] = mul(neg(g), autograd::piecewise_constant(q, {a, b}, "DivBackward2"));
  }
}
Tensor remainder(const Tensor& a, const Tensor& b) {
  Tensor out = binary(Bin::Rem, a, b);
  if (Node* n = record(TL_ROW("remainder.Tensor"), {&a, &b}, out)) {
    const bool keep = b.requires_grad();  // saved for other's gradient only, as PyTorch
    save(n, keep ? a : Tensor()), save(n, keep ? b : Tensor());
    n->torch_saves = true;  // once freed, self's gradient alone (which reads neither) fails too
  }
  return out;
}
Tensor minimum(const Tensor& a, const Tensor& b) {
  Tensor out = binary(Bin::Min, a, b);
  if (Node* n = record(TL_ROW("minimum"), {&a, &b}, out)) save(n, a), save(n, b);
  return out;
}

// ---- where ----  d/da = 1 where cond, d/db = 1 where !cond
static void where_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor c = n.saved_tensor(0);
  Tensor z = zero_like_scalar(g);
  // (b0: masked_fill's value with a mask PyTorch's masked_select refuses, see masked_fill)
  TL_CHECK(!(n.needs_input_grad(1) && n.has_attrs() && n.attrs().b0),
           "masked_select: expected BoolTensor or ByteTensor for mask");
  // masked_fill's node (label_node gave the node that row's name: display is the row's grad_fn
  // string): PyTorch's formula for self is g.masked_fill(mask, 0) (MaskedFillBackward0), for the
  // value masked_fill_backward: g.masked_select(mask).sum() (SumBackward0 under create_graph)
  const bool masked_fill =
      n.display == TL_ROW("masked_fill").grad_fn.c_str() || n.display == TL_ROW("masked_fill.Tensor").grad_fn.c_str();
  if (n.needs_input_grad(1)) {
    if (masked_fill) {
      Args sel;
      sel.v = {Value::tensor(g), Value::tensor(c)};
      gi[1] = sum(TL_ROW("masked_select").call(sel).t);
    } else {
      gi[1] = where(c, g, z);
    }
  }
  if (n.needs_input_grad(2)) gi[2] = where(c, z, g);
  if (masked_fill) label_node(gi[2], TL_ROW("masked_fill"), {&g});
}
Tensor where(const Tensor& cond0, const Tensor& a0, const Tensor& b0) {
  // PyTorch 1.13 still takes a uint8 condition (deprecated): nonzero is true.
  TL_CHECK(cond0.dtype() == DType::Bool || cond0.dtype() == DType::UInt8,
           "where expected condition to be a boolean tensor, but got a tensor with dtype ", dtype_kernel_name(cond0.dtype()));
  const Tensor cond = cond0.dtype() == DType::Bool ? cond0 : ne(cond0.detach(), Tensor::scalar(0, DType::UInt8));
  Shape s = broadcast_shapes("where", broadcast_shapes("where", cond.shape(), a0.shape()), b0.shape());
  DType ct = result_type(a0, b0);
  Tensor a = a0.dtype() == ct ? a0 : to_dtype(a0, ct);
  Tensor b = b0.dtype() == ct ? b0 : to_dtype(b0, ct);
  Tensor out = Tensor::empty(s, ct);
  TL_DISPATCH_BYSIZE(ct, T, [&] {  // (a selection: moves elements, whatever their type)
    Dims st[4] = {contiguous_strides(s), kernels::broadcast_strides(s, cond.shape(), cond.strides()),
                  kernels::broadcast_strides(s, a.shape(), a.strides()),
                  kernels::broadcast_strides(s, b.shape(), b.strides())};
    const int64_t base[4] = {0, 0, 0, 0};
    T* po = out.data_ptr<T>();
    const bool* pc = cond.data_ptr<bool>();
    const T* pa = a.data_ptr<T>();
    const T* pb = b.data_ptr<T>();
    kernels::for_each_row<4>(s, st, base, [&](int64_t cnt, const int64_t* off, const int64_t* step) {
      for (int64_t j = 0; j < cnt; ++j)
        po[off[0] + j] = pc[off[1] + j * step[1]] ? pa[off[2] + j * step[2]] : pb[off[3] + j * step[3]];
    });
  });
  out = ti_layout_hint(out, {&cond0, &a0, &b0});
  Tensor none;
  if (Node* n = record(TL_ROW("where"), {&none, &a0, &b0}, out)) save(n, cond);
  return out;
}

// ---- no-grad elementwise ----
// ---- sign ----  d/dx sign(x) = 0 (PyTorch still records it, so the result requires grad).
// PyTorch's SignBackward0 returns zeros_like(grad): +0.0 even for a negative or infinite g.
// sgn (attrs().b0): PyTorch 1.13's sgn_backward of a real tensor returns an efficient zero.
static void sign_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = n.has_attrs() && n.attrs().b0 ? efficient_zeros(g.shape(), g.dtype()) : zeros(g.shape(), g.dtype());
}
Tensor sign(const Tensor& x) {
  Tensor out;
  {
    NoGradGuard ng;
    out = x.dtype() == DType::Bool ? clone(x) : unary(Un::Sign, x);  // sign(True) = True: PyTorch keeps bool
  }
  // Also for an integer x that requires grad (x[m] = v on an int tensor): x.sign_() is SignBackward0.
  record(TL_ROW("sign"), {&x}, out);
  return out;
}
Tensor eq(const Tensor& a, const Tensor& b) { return binary(Bin::Eq, a, b); }
Tensor ne(const Tensor& a, const Tensor& b) { return binary(Bin::Ne, a, b); }
Tensor lt(const Tensor& a, const Tensor& b) { return binary(Bin::Lt, a, b); }
Tensor le(const Tensor& a, const Tensor& b) { return binary(Bin::Le, a, b); }
Tensor gt(const Tensor& a, const Tensor& b) { return binary(Bin::Gt, a, b); }
Tensor ge(const Tensor& a, const Tensor& b) { return binary(Bin::Ge, a, b); }
Tensor logical_not(const Tensor& x) { return unary(Un::Not, x); }
// Bitwise ops: integer and bool tensors only; not differentiable (PyTorch: no derivative).
Tensor bitwise_and(const Tensor& a, const Tensor& b) { return binary(Bin::And, a, b); }
Tensor bitwise_or(const Tensor& a, const Tensor& b) { return binary(Bin::Or, a, b); }
Tensor bitwise_xor(const Tensor& a, const Tensor& b) { return binary(Bin::Xor, a, b); }
Tensor bitwise_left_shift(const Tensor& a, const Tensor& b) { return binary(Bin::Shl, a, b); }
Tensor bitwise_right_shift(const Tensor& a, const Tensor& b) { return binary(Bin::Shr, a, b); }
// ~x: logical not for bool, two's-complement not for integers.
Tensor bitwise_not(const Tensor& x) {
  TL_CHECK(!x.is_floating_point(), "\"bitwise_not_cpu\" not implemented for '", dtype_kernel_name(x.dtype()), "'");
  if (x.dtype() == DType::Bool) return logical_not(x);
  if (x.dtype() != DType::Int64) return to_dtype(bitwise_not(to_dtype(x, DType::Int64)), x.dtype());  // (as binary())
  Tensor out = Tensor::empty(x.shape(), x.dtype());
  kernels::unary_loop<int64_t, int64_t>(x, out, [](int64_t v) { return ~v; });
  return out;
}

// ---- to(dtype) ----  d/dx = 1, cast back to the input's dtype (the engine does the cast)
static void to_bw(Node&, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = g; }
// x (of element type S) converted into out. From a narrow integer type (int32/int16/int8/uint8)
// only to the four wide dtypes: to_dtype routes narrow -> narrow through int64 (exact, then
// truncated mod 2^bits as a direct conversion would be), so 48 conversion kernels instead of 64.
template <class S>
void convert_from(const Tensor& x, Tensor& out) {
  if constexpr (std::is_integral<S>::value && !std::is_same<S, bool>::value && !std::is_same<S, int64_t>::value)
    TL_DISPATCH_WIDE(out.dtype(), D, [&] { kernels::copy_convert<S, D>(x, out.data_ptr<D>()); });
  else
    TL_DISPATCH(out.dtype(), D, [&] { kernels::copy_convert<S, D>(x, out.data_ptr<D>()); });
}
Tensor to_dtype(const Tensor& x, DType t) {
  if (x.dtype() == t) return x;
  if (is_int(x.dtype()) && x.dtype() != DType::Int64 && is_int(t) && t != DType::Int64)
    return to_dtype(to_dtype(x, DType::Int64), t);
  Tensor out = Tensor::empty(x.shape(), t);
  TL_DISPATCH(x.dtype(), S, [&] { convert_from<S>(x, out); });
  // PyTorch records _to_copy for any input that requires grad (an integer one too: bernoulli_,
  // fill_ give integers history) when the result is floating.
  out = ti_layout_hint(out, {&x});
  if (is_floating(t)) record(TL_ROW("to"), {&x}, out);
  return out;
}

}  // namespace tl

// ---- op table rows ----
#include "engine/ops/op_table.h"
namespace tl {
void register_elementwise_ops(std::vector<OpDef>& t) {
  auto V = [](Tensor x) { return Value::tensor(std::move(x)); };
  (void)V;
  const unsigned TM = kTorch | kMethod, TMF = kTorch | kMethod | kF;
  t.push_back({"add.Tensor(Tensor input, Number|Tensor other, *, float alpha=1) -> Tensor", TM, [](const Args& a) {
                 Tensor o = a.num_or_t(1, 0);
                 const DType rt = promote(a.t(0).dtype(), o.dtype());  // PyTorch's alpha_check:
                 TL_CHECK(a.v[2].kind != Value::Kind::Bool || rt == DType::Bool,
                          "Boolean alpha only supported for Boolean results.");
                 TL_CHECK(is_floating(rt) || a.is_int_value(2),
                          "For integral input tensors, argument alpha must not be a floating point number.");
                 if (a.f(2) != 1 && is_floating(rt)) return Value::tensor(add_alpha(a.t(0), o, a.f(2), false, a.is_int_value(2)));
                 if (a.f(2) != 1) o = alpha_times(o, a.v[2], result_type(a.t(0), o));
                 return Value::tensor(add(a.t(0), o));
               }, add_bw, "grad_a = g; grad_b = g"});
  t.push_back({"sub.Tensor(Tensor input, Number|Tensor other, *, float alpha=1) -> Tensor", TM, [](const Args& a) {
                 Tensor o = a.num_or_t(1, 0);
                 // PyTorch's sub_check, before alpha's (the float path below skips binary()'s); a
                 // Python bool is a wrapped bool tensor
                 sub_check(a.t(0).dtype() == DType::Bool, a.v[1].kind == Value::Kind::Bool || o.dtype() == DType::Bool);
                 const DType rt = promote(a.t(0).dtype(), o.dtype());  // PyTorch's alpha_check:
                 TL_CHECK(a.v[2].kind != Value::Kind::Bool || rt == DType::Bool,
                          "Boolean alpha only supported for Boolean results.");
                 TL_CHECK(is_floating(rt) || a.is_int_value(2),
                          "For integral input tensors, argument alpha must not be a floating point number.");
                 if (a.f(2) != 1 && is_floating(rt)) return Value::tensor(add_alpha(a.t(0), o, a.f(2), true, a.is_int_value(2)));
                 if (a.f(2) != 1) o = alpha_times(o, a.v[2], result_type(a.t(0), o));
                 return Value::tensor(sub(a.t(0), o));
               }, sub_bw, "grad_a = g; grad_b = -g"});
  t.push_back({"remainder.Tensor(Tensor input, Number|Tensor other) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(remainder(a.t(0), a.num_or_t(1, 0))); }, remainder_bw,
               "grad_a = g; grad_b = -g * floor(a / b)"});
  // torch.remainder(number, x) and number % x: the number wrapped as a scalar of x's kind; the
  // result is recorded (it requires grad, as PyTorch's), but PyTorch 1.13 has no derivative for it.
  t.push_back({"remainder.Scalar_Tensor(Number self, Tensor other) -> Tensor(nograd)", kTorch,
               [](const Args& a) {
                 const Tensor& x = a.t(1);
                 Tensor out;
                 {
                   NoGradGuard ng;
                   out = remainder(wrap_number(a.v[0], x), x);
                 }
                 record(TL_ROW("remainder.Scalar_Tensor"), {&x}, out);
                 return Value::tensor(out);
               },
               [](Node&, const Tensor&, std::vector<Tensor>&) {
                 TL_FAIL("derivative for aten::remainder is not implemented");
               },
               "not implemented in PyTorch 1.13"});
  // Recorded (the result requires grad, as PyTorch's) but not differentiable: (nograd) keeps it
  // out of gradcheck; its backward raises PyTorch's error.
  t.push_back({"floor_divide(Tensor input, Number|Tensor other) -> Tensor(nograd)", TM,
               [](const Args& a) { return Value::tensor(floor_divide(a.t(0), a.num_or_t(1, 0))); }, floor_divide_bw,
               "no derivative (PyTorch: not implemented)"});
  t.push_back({"mul.Tensor(Tensor input, Number|Tensor other) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(mul(a.t(0), a.num_or_t(1, 0))); }, mul_bw,
               "grad_a = g * b; grad_b = g * a"});
  t.push_back({"div.Tensor(Tensor input, Number|Tensor other, *, str? rounding_mode=None) -> Tensor", TM,
               [](const Args& a) {
                 // rounding_mode given (None included): PyTorch's div.Tensor_mode (DivBackward2)
                 if (a.given & 4) return TL_ROW("div.Tensor_mode").call(a);
                 // an integer tensor / a number: see arith()
                 if (a.v[1].is_number() && !a.t(0).is_floating_point())
                   return Value::tensor(div(a.t(0), Tensor::scalar(a.f(1), default_float_dtype())));
                 return Value::tensor(div(a.t(0), a.num_or_t(1, 0)));
               }, div_bw,
               "grad_a = g / b; grad_b = -g * a / b^2"});
  // (internal: scripts reach it through div.Tensor's rounding_mode)
  t.push_back({"div.Tensor_mode(Tensor input, Number|Tensor other, *, str? rounding_mode) -> Tensor", kInternal,
               [](const Args& a) {
                 const int mode = rounding_mode_of(a.is_none(2) ? std::nullopt : std::optional<std::string>(a.v[2].s));
                 // an integer tensor / a number divides in the default float dtype (div's arith())
                 if (mode == 0 && a.v[1].is_number() && !a.t(0).is_floating_point())
                   return Value::tensor(div_mode(a.t(0), Tensor::scalar(a.f(1), default_float_dtype()), 0));
                 return Value::tensor(div_mode(a.t(0), a.num_or_t(1, 0), mode));
               }, div_mode_bw,
               "rounding_mode None: div's gradients; 'trunc' / 'floor': zero gradients"});
  t.push_back({"neg(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(neg(a.t(0))); }, neg_bw,
               "grad = -g"});
  t.push_back({"pow.Scalar(Tensor input, float exponent) -> Tensor", TM,
               [](const Args& a) {
                 // An int tensor to an integer power stays integral, as PyTorch. A bool tensor to a
                 // Python bool stays bool, which pow's kernel does not implement.
                 TL_CHECK(!(a.t(0).dtype() == DType::Bool && a.v[1].kind == Value::Kind::Bool),
                          "\"pow\" not implemented for 'Bool'");
                 if (!a.t(0).is_floating_point() && !a.is_int_value(1))
                   return Value::tensor(pow(to_dtype(a.t(0), default_float_dtype()), a.f(1)));
                 if (is_int(a.t(0).dtype()) && a.v[1].kind == Value::Kind::Int) {
                   // PyTorch converts the exponent to the tensor's dtype (checked); exactly (2**53 + 1
                   // is odd, its double is even).
                   check_number_fits(a.v[1], a.t(0).dtype());
                   TL_CHECK(a.v[1].i >= 0, "Integers to negative integer powers are not allowed.");
                   return Value::tensor(pow(a.t(0), a.num_or_t(1, 0)));
                 }
                 Tensor r = pow(a.t(0), a.f(1));
                 if (a.v[1].kind == Value::Kind::Bool && r.grad_fn() && r.grad_fn()->row == &TL_ROW("pow.Scalar"))
                   r.grad_fn()->attrs().b0 = true;
                 return Value::tensor(r);
               }, pow_scalar_bw, "grad = g * p * x^(p-1)"});
  t.push_back({"pow.Tensor(Tensor input, Tensor exponent) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(pow(a.t(0), a.t(1))); }, pow_bw,
               "grad_x = g * e * x^(e-1); grad_e = g * x^e * log(x)"});
  t.push_back({"pow.Base(Number self, Tensor exponent) -> Tensor", kTorch,
               [](const Args& a) { return Value::tensor(pow_number_base(a)); }, pow_base_bw,
               "grad_e = g * base^e * log(base)"});
  t.push_back({"exp(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(exp(a.t(0))); }, exp_bw, "grad = g * y"});
  t.push_back({"log(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(log(a.t(0))); }, log_bw, "grad = g / x"});
  t.push_back({"sqrt(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(sqrt(a.t(0))); }, sqrt_bw, "grad = g / (2 y)"});
  t.push_back({"abs(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(abs(a.t(0))); }, abs_bw, "grad = g * sign(x)"});
  t.push_back({"sin(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(sin(a.t(0))); }, sin_bw, "grad = g * cos(x)"});
  t.push_back({"cos(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(cos(a.t(0))); }, cos_bw, "grad = -g * sin(x)"});
  t.push_back({"tanh(Tensor input) -> Tensor", TMF, [](const Args& a) { return Value::tensor(tanh(a.t(0))); }, tanh_bw, "grad = g * (1 - y^2)"});
  t.push_back({"sigmoid(Tensor input) -> Tensor", TMF, [](const Args& a) { return Value::tensor(sigmoid(a.t(0))); }, sigmoid_bw, "grad = g * y * (1 - y)"});
  // PyTorch's backward ops whose nodes name a create_graph gradient (not callable here)
  for (const char* s : {"tanh_backward(Tensor grad_output, Tensor output) -> Node",
                        "sigmoid_backward(Tensor grad_output, Tensor output) -> Node"})
    t.push_back({s, 0, [](const Args&) -> Value { TL_FAIL("op table: a node-only row is not callable"); }, act_backward_bw,
                 "grad_grad_output = its backward of grad; grad_output = grad * (-2 y g) (tanh), grad * g * (1 - 2 y) (sigmoid)"});
  t.push_back({"relu(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(relu(a.t(0))); }, relu_bw, "grad = g where y > 0, else 0"});
  t.push_back({"leaky_relu(Tensor input, float negative_slope=0.01) -> Tensor", kF,
               [](const Args& a) { return Value::tensor(leaky_relu(a.t(0), a.f(1))); }, leaky_relu_bw,
               "grad = g where x > 0, else g * slope"});
  t.push_back({"gelu(Tensor input) -> Tensor", kF, [](const Args& a) { return Value::tensor(gelu(a.t(0))); }, gelu_bw,
               "grad = g * (cdf(x) + x pdf(x)), cdf(x) = (1 + erf(x / sqrt 2)) / 2"});
  t.push_back({"erf(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(erf(a.t(0))); }, erf_bw,
               "grad = g * 2/sqrt(pi) * exp(-x^2)"});
  t.push_back({"softplus(Tensor input, float beta=1, float threshold=20) -> Tensor", kF,
               [](const Args& a) { return Value::tensor(softplus(a.t(0), a.f(1), a.f(2))); }, softplus_bw,
               "grad = g * sigmoid(beta x)"});
  t.push_back({"softplus_backward(Tensor grad_output, Tensor self) -> Node", 0,
               [](const Args&) -> Value { TL_FAIL("op table: a node-only row is not callable"); }, softplus_backward_bw,
               "grad_grad_output = softplus_backward(grad); grad_self = sigmoid_backward(grad * grad_output, sigmoid(beta x)) * (beta x < threshold) * beta"});
  t.push_back({"clamp(Tensor input, float? min=None, float? max=None) -> Tensor", TM,
               [](const Args& a) {
                 Tensor x = clamp_input(a.t(0), (!a.is_none(1) && !a.is_int_value(1)) || (!a.is_none(2) && !a.is_int_value(2)),
                                        !a.is_none(1) || !a.is_none(2));
                 if (is_int(x.dtype()) && (!a.is_none(1) || !a.is_none(2))) return Value::tensor(clamp_int(x, a.v[1], a.v[2]));
                 Tensor r = clamp(x, a.opt_f(1), a.opt_f(2));
                 // Both bounds, one NaN: NaN everywhere (PyTorch's clamp kernel; gradient 0). A
                 // NaN min or max alone keeps x (its max/min kernels).
                 const std::optional<double> lo = a.opt_f(1), hi = a.opt_f(2);
                 if (lo && hi && (std::isnan(*lo) || std::isnan(*hi)) && r.is_floating_point()) {
                   r = add(mul(r, Tensor::scalar(0, r.dtype())), Tensor::scalar(std::nan(""), r.dtype()));
                   label_node(r, TL_ROW("clamp"), {&a.t(0)});
                 }
                 return Value::tensor(r);
               }, clamp_bw,
               "grad = g where min <= x <= max, else 0"});
  t.push_back({"maximum(Tensor input, Tensor other) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(maximum(a.t(0), a.t(1))); }, maximum_bw,
               "grad goes to the larger input; ties split it"});
  t.push_back({"minimum(Tensor input, Tensor other) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(minimum(a.t(0), a.t(1))); }, minimum_bw,
               "grad goes to the smaller input; ties split it"});
  t.push_back({"where(Tensor(nograd) condition, Number|Tensor input, Number|Tensor other) -> Tensor", kTorch,
               [](const Args& a) {
                 if (a.v[1].kind != Value::Kind::Tensor && a.v[2].kind != Value::Kind::Tensor) {
                   // Two Python numbers (PyTorch 1.13 wraps both): bool/int/float by the higher kind of
                   // the two -> bool / int64 / the default float32; where(c, 1, 2.5) is float32.
                   auto rank = [](const Value& v) { return v.kind == Value::Kind::Bool ? 0 : v.kind == Value::Kind::Int ? 1 : 2; };
                   const int k = std::max(rank(a.v[1]), rank(a.v[2]));
                   const DType dt = k == 0 ? DType::Bool : k == 1 ? DType::Int64 : DType::Float32;
                   return Value::tensor(where(a.t(0), Tensor::scalar(a.v[1].as_double(), dt),
                                              Tensor::scalar(a.v[2].as_double(), dt)));
                 }
                 Tensor x = a.v[1].kind == Value::Kind::Tensor ? a.t(1) : a.num_or_t(1, 2);
                 Tensor out = where(a.t(0), x, a.num_or_t(2, 1));
                 // PyTorch's scalar overloads make the number at::scalar_tensor(n, result dtype): a
                 // checked conversion (where(c, uint8_t, 256) raises "... without overflow").
                 for (size_t k : {size_t(1), size_t(2)}) check_number_fits(a.v[k], out.dtype());
                 return Value::tensor(out);
               }, where_bw, "grad_a = g where cond; grad_b = g where not cond"});
  t.push_back({"sign(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(sign(a.t(0))); }, sign_bw,
               "grad = 0"});
  using Cmp = Tensor (*)(const Tensor&, const Tensor&);
  static const std::pair<const char*, Cmp> cmps[] = {{"eq", eq}, {"ne", ne}, {"lt", lt}, {"le", le}, {"gt", gt}, {"ge", ge}};
  for (const auto& [name, fn] : cmps) {
    Cmp f = fn;
    t.push_back({std::string(name) + "(Tensor input, Number|Tensor other) -> Tensor(nograd)", TM,
                 [f](const Args& a) { return Value::tensor(f(a.t(0), a.num_or_t(1, 0))); }});
  }
  using Bw = Tensor (*)(const Tensor&, const Tensor&);
  static const std::pair<const char*, Bw> bitwise[] = {{"bitwise_and", bitwise_and},
                                                       {"bitwise_or", bitwise_or},
                                                       {"bitwise_xor", bitwise_xor},
                                                       {"bitwise_left_shift", bitwise_left_shift},
                                                       {"bitwise_right_shift", bitwise_right_shift}};
  for (const auto& [name, fn] : bitwise) {
    Bw f = fn;
    t.push_back({std::string(name) + "(Tensor input, Number|Tensor other) -> Tensor(nograd)", TM,
                 [f](const Args& a) { return Value::tensor(f(a.t(0), a.num_or_t(1, 0))); }});
  }
  t.push_back({"bitwise_not(Tensor input) -> Tensor(nograd)", TM,
               [](const Args& a) { return Value::tensor(bitwise_not(a.t(0))); }});
  t.push_back({"logical_not(Tensor input) -> Tensor(nograd)", TM,
               [](const Args& a) { return Value::tensor(logical_not(a.t(0))); }});
  t.push_back({"to(Tensor input, DType dtype) -> Tensor", kMethod,
               [](const Args& a) { return Value::tensor(to_dtype(a.t(0), *a.dtype(1))); }, to_bw,
               "grad = g cast back to the input's dtype"});
  t.push_back({"float(Tensor input) -> Tensor", kMethod,
               [](const Args& a) { return Value::tensor(to_dtype(a.t(0), DType::Float32)); }, nullptr, "composite: to(float32)"});
  t.push_back({"double(Tensor input) -> Tensor", kMethod,
               [](const Args& a) { return Value::tensor(to_dtype(a.t(0), DType::Float64)); }, nullptr, "composite: to(float64)"});
  t.push_back({"long(Tensor input) -> Tensor(nograd)", kMethod,
               [](const Args& a) { return Value::tensor(to_dtype(a.t(0), DType::Int64)); }});
  static const std::pair<const char*, DType> int_casts[] = {
      {"int", DType::Int32}, {"short", DType::Int16}, {"char", DType::Int8}, {"byte", DType::UInt8}};
  for (const auto& [name, dt] : int_casts) {
    DType d = dt;
    t.push_back({std::string(name) + "(Tensor input) -> Tensor(nograd)", kMethod,
                 [d](const Args& a) { return Value::tensor(to_dtype(a.t(0), d)); }});
  }
  t.push_back({"bool(Tensor input) -> Tensor(nograd)", kMethod,
               [](const Args& a) { return Value::tensor(to_dtype(a.t(0), DType::Bool)); }});
}
}  // namespace tl
