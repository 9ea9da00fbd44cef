// Creation ops. None of them records a graph node.
#include <cmath>
#include <random>

#include "engine/ops/ops.h"

namespace tl {

Tensor Tensor::empty(const Shape& shape, DType dtype) {
  int64_t n = 1;
  for (int i = 0; i < shape.n; ++i) {
    TL_CHECK(shape.d[i] >= 0, "negative dimension ", shape.d[i], " in shape ", tl::shape_str(shape));
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
    for (size_t i = 0; i < values.size(); ++i) p[i] = static_cast<T>(values[i]);
  });
  return t;
}

Tensor Tensor::scalar(double v, DType dtype) {
  Tensor t = empty(Shape{}, dtype);
  TL_DISPATCH(dtype, T, [&] { *t.data_ptr<T>() = static_cast<T>(v); });
  return t;
}

Tensor full(const Shape& s, double v, DType dt) {
  Tensor t = Tensor::empty(s, dt);
  TL_DISPATCH(dt, T, [&] {
    T* p = t.data_ptr<T>();
    const T x = static_cast<T>(v);
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

Tensor arange(double start, double end, double step, std::optional<DType> dt) {
  TL_CHECK(step != 0, "arange: step must be nonzero");
  TL_CHECK(std::isfinite(start) && std::isfinite(end) && std::isfinite(step),
           "arange: unsupported range: ", start, " -> ", end);
  TL_CHECK((step > 0 && end >= start) || (step < 0 && end <= start),
           "arange: upper bound and larger bound inconsistent with step sign");
  double count = std::ceil((end - start) / step);
  TL_CHECK(count <= double(max_elements()), "arange: ", count, " elements exceed the limit of ",
           max_elements());
  auto n = int64_t(count);
  bool ints = start == std::floor(start) && end == std::floor(end) && step == std::floor(step);
  DType t = dt ? *dt : (ints ? DType::Int64 : default_float_dtype());
  Tensor r = Tensor::empty(Shape{n}, t);
  TL_DISPATCH(t, T, [&] {
    T* p = r.data_ptr<T>();
    for (int64_t i = 0; i < n; ++i) p[i] = static_cast<T>(start + double(i) * step);
  });
  return r;
}

Tensor linspace(double start, double end, int64_t steps, DType dt) {
  TL_CHECK(steps >= 0, "linspace: number of steps must be non-negative");
  Tensor r = Tensor::empty(Shape{steps}, dt);
  // As PyTorch: the first half counts up from start, the second half down from end.
  double step = steps > 1 ? (end - start) / double(steps - 1) : 0;
  int64_t half = steps / 2;
  TL_DISPATCH(dt, T, [&] {
    T* p = r.data_ptr<T>();
    for (int64_t i = 0; i < steps; ++i)
      p[i] = static_cast<T>(i < half ? start + step * double(i) : end - step * double(steps - i - 1));
  });
  return r;
}

// ---- seeded generator: mt19937 as PyTorch's CPU generator ----
static std::mt19937& generator() {
  static std::mt19937 g(67280421310721ULL & 0xffffffffu);
  return g;
}
void manual_seed(uint64_t seed) { generator().seed(uint32_t(seed & 0xffffffffu)); }

Tensor rand(const Shape& s, DType dt) {
  Tensor t = Tensor::empty(s, dt);
  TL_DISPATCH_FLOAT(dt, T, [&] {
    T* p = t.data_ptr<T>();
    for (int64_t i = 0, n = t.numel(); i < n; ++i) {
      if (std::is_same<T, float>::value) {
        p[i] = T((generator()() & ((1u << 24) - 1)) * std::ldexp(1.0, -24));
      } else {
        uint64_t hi = generator()(), lo = generator()();
        uint64_t x = (hi << 32) | lo;
        p[i] = T((x & ((uint64_t(1) << 53) - 1)) * std::ldexp(1.0, -53));
      }
    }
  });
  return t;
}

Tensor randn(const Shape& s, DType dt) {
  Tensor u = rand(Shape{s.numel() + (s.numel() & 1)}, DType::Float64);
  const double* pu = u.data_ptr<double>();
  Tensor t = Tensor::empty(s, dt);
  TL_DISPATCH_FLOAT(dt, T, [&] {
    T* p = t.data_ptr<T>();
    const int64_t n = t.numel();
    for (int64_t i = 0; i < n; i += 2) {  // Box-Muller
      double r = std::sqrt(-2 * std::log(1 - pu[i])), th = 2 * M_PI * pu[i + 1];
      p[i] = T(r * std::cos(th));
      if (i + 1 < n) p[i + 1] = T(r * std::sin(th));
    }
  });
  return t;
}

Tensor wrap_scalar(double v, const Tensor& like, bool is_int) {
  DType t = like.is_floating_point() ? like.dtype()
            : (is_int && v == std::floor(v)) ? (like.dtype() == DType::Bool ? DType::Int64 : like.dtype())
                                              : default_float_dtype();
  return Tensor::scalar(v, t);
}

}  // namespace tl

// ---- op table rows ----
#include "engine/ops/op_table.h"
namespace tl {
static Value made(Tensor x, const Args& a, size_t rg) {
  if (a.b(rg)) x.requires_grad_(true);
  return Value::tensor(std::move(x));
}
static DType number_dtype(const Value& v) {
  return v.kind == Value::Kind::Bool ? DType::Bool : v.kind == Value::Kind::Int ? DType::Int64 : default_float_dtype();
}
void register_creation_ops(std::vector<OpDef>& t) {
  t.push_back({"tensor(Any data, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(tensor_from_value(a.v[0], a.dtype(1)), a, 2); }});
  t.push_back({"zeros(int... size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(zeros(Shape(a.ints(0)), a.dtype(1).value_or(default_float_dtype())), a, 2); }});
  t.push_back({"ones(int... size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(ones(Shape(a.ints(0)), a.dtype(1).value_or(default_float_dtype())), a, 2); }});
  t.push_back({"full(int[] size, Number fill_value, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) {
                 return made(full(Shape(a.ints(0)), a.f(1), a.dtype(2).value_or(number_dtype(a.v[1]))), a, 3);
               }});
  t.push_back({"eye(int n, int? m=None, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(eye(a.i(0), a.opt_i(1), a.dtype(2).value_or(default_float_dtype())), a, 3); }});
  t.push_back({"arange(Number start, Number? end=None, Number step=1, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)",
               kTorch, [](const Args& a) {
                 bool ints = a.is_int_value(0) && (a.is_none(1) || a.is_int_value(1)) && a.is_int_value(2);
                 double s = a.is_none(1) ? 0 : a.f(0), e = a.is_none(1) ? a.f(0) : a.f(1);
                 std::optional<DType> dt = a.dtype(3);
                 if (!dt) dt = ints ? DType::Int64 : default_float_dtype();
                 return made(arange(s, e, a.f(2), dt), a, 4);
               }});
  t.push_back({"linspace(Number start, Number end, int steps, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)",
               kTorch, [](const Args& a) {
                 return made(linspace(a.f(0), a.f(1), a.i(2), a.dtype(3).value_or(default_float_dtype())), a, 4);
               }});
  t.push_back({"zeros_like(Tensor input, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(zeros(a.t(0).shape(), a.dtype(1).value_or(a.t(0).dtype())), a, 2); }});
  t.push_back({"ones_like(Tensor input, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(ones(a.t(0).shape(), a.dtype(1).value_or(a.t(0).dtype())), a, 2); }});
  t.push_back({"full_like(Tensor input, Number fill_value, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)",
               kTorch, [](const Args& a) {
                 return made(full(a.t(0).shape(), a.f(1), a.dtype(2).value_or(a.t(0).dtype())), a, 3);
               }});
  t.push_back({"rand(int... size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(rand(Shape(a.ints(0)), a.dtype(1).value_or(default_float_dtype())), a, 2); }});
  t.push_back({"randn(int... size, *, DType? dtype=None, bool requires_grad=False) -> Tensor(nograd)", kTorch,
               [](const Args& a) { return made(randn(Shape(a.ints(0)), a.dtype(1).value_or(default_float_dtype())), a, 2); }});
  t.push_back({"set_default_dtype(DType d) -> None", kTorch, [](const Args& a) {
                 set_default_float_dtype(*a.dtype(0));
                 return Value::none();
               }});
  t.push_back({"get_default_dtype() -> DType", kTorch, [](const Args&) { return Value::dtype(default_float_dtype()); }});
  t.push_back({"manual_seed(int seed) -> None", kTorch, [](const Args& a) {
                 manual_seed(uint64_t(a.i(0)));
                 return Value::none();
               }});
}
}  // namespace tl
