// Creation ops. None of them records a graph node.
#include <algorithm>
#include <cmath>
#include <type_traits>
#include <string>

#include "engine/ops/ops.h"
#include "engine/autograd/node.h"
#include "engine/ops/op_table.h"

namespace tl {

Tensor Tensor::empty(const Shape& shape, DType dtype) {
  // PyTorch's own check first: a byte count that overflows int64 is its RuntimeError.
  int64_t bytes = int64_t(dtype_size(dtype));
  bool overflow = false;
  for (int i = 0; i < shape.n; ++i) {
    TL_CHECK(shape.d[i] >= 0, "negative dimension ", shape.d[i], " in shape ", tl::shape_str(shape));
    overflow = overflow || __builtin_mul_overflow(bytes, shape.d[i], &bytes);
  }
  if (overflow) {
    std::string sizes;
    for (int i = 0; i < shape.n; ++i) sizes += (i ? ", " : "") + std::to_string(shape.d[i]);
    TL_FAIL("Storage size calculation overflowed with sizes=[", sizes, "]");
  }
  int64_t n = 1;
  for (int i = 0; i < shape.n; ++i) {
    // Checked before multiplying so huge shapes cannot overflow.
    TL_CHECK(shape.d[i] == 0 || n <= max_elements() / shape.d[i] || n == 0,
             "tensor of shape ", tl::shape_str(shape), " is too large (the limit is ", max_elements(),
             " elements)");
    n *= shape.d[i];
  }
  TL_CHECK(n <= max_elements(), "tensor of shape ", tl::shape_str(shape), " is too large (the limit is ",
           max_elements(), " elements)");
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = std::make_shared<Storage>(size_t(n) * dtype_size(dtype));
  impl->shape = shape;
  impl->strides = contiguous_strides(shape);
  impl->dtype = dtype;
  return Tensor(std::move(impl));
}

Tensor Tensor::from_data(const std::vector<double>& values, const Shape& shape, DType dtype) {
  TL_CHECK(int64_t(values.size()) == shape.numel(), "tensor: ", values.size(),
           " values do not fill shape ", tl::shape_str(shape));
  Tensor t = empty(shape, dtype);
  TL_DISPATCH(dtype, T, [&] {
    T* p = t.data_ptr<T>();
    for (size_t i = 0; i < values.size(); ++i) p[i] = cast_value<T>(values[i]);
  });
  return t;
}

Tensor Tensor::scalar(double v, DType dtype) {
  Tensor t = empty(Shape{}, dtype);
  TL_DISPATCH(dtype, T, [&] { *t.data_ptr<T>() = cast_value<T>(v); });
  return t;
}

Tensor full(const Shape& s, double v, DType dt) {
  Tensor t = Tensor::empty(s, dt);
  TL_DISPATCH(dt, T, [&] {
    T* p = t.data_ptr<T>();
    const T x = cast_value<T>(v);
    for (int64_t i = 0, n = t.numel(); i < n; ++i) p[i] = x;
  });
  return t;
}
Tensor zeros(const Shape& s, DType t) { return full(s, 0, t); }
Tensor ones(const Shape& s, DType t) { return full(s, 1, t); }
Tensor zeros_like(const Tensor& x) { return full(x.shape(), 0, x.dtype()); }
Tensor ones_like(const Tensor& x) { return full(x.shape(), 1, x.dtype()); }
Tensor full_like(const Tensor& x, double v) { return full(x.shape(), v, x.dtype()); }

Tensor eye(int64_t n, std::optional<int64_t> m, DType dt) {
  int64_t cols = m ? *m : n;
  TL_CHECK(n >= 0 && cols >= 0, "eye: n and m must be non-negative, got ", n, " and ", cols);
  Tensor t = zeros(Shape{n, cols}, dt);
  TL_DISPATCH(dt, T, [&] {
    T* p = t.data_ptr<T>();
    for (int64_t i = 0; i < std::min(n, cols); ++i) p[i * cols + i] = T(1);
  });
  return t;
}

// Bounds and step as the Python numbers given (an int beyond 2^53 exactly).
static Tensor arange_values(const Value& vstart, const Value& vend, const Value& vstep, std::optional<DType> dt) {
  const double start = vstart.as_double(), end = vend.as_double(), step = vstep.as_double();
  TL_CHECK(dt != DType::Bool, "\"arange_cpu\" not implemented for 'Bool'");
  TL_CHECK(step != 0, "arange: step must be nonzero");
  // (PyTorch's check: an infinite step just gives one element or none)
  TL_CHECK(std::isfinite(start) && std::isfinite(end), "arange: unsupported range: ", start, " -> ", end);
  bool ints = start == std::floor(start) && end == std::floor(end) && step == std::floor(step);
  DType t = dt ? *dt : (ints ? DType::Int64 : default_float_dtype());
  if (is_int(t)) {
    // PyTorch's integer kernels work on the bounds converted to int64 (acc_type; checked, a float
    // truncated): their checks, the values xs + i * xst, and for int64 the length
    // (xe - xs + xst - sign) / xst in int64 arithmetic, which wraps at the extremes (an empty
    // result, or "invalid size" when negative); the narrower types take ceil((end - start) / step)
    // of the given numbers.
    auto to_i64 = [](const Value& v) {
      check_number_fits(v, DType::Int64);
      return v.kind == Value::Kind::Float ? int64_t(v.f) : v.kind == Value::Kind::Int ? v.i : int64_t(v.b);
    };
    const int64_t xs = to_i64(vstart), xe = to_i64(vend), xst = to_i64(vstep);
    TL_CHECK(xst != 0, "arange: step must be nonzero");
    TL_CHECK((xst > 0 && xe >= xs) || (xst < 0 && xe <= xs),
             "arange: upper bound and larger bound inconsistent with step sign");
    const auto wrap = [](uint64_t v) { return int64_t(v); };
    const int64_t num = wrap(uint64_t(xe) - uint64_t(xs) + uint64_t(xst) - uint64_t(xst > 0 ? 1 : -1));
    // (num / -1 of INT64_MIN overflows: its 2^63 is too large anyway)
    const double count = t == DType::Int64 ? (xst == -1 ? -double(num) : double(num / xst)) : std::ceil((end - start) / step);
    TL_CHECK(count >= 0 && count <= 9223372036854775807.0, "invalid size, possible overflow?");
    TL_CHECK(count <= double(max_elements()), "arange: ", count, " elements exceed the limit of ", max_elements());
    const auto n = int64_t(count);
    Tensor r = Tensor::empty(Shape{n}, t);
    TL_DISPATCH(t, T, [&] {
      T* p = r.data_ptr<T>();
      for (int64_t i = 0; i < n; ++i) p[i] = T(wrap(uint64_t(xs) + uint64_t(i) * uint64_t(xst)));
    });
    return r;
  }
  TL_CHECK((step > 0 && end >= start) || (step < 0 && end <= start),
           "arange: upper bound and larger bound inconsistent with step sign");
  double count = std::ceil((end - start) / step);
  TL_CHECK(count <= double(max_elements()), "arange: ", count, " elements exceed the limit of ",
           max_elements());
  auto n = int64_t(count);
  Tensor r = Tensor::empty(Shape{n}, t);
  TL_DISPATCH(t, T, [&] {
    T* p = r.data_ptr<T>();
    for (int64_t i = 0; i < n; ++i) p[i] = cast_value<T>(start + double(i) * step);
  });
  return r;
}
Tensor arange(double start, double end, double step, std::optional<DType> dt) {
  return arange_values(Value::number(start), Value::number(end), Value::number(step), dt);
}

Tensor linspace(double start, double end, int64_t steps, DType dt) {
  TL_CHECK(steps >= 0, "linspace: number of steps must be non-negative");
  // PyTorch fills steps == 1 with start before the kernel's dispatch (none for 0 either)
  TL_CHECK(dt != DType::Bool || steps <= 1, "\"linspace_cpu\" not implemented for 'Bool'");
  // The integer kernels (and fill_) convert start and end to the dtype first, checked.
  if (is_int(dt) && steps > 0) {
    check_number_fits(Value::number(start), dt);
    if (steps > 1) check_number_fits(Value::number(end), dt);
  }
  Tensor r = Tensor::empty(Shape{steps}, dt);
  int64_t half = steps / 2;
  if (steps > 1) {
    // PyTorch's CPU kernel bit for bit (RangeFactoriesKernel.cpp as built for AVX2): start and end
    // converted to T first (an integer type truncates them), the step in T (double for integer
    // types); the first half counts up from start and the second half down from end; in pairs of
    // vectors of L = 32 bytes / sizeof(T) lanes, the first lane of each vector is computed like a
    // scalar element (the compiler fused it into one fma) and lane k adds k * step to it; the
    // tail after the last pair of vectors is scalar.
    TL_DISPATCH(dt, T, [&] {
      if constexpr (!std::is_same<T, bool>::value) {
        using S = std::conditional_t<std::is_integral<T>::value, double, T>;
        constexpr int64_t L = int64_t(32 / sizeof(T));
        const T s = cast_value<T>(start), e = cast_value<T>(end);
        const S step = S((S(e) - S(s)) / S(steps - 1));
        auto scalar = [&](int64_t i) {
          return i < half ? T(std::fma(step, S(i), S(s))) : T(std::fma(-step, S(steps - i - 1), S(e)));
        };
        T* p = r.data_ptr<T>();
        int64_t i = 0;
        for (; i + 2 * L <= steps; i += 2 * L)
          for (int64_t v = i; v < i + 2 * L; v += L) {
            const T base = scalar(v);
            p[v] = base;
            for (int64_t k = 1; k < L; ++k) p[v + k] = T(S(base) + S(S(k) * step));
          }
        for (; i < steps; ++i) p[i] = scalar(i);
      }
    });
    return r;
  }
  // One step: PyTorch's fill_(start) (start + 0 would turn -0.0 into 0.0)
  if (steps == 1) TL_DISPATCH(dt, T, [&] { r.data_ptr<T>()[0] = cast_value<T>(start); });
  return r;
}

// ---- random: PyTorch's CPU generator, bit for bit (engine/core/random.h) ----
void manual_seed(uint64_t seed) { default_generator().manual_seed(seed); }

namespace {

// The order PyTorch's TensorIterator visits a single output in: dimensions by decreasing stride
// (memory order). The identity for contiguous tensors.
std::vector<int64_t> memory_order(const Tensor& t) {
  std::vector<int64_t> perm(size_t(t.dim()));
  for (int i = 0; i < t.dim(); ++i) perm[size_t(i)] = i;
  if (!t.is_contiguous())
    std::stable_sort(perm.begin(), perm.end(),
                     [&](int64_t a, int64_t b) { return t.strides()[int(a)] > t.strides()[int(b)]; });
  return perm;
}

// other_requires_grad: another input requires grad (bernoulli_'s p); autograd's check_inplace
// then also runs (a view made under no_grad is refused even when self needs no grad).
void check_random_inplace(const char* op, const Tensor& self, bool other_requires_grad = false) {
  TL_CHECK(self.defined(), op, ": undefined tensor");
  if (grad_enabled() && (self.requires_grad() || other_requires_grad)) {
    check_view_inplace(self);
    TL_CHECK(!inplace_on_leaf(self), "a leaf Variable that requires grad is being used in an in-place operation.");
  }
}

// After a random fill: a tensor that requires grad gets the fill's node (NormalBackward0, ...).
void random_filled(Tensor& self, const OpDef& row) {
  if (grad_enabled() && self.requires_grad()) record_overwrite(self, row);
}

// Calls fill(T* buffer, n, contiguous) on self's elements in memory order, and bumps self's
// version. Contiguous targets are filled in place; others through a buffer copied in.
template <class F>
void fill_random(Tensor& self, F fill) {
  check_no_overlap(self);  // an expanded target: PyTorch's TensorIterator refuses it before any draw
  if (self.is_contiguous()) {
    TL_DISPATCH(self.dtype(), T, [&] { fill(self.data_ptr<T>(), self.numel(), true); });
    self.bump_version();
    return;
  }
  Tensor buf = drawn_in_memory_order(self, [&](const Shape& s) {
    Tensor b = Tensor::empty(s, self.dtype());
    TL_DISPATCH(self.dtype(), T, [&] { fill(b.data_ptr<T>(), b.numel(), false); });
    return b;
  });
  NoGradGuard guard;
  copy_(self, buf);  // bumps the version
}

void check_floating(const char* op, DType t) {
  TL_CHECK(is_floating(t), op, ": expected a floating point tensor, got ", dtype_name(t));
}

}  // namespace

Tensor& uniform_(Tensor& self, double from, double to) {
  check_random_inplace("uniform_", self);
  check_floating("uniform_", self.dtype());
  TL_CHECK(from <= to, "uniform_ expects to return a [from, to) range, but found from=", from, " > to=", to);
  TL_CHECK(std::isfinite(to - from) && (self.dtype() == DType::Float64 || to - from <= 3.4028234663852886e38),
           "uniform_ expects to-from to be finite and representable in ", dtype_name(self.dtype()), ", but found to=",
           to, " and from=", from);
  Generator& g = default_generator();
  fill_random(self, [&](auto* p, int64_t n, bool) {
    using T = std::remove_pointer_t<decltype(p)>;
    if constexpr (std::is_floating_point_v<T>) g.fill_uniform(p, n, from, to);
  });
  random_filled(self, TL_ROW("uniform_.node"));
  return self;
}

Tensor& normal_(Tensor& self, double mean, double std) {
  check_random_inplace("normal_", self);
  check_floating("normal_", self.dtype());
  TL_CHECK(std >= 0.0, "normal expects std >= 0.0, but found std ", std);
  Generator& g = default_generator();
  fill_random(self, [&](auto* p, int64_t n, bool contiguous) {
    using T = std::remove_pointer_t<decltype(p)>;
    if constexpr (std::is_floating_point_v<T>) g.fill_normal(p, n, mean, std, contiguous);
  });
  random_filled(self, TL_ROW("normal_.node"));
  return self;
}

Tensor& bernoulli_(Tensor& self, double p) {
  check_random_inplace("bernoulli_", self);
  TL_CHECK(0 <= p && p <= 1, "bernoulli_ expects p to be in [0, 1], but got p=", p);
  Generator& g = default_generator();
  fill_random(self, [&](auto* out, int64_t n, bool) {
    using T = std::remove_pointer_t<decltype(out)>;
    for (int64_t i = 0; i < n; ++i) out[i] = static_cast<T>(g.bernoulli_double(p));
  });
  random_filled(self, TL_ROW("bernoulli_.float"));
  return self;
}

Tensor& bernoulli_(Tensor& self, const Tensor& p) {
  TL_CHECK(p.defined(), "bernoulli_: undefined probability tensor");
  check_random_inplace("bernoulli_", self, p.requires_grad());
  check_floating("bernoulli_ (probabilities)", p.dtype());
  // The probabilities, broadcast to self's shape and laid out in self's memory order.
  const std::vector<int64_t> perm = memory_order(self);
  const Tensor pe = expand(p.detach(), self.shape().vec());
  // PyTorch's kernel iterates self with p expanded to it (expand_inplace): a partial overlap of the
  // two (x[None].bernoulli_(x), where the strides differ) is refused before any draw.
  check_no_overlap(self);
  TL_CHECK(overlap_status(self, p.shape() == self.shape() ? p : pe) != Overlap::Partial,
           "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single "
           "memory location. Please clone() the tensor before performing the operation.");
  const std::vector<double> probs = contiguous(permute(pe, perm)).to_vector();
  // PyTorch's serial kernel checks each probability as it draws: the elements before the first
  // one outside [0, 1] (or NaN) are drawn and written, the rest keep their values, then it raises.
  size_t bad = 0;
  while (bad < probs.size() && probs[bad] >= 0 && probs[bad] <= 1) ++bad;
  std::vector<double> old;  // self's values in memory order, kept from `bad` on
  if (bad < probs.size()) old = contiguous(permute(self.detach(), perm)).to_vector();
  const bool single = p.dtype() == DType::Float32;  // bernoulli_distribution<float>: 24-bit uniforms
  Generator& g = default_generator();
  const uint32_t version = self.version();
  fill_random(self, [&](auto* out, int64_t n, bool) {
    using T = std::remove_pointer_t<decltype(out)>;
    for (int64_t i = 0; i < n; ++i) {
      const double q = probs[size_t(i)];
      if (size_t(i) >= bad) out[i] = static_cast<T>(old[size_t(i)]);
      else out[i] = static_cast<T>(single ? g.bernoulli_float(float(q)) : g.bernoulli_double(q));
    }
  });
  // (raised by the kernel under autograd's wrapper: no version bump, a view of self keeps its node)
  if (bad < probs.size()) self.impl()->storage->version = version;
  TL_CHECK(bad == probs.size(), "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be "
           "improved?  If so, please report an enhancement request to PyTorch.)");
  // PyTorch records BernoulliBackward1 when p requires grad too (a zero gradient for it; an integer
  // self too). Into a view: its base gets CopySlices around that node, whose inputs are the view's
  // previous history and p (views.cpp rebase_view).
  const bool with_p = p.requires_grad();
  if (!grad_enabled() || !(self.requires_grad() || with_p)) return self;
  if (with_p && self.impl()->view_base) {
    Tensor r(data_alias(self));
    record(TL_ROW("bernoulli_.Tensor_p"), {&self, &p}, r);
    rebase_view(self, r);
  } else {
    record_overwrite(self, TL_ROW("bernoulli_.Tensor_p"), with_p ? &p : nullptr);
  }
  return self;
}

Tensor rand(const Shape& s, DType dt) {
  check_floating("rand", dt);
  Tensor t = Tensor::empty(s, dt);
  return uniform_(t, 0, 1);
}

Tensor randn(const Shape& s, DType dt) {
  check_floating("randn", dt);
  Tensor t = Tensor::empty(s, dt);
  return normal_(t, 0, 1);
}

// PyTorch's empty_like (memory_format=torch.preserve_format): a non-overlapping and dense input's
// strides, else infer_dense_strides: dense strides in the order of the input's (the insertion sort
// TensorIterator uses: a 0 stride compares as ambiguous, equal strides put the smaller dim first).
// rand_like/randn_like fill it in that memory order.
static Tensor empty_like_layout(const Tensor& x, DType dt) {
  const int nd = x.dim();
  if (x.numel() == 0) return Tensor::empty(x.shape(), dt);
  {  // non-overlapping and dense (as is_non_overlapping_and_dense: the dims of size > 1 by stride
     // tile the elements): empty_strided with x's very strides, a size-1 dim's included (a
     // gradient's expanded (0, 0, 0) stays, so x[None] = x compares them as PyTorch's overlap check)
    std::vector<std::pair<int64_t, int64_t>> ds;  // (stride, size) of the dims of size > 1
    for (int k = 0; k < nd; ++k)
      if (x.shape()[k] > 1) ds.push_back({x.strides()[k], x.shape()[k]});
    std::sort(ds.begin(), ds.end());
    int64_t expect = 1;
    bool dense = true;
    for (const auto& d : ds) {
      if (d.first != expect) dense = false;
      expect *= d.second;
    }
    if (dense) {
      Tensor r = Tensor::empty(x.shape(), dt);
      r.impl()->strides = x.impl()->strides;
      return r;
    }
  }
  if (x.is_contiguous()) return Tensor::empty(x.shape(), dt);
  std::vector<int> perm(static_cast<size_t>(nd));  // perm[0]: the fastest dim
  for (int i = 0; i < nd; ++i) perm[size_t(i)] = nd - 1 - i;
  auto should_swap = [&](int d0, int d1) {
    const int64_t s0 = x.strides()[d0], s1 = x.strides()[d1];
    if (s0 == 0 || s1 == 0) return 0;
    if (s0 != s1) return s0 < s1 ? -1 : 1;
    return x.shape()[d0] > x.shape()[d1] ? 1 : 0;
  };
  for (int i = 1; i < nd; ++i) {
    int d1 = i;
    for (int d0 = i - 1; d0 >= 0; --d0) {
      const int c = should_swap(perm[size_t(d0)], perm[size_t(d1)]);
      if (c > 0) std::swap(perm[size_t(d0)], perm[size_t(d1)]), d1 = d0;
      else if (c < 0) break;
    }
  }
  std::vector<int64_t> shape(static_cast<size_t>(nd)), inverse(static_cast<size_t>(nd));
  for (int i = 0; i < nd; ++i) {
    const int d = perm[size_t(nd - 1 - i)];
    shape[size_t(i)] = x.shape()[d];
    inverse[size_t(d)] = i;
  }
  return permute(Tensor::empty(Shape(shape), dt), inverse);
}

// zeros_like / ones_like / full_like / empty_like (preserve_format): `filled` (row-major) in the
// layout of PyTorch's empty_like(x) (a copy only when that layout has other strides).
static Tensor in_like_layout(const Tensor& x, const Tensor& filled) {
  Tensor r = empty_like_layout(x, filled.dtype());
  if (r.strides() == filled.strides()) return filled;
  NoGradGuard ng;
  copy_(r, filled);
  return r;
}

namespace {
// The element type's name in PyTorch's random_ bounds errors (its TypeMeta: "from is out of bounds
// for unsigned char").
const char* random_type_name(DType dt) {
  switch (dt) {
    case DType::Bool: return "bool";
    case DType::UInt8: return "unsigned char";
    case DType::Int8: return "signed char";
    case DType::Int16: return "short int";
    case DType::Int32: return "int";
    case DType::Int64: return "long int";
    case DType::Float32: return "float";
    case DType::Float64: return "double";
  }
  return "?";
}

// PyTorch's check_from_to_in_range: from and to_inc must be values of the dtype.
void check_random_bounds(int64_t from, int64_t to_inc, DType dt) {
  TL_DISPATCH(dt, T, [&] {
    using L = std::numeric_limits<T>;
    const auto in = [](int64_t v) {
      if constexpr (std::is_floating_point<T>::value) return double(v) >= double(L::lowest()) && double(v) <= double(L::max());
      else return v >= int64_t(L::lowest()) && v <= int64_t(L::max());
    };
    TL_CHECK(in(from), "from is out of bounds for ", random_type_name(dt));
    TL_CHECK(in(to_inc), "to - 1 is out of bounds for ", random_type_name(dt));
  });
}

// PyTorch's update_from / update_to for floating dtypes: a bound the dtype cannot hold exactly is
// moved inside to the next representable value (digits: the mantissa's bits, 24 or 53).
// (Wrapping arithmetic and x86's float -> int64 conversion, as PyTorch's build does.)
int64_t random_bits_above(int64_t v, int digits) {
  uint64_t a = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
  int n = 0;
  while (a >>= 1) ++n;
  return int64_t(1) << std::max(0, n - digits + 1);
}
int64_t random_as_float(int64_t v, DType dt) {
  return dt == DType::Float32 ? cast_value<int64_t>(float(v)) : cast_value<int64_t>(double(v));
}
int64_t random_update_from(int64_t from, int digits, DType dt) {
  const int64_t f1 = int64_t(uint64_t(from) + 1), p1 = random_as_float(f1, dt);
  return p1 < from ? int64_t(uint64_t(p1) + uint64_t(random_bits_above(f1, digits))) : from;
}
int64_t random_update_to(int64_t to, int digits, DType dt) {
  const int64_t t1 = int64_t(uint64_t(to) - 1), m1 = random_as_float(t1, dt);
  return m1 >= to ? int64_t(uint64_t(m1) - uint64_t(random_bits_above(t1, digits))) : to;
}
}  // namespace

// PyTorch's random_from_to_impl (random_(from, to), random_(to), torch.randint): [from, to), or
// without `to` [from, the dtype's largest exact integer] (from = int64 min: the full 64-bit range).
Tensor random_from_to(int64_t from, std::optional<int64_t> to, const Shape& s, DType dt) {
  const int digits = dt == DType::Float32 ? 24 : 53;
  uint64_t range = 0;  // 0: the full 64-bit range
  if (to) {
    int64_t hi = *to;
    TL_CHECK(from < hi, "random_ expects 'from' to be less than 'to', but got from=", from, " >= to=", hi);
    if (is_floating(dt)) {
      from = random_update_from(from, digits, dt);
      hi = random_update_to(hi, digits, dt);
      TL_CHECK(from < hi, "random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from=", from,
               " >= to=", hi);
    }
    check_random_bounds(from, hi - 1, dt);
    range = uint64_t(hi) - uint64_t(from);
  } else if (from != std::numeric_limits<int64_t>::min()) {
    int64_t to_inc = 1;
    if (is_floating(dt)) {
      to_inc = int64_t(1) << digits;
      from = random_update_from(from, digits, dt);
      TL_CHECK(from < to_inc, "random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, but got from=",
               from, " > to_inc=", to_inc);
    } else {
      TL_DISPATCH(dt, T, [&] { if (!std::is_same<T, bool>::value) to_inc = int64_t(std::numeric_limits<T>::max()); });
    }
    check_random_bounds(from, to_inc, dt);
    range = uint64_t(to_inc) - uint64_t(from) + 1;
  } else {
    TL_CHECK(dt != DType::Bool, "\"random_full_64_bits_range_kernel_cpu\" not implemented for 'Bool'");
    TL_CHECK(dt == DType::Int64 || is_floating(dt), "random_full_64_bits_range_kernel_cpu handles only int64, double, float and bfloat16");
  }
  Tensor t = Tensor::empty(s, dt);
  Generator& g = default_generator();
  TL_DISPATCH(dt, T, [&] {
    T* p = t.data_ptr<T>();
    for (int64_t i = 0, n = t.numel(); i < n; ++i)
      p[i] = static_cast<T>(range ? g.uniform_int_from_to(range, from) : int64_t(g.random64()));
  });
  return t;
}

Tensor drawn_in_memory_order(const Tensor& self, const std::function<Tensor(const Shape&)>& draw) {
  NoGradGuard guard;
  const std::vector<int64_t> perm = memory_order(self);
  std::vector<int64_t> shape(perm.size()), inverse(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) {
    shape[i] = self.shape()[int(perm[i])];
    inverse[size_t(perm[i])] = int64_t(i);
  }
  return permute(draw(Shape(shape)), inverse);
}

Tensor randint(int64_t low, int64_t high, const Shape& s, DType dt) { return random_from_to(low, high, s, dt); }

Tensor randperm(int64_t n, DType dt) {
  TL_CHECK(n >= 0, "randperm: n must be non-negative, got ", n);
  TL_CHECK(dt != DType::Bool, "randperm: not implemented for bool");
  TL_CHECK(dt != DType::Float32 || n <= (int64_t(1) << 24) + 1, "randperm: n cannot be greater than 2^24+1 for float32");
  Tensor t = Tensor::empty(Shape{n}, DType::Int64);
  default_generator().fill_randperm(t.data_ptr<int64_t>(), n);
  return dt == DType::Int64 ? t : to_dtype(t, dt);
}

Tensor bernoulli(const Tensor& probs) {
  TL_CHECK(probs.defined(), "bernoulli: undefined tensor");
  check_floating("bernoulli", probs.dtype());
  Tensor t = Tensor::empty(probs.shape(), probs.dtype());
  return bernoulli_(t, probs);
}

Tensor bernoulli(const Tensor& input, double p) {
  TL_CHECK(input.defined(), "bernoulli: undefined tensor");
  Tensor t = Tensor::empty(input.shape(), input.dtype());
  return bernoulli_(t, p);
}

std::pair<int64_t, int64_t> calculate_fan_in_and_fan_out(const Tensor& w) {
  TL_CHECK(w.defined() && w.dim() >= 2,
           "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  int64_t receptive = 1;
  for (int i = 2; i < w.dim(); ++i) receptive *= w.shape()[i];
  return {w.shape()[1] * receptive, w.shape()[0] * receptive};
}

Tensor& kaiming_uniform_(Tensor& w, double a) {
  const int64_t fan_in = calculate_fan_in_and_fan_out(w).first;
  if (w.numel() == 0) return w;  // PyTorch warns "Initializing zero-element tensors is a no-op"
  // As torch.nn.init computes it in Python doubles.
  const double gain = std::sqrt(2.0 / (1 + a * a));
  const double std = gain / std::sqrt(double(fan_in));
  const double bound = std::sqrt(3.0) * std;
  NoGradGuard guard;
  return uniform_(w, -bound, bound);
}

void linear_reset_parameters(Tensor& weight, Tensor& bias) {
  kaiming_uniform_(weight, std::sqrt(5.0));
  if (!bias.defined()) return;
  const int64_t fan_in = calculate_fan_in_and_fan_out(weight).first;
  const double bound = fan_in > 0 ? 1 / std::sqrt(double(fan_in)) : 0;
  NoGradGuard guard;
  uniform_(bias, -bound, bound);
}

// A Python number as the 0-d operand of an op on `like`: PyTorch's wrapped number, which only
// decides the result's dtype when it is of a higher category (bool < int < float). An int next
// to an integer tensor takes that tensor's dtype, with its value wrapped modulo 2^bits
// (int8 tensor + 1000 == int8 tensor + (-24), as PyTorch computes it).
Tensor wrap_scalar(double v, const Tensor& like, bool is_int) {
  DType t = like.is_floating_point() ? like.dtype()
            : (is_int && v == std::floor(v)) ? (like.dtype() == DType::Bool ? DType::Int64 : like.dtype())
                                              : default_float_dtype();
  if (tl::is_int(t) && t != DType::Int64) return to_dtype(Tensor::scalar(v, DType::Int64), t);
  return Tensor::scalar(v, t);
}

}  // namespace tl

// ---- op table rows ----
#include "engine/autograd/node.h"
#include "engine/ops/op_table.h"
namespace tl {
// d/dp bernoulli(p) = 0 (a sample is not differentiable in p): PyTorch's zeros_like(grad), which
// does not require grad under create_graph
static void bernoulli_bw(Node&, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = zeros_like(g); }

// full / full_like: checked as PyTorch converts the fill value; an int into an integer dtype
// exactly (2**53 + 1 is not a double).
static Tensor full_number(const Shape& s, const Value& v, DType dt) {
  check_number_fits(v, dt);
  if (v.kind != Value::Kind::Int || !is_int(dt)) return full(s, v.as_double(), dt);
  Tensor t = Tensor::empty(s, dt);
  return fill_(t, wrap_number(v, t));
}
static Value made(Tensor x, const Args& a, size_t rg) {
  if (a.b(rg)) x.requires_grad_(true);
  return Value::tensor(std::move(x));
}
static DType number_dtype(const Value& v) {
  return v.kind == Value::Kind::Bool ? DType::Bool : v.kind == Value::Kind::Int ? DType::Int64 : default_float_dtype();
}
// The gradient of a random draw with respect to its parameters, as PyTorch defines it: zeros.
static void zero_grads_bw(Node& n, const Tensor&, std::vector<Tensor>& gi) {
  for (size_t i = 0; i < gi.size(); ++i) gi[i] = zeros(n.inputs[i].shape, n.inputs[i].dtype);
}

PrintOptions& print_options() {
  static PrintOptions o;
  return o;
}
void register_creation_ops(std::vector<OpDef>& t) {
  t.push_back({"tensor(Any data, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) {
                 if (a.v[0].kind == Value::Kind::Tensor) {  // torch.tensor(t): a detached copy (PyTorch warns)
                   NoGradGuard ng;
                   const Tensor& t = a.t(0);
                   return made(a.dtype(1) && *a.dtype(1) != t.dtype() ? to_dtype(t.detach(), *a.dtype(1)) : clone(t.detach()), a, 2);
                 }
                 return made(tensor_from_value(a.v[0], a.dtype(1)), a, 2);
               }});
  t.push_back({"zeros(int... size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(zeros(Shape(a.ints(0)), a.dtype(1).value_or(default_float_dtype())), a, 2); }});
  t.push_back({"ones(int... size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(ones(Shape(a.ints(0)), a.dtype(1).value_or(default_float_dtype())), a, 2); }});
  t.push_back({"full(int[] size, Number fill_value, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) {
                 return made(full_number(Shape(a.ints(0)), a.v[1], a.dtype(2).value_or(number_dtype(a.v[1]))), a, 3);
               }});
  // eye and arange: PyTorch's overloads (eye(n) / eye(n, m), arange(end) / arange(start, end,
  // step=1)), none of whose int/number arguments takes None: torch.eye(3, m=None) and
  // torch.arange(1, end=None) / torch.arange(5, step=2) are TypeErrors, as in PyTorch.
  t.push_back({"eye(int n, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(eye(a.i(0), std::nullopt, a.dtype(1).value_or(default_float_dtype())), a, 2); }});
  t.push_back({"eye.m(int n, int m, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(eye(a.i(0), a.i(1), a.dtype(2).value_or(default_float_dtype())), a, 3); }});
  t.push_back({"arange(Number end, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) {
                 std::optional<DType> dt = a.dtype(1);
                 if (!dt) dt = a.is_int_value(0) ? DType::Int64 : default_float_dtype();
                 return made(arange_values(Value::integer(0), a.v[0], Value::integer(1), dt), a, 2);
               }});
  t.push_back({"arange.start(Number start, Number end, Number step=1, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)",
               kTorch, [](const Args& a) {
                 bool ints = a.is_int_value(0) && a.is_int_value(1) && a.is_int_value(2);
                 std::optional<DType> dt = a.dtype(3);
                 if (!dt) dt = ints ? DType::Int64 : default_float_dtype();
                 return made(arange_values(a.v[0], a.v[1], a.v[2], dt), a, 4);
               }});
  t.push_back({"linspace(Number start, Number end, int steps, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)",
               kTorch, [](const Args& a) {
                 return made(linspace(a.f(0), a.f(1), a.i(2), a.dtype(3).value_or(default_float_dtype())), a, 4);
               }});
  // torch.empty: uninitialised memory in PyTorch; zeros here (any value is a valid "empty").
  t.push_back({"empty(int... size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(zeros(Shape(a.ints(0)), a.dtype(1).value_or(default_float_dtype())), a, 2); }});
  t.push_back({"empty_like(Tensor input, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(in_like_layout(a.t(0), zeros(a.t(0).shape(), a.dtype(1).value_or(a.t(0).dtype()))), a, 2); }});
  // rand_like/randn_like draw as rand/randn, in the layout of PyTorch's empty_like (its numbers for a seed).
  t.push_back({"rand_like(Tensor input, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) {
                 const DType dt = a.dtype(1).value_or(a.t(0).dtype());
                 check_floating("rand", dt);
                 Tensor r = empty_like_layout(a.t(0), dt);
                 return made(uniform_(r, 0, 1), a, 2);
               }});
  t.push_back({"randn_like(Tensor input, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) {
                 const DType dt = a.dtype(1).value_or(a.t(0).dtype());
                 check_floating("randn", dt);
                 Tensor r = empty_like_layout(a.t(0), dt);
                 return made(normal_(r, 0, 1), a, 2);
               }});
  // torch.normal with a tensor mean and/or std, as PyTorch's CPU kernel (normal_out_impl): draw
  // normal(0, 1) (normal(0, std) for a float std) into the output, then out * std + mean in the
  // output's dtype, so the numbers for a seed are PyTorch's. As PyTorch (derivatives.yaml), the
  // output requires grad when mean or std does, and their gradients are zeros (NormalBackward1-3).
  t.push_back({"normal.Tensor_Tensor(Tensor(nograd) mean, Tensor(nograd) std) -> Tensor(nograd)", kTorch,
               [](const Args& a) {
                 const Tensor &m = a.t(0), &s = a.t(1);
                 TL_CHECK(is_floating(m.dtype()), "normal expects floating-point mean");
                 Tensor out = zeros(broadcast_shapes("normal", m.shape(), s.shape()), m.dtype());
                 {
                   NoGradGuard ng;
                   TL_CHECK(s.numel() == 0 || min(s.detach()).item() >= 0.0, "normal expects all elements of std >= 0.0");
                   normal_(out, 0, 1);
                   mul_(out, s.detach());
                   add_(out, m.detach());
                 }
                 record(TL_ROW("normal.Tensor_Tensor"), {&m, &s}, out);
                 return Value::tensor(out);
               }, zero_grads_bw});
  t.push_back({"normal.Tensor_float(Tensor(nograd) mean, float std=1) -> Tensor(nograd)", kTorch, [](const Args& a) {
                 const Tensor& m = a.t(0);
                 TL_CHECK(is_floating(m.dtype()), "normal expects floating-point mean");
                 TL_CHECK(a.f(1) >= 0.0, "normal expects std >= 0.0, but found std ", a.f(1));
                 Tensor out = zeros(m.shape(), m.dtype());
                 {
                   NoGradGuard ng;
                   normal_(out, 0, a.f(1));
                   add_(out, m.detach());
                 }
                 record(TL_ROW("normal.Tensor_float"), {&m}, out);
                 return Value::tensor(out);
               }, zero_grads_bw});
  t.push_back({"normal.float_Tensor(float mean, Tensor(nograd) std) -> Tensor(nograd)", kTorch, [](const Args& a) {
                 const Tensor& s = a.t(1);
                 TL_CHECK(is_floating(s.dtype()), "normal expects floating-point std");
                 Tensor out = zeros(s.shape(), s.dtype());
                 {
                   NoGradGuard ng;
                   TL_CHECK(s.numel() == 0 || min(s.detach()).item() >= 0.0, "normal expects all elements of std >= 0.0");
                   normal_(out, 0, 1);
                   mul_(out, s.detach());
                   add_(out, Tensor::scalar(a.f(0), s.dtype()));
                 }
                 record(TL_ROW("normal.float_Tensor"), {&s}, out);
                 return Value::tensor(out);
               }, zero_grads_bw});
  // torch.normal(mean, std, size): normal_ on a new tensor (PyTorch's numbers for a seed).
  t.push_back({"normal(float mean, float std, int[] size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)",
               kTorch, [](const Args& a) {
                 Tensor x = zeros(Shape(a.ints(2)), a.dtype(3).value_or(default_float_dtype()));
                 normal_(x, a.f(0), a.f(1));
                 return made(x, a, 4);
               }});
  t.push_back({"zeros_like(Tensor input, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(in_like_layout(a.t(0), zeros(a.t(0).shape(), a.dtype(1).value_or(a.t(0).dtype()))), a, 2); }});
  t.push_back({"ones_like(Tensor input, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(in_like_layout(a.t(0), ones(a.t(0).shape(), a.dtype(1).value_or(a.t(0).dtype()))), a, 2); }});
  t.push_back({"full_like(Tensor input, Number fill_value, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)",
               kTorch, [](const Args& a) {
                 return made(in_like_layout(a.t(0), full_number(a.t(0).shape(), a.v[1], a.dtype(2).value_or(a.t(0).dtype()))), a, 3);
               }});
  t.push_back({"rand(int... size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(rand(Shape(a.ints(0)), a.dtype(1).value_or(default_float_dtype())), a, 2); }});
  t.push_back({"randn(int... size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(randn(Shape(a.ints(0)), a.dtype(1).value_or(default_float_dtype())), a, 2); }});
  t.push_back({"randint(int high, int[] size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(randint(0, a.i(0), Shape(a.ints(1)), a.dtype(2).value_or(DType::Int64)), a, 3); }});
  t.push_back({"randint.low(int low, int high, int[] size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)",
               kTorch, [](const Args& a) {
                 return made(randint(a.i(0), a.i(1), Shape(a.ints(2)), a.dtype(3).value_or(DType::Int64)), a, 4);
               }});
  t.push_back({"randperm(int n, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(randperm(a.i(0), a.dtype(1).value_or(DType::Int64)), a, 2); }});
  // bernoulli(p) is recorded with a zero derivative (PyTorch's BernoulliBackward0: the result
  // requires grad when p does); bernoulli(x, p) is not recorded. (nograd): a random sample has
  // no finite differences to gradcheck.
  t.push_back({"bernoulli(Tensor input) -> Tensor(nograd)", kTorch | kMethod,
               [](const Args& a) {
                 const Tensor& p = a.t(0);
                 Tensor out = bernoulli(p);
                 record(TL_ROW("bernoulli"), {&p}, out);
                 return Value::tensor(out);
               }, bernoulli_bw, "grad = 0"});
  t.push_back({"bernoulli.p(Tensor input, float p) -> Tensor(nograd)", kTorch | kMethod,
               [](const Args& a) { return Value::tensor(bernoulli(a.t(0), a.f(1))); }});
  // In-place random fills (Tensor methods): return the tensor itself.
  t.push_back({"uniform_(Tensor input, float from=0, float to=1) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 Tensor x = a.t(0);
                 uniform_(x, a.f(1), a.f(2));
                 return a.v[0];
               }});
  t.push_back({"normal_(Tensor input, float mean=0, float std=1) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 Tensor x = a.t(0);
                 normal_(x, a.f(1), a.f(2));
                 return a.v[0];
               }});
  t.push_back({"bernoulli_(Tensor input, float p=0.5) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 Tensor x = a.t(0);
                 bernoulli_(x, a.f(1));
                 return a.v[0];
               }});
  t.push_back({"bernoulli_.Tensor(Tensor input, Tensor(nograd) p) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 Tensor x = a.t(0);
                 bernoulli_(x, a.t(1));
                 return a.v[0];
               }});
  t.push_back({"set_default_dtype(DType d) -> None", kTorch, [](const Args& a) {
                 set_default_float_dtype(*a.dtype(0));
                 return Value::none();
               }});
  // torch.set_printoptions: a profile first, then each option given; sci_mode is always set
  // (None: chosen per tensor again).
  t.push_back({"set_printoptions(int? precision=None, float? threshold=None, int? edgeitems=None, int? linewidth=None, "
               "str? profile=None, bool? sci_mode=None) -> None",
               kTorch, [](const Args& a) {
                 PrintOptions& o = print_options();
                 if (!a.is_none(4)) {
                   const std::string& p = a.v[4].s;
                   if (p == "default") o.precision = 4, o.threshold = 1000, o.edgeitems = 3, o.linewidth = 80;
                   else if (p == "short") o.precision = 2, o.threshold = 1000, o.edgeitems = 2, o.linewidth = 80;
                   else if (p == "full") o.precision = 4, o.threshold = INFINITY, o.edgeitems = 3, o.linewidth = 80;
                 }
                 if (!a.is_none(0)) o.precision = int(a.i(0));
                 if (!a.is_none(1)) o.threshold = a.f(1);
                 if (!a.is_none(2)) o.edgeitems = int(a.i(2));
                 if (!a.is_none(3)) o.linewidth = int(a.i(3));
                 o.sci_mode = a.is_none(5) ? -1 : a.b(5) ? 1 : 0;
                 return Value::none();
               }});
  t.push_back({"get_default_dtype() -> DType", kTorch, [](const Args&) { return Value::dtype(default_float_dtype()); }});
  t.push_back({"manual_seed(int seed) -> None", kTorch, [](const Args& a) {
                 manual_seed(uint64_t(a.i(0)));
                 return Value::none();
               }});
}
}  // namespace tl
