// numpy's arrays, operators and functions on engine tensors (see numpy.h). Values are computed
// here with numpy's own rules rather than through the op table, whose PyTorch semantics differ
// (promotion: int64 / int is float64 in numpy; float64 is the default dtype; reductions sum in
// numpy's pairwise order so printed float64 scalars agree to the last digit).
#include <cmath>

#include "engine/core/cr_math.h"
#include "engine/lang/numpy.h"

namespace tl::lang::detail {
namespace {

[[noreturn]] void npfail(Pos at, const std::string& m) { Interp::fail(at, m); }

Value wrap(Tensor t) {
  t.impl()->requires_grad = false;
  return make_obj<NdArrayObj>(std::move(t));
}

// Kinds in numpy's promotion lattice: bool < integer < floating.
int kind_of(DType d) { return d == DType::Bool ? 0 : d == DType::Int64 ? 1 : 2; }
DType np_promote(DType a, DType b) {
  if (a == b) return a;
  if (a == DType::Float64 || b == DType::Float64) return DType::Float64;
  if (a == DType::Float32 || b == DType::Float32)
    return (a == DType::Int64 || b == DType::Int64) ? DType::Float64 : DType::Float32;
  return DType::Int64;
}
const char* np_dtype_name(DType d) {
  switch (d) {
    case DType::Float32: return "float32";
    case DType::Float64: return "float64";
    case DType::Int64: return "int64";
    case DType::Bool: return "bool";
    default: return dtype_name(d);  // (arrays of the subset are never of the narrower int types)
  }
}

// ---------------- tensors from flat values ----------------
Tensor from_doubles(const std::vector<double>& v, const Shape& s, DType d) {
  Tensor t = Tensor::empty(s, d);
  const size_t n = v.size();
  switch (d) {
    case DType::Float64: std::copy(v.begin(), v.end(), t.data_ptr<double>()); break;
    case DType::Float32: {
      float* p = t.data_ptr<float>();
      for (size_t i = 0; i < n; ++i) p[i] = float(v[i]);
      break;
    }
    case DType::Int64: {  // C casts, as numpy's astype (NaN and out of range: INT64_MIN)
      int64_t* p = t.data_ptr<int64_t>();
      for (size_t i = 0; i < n; ++i)
        p[i] = std::isfinite(v[i]) && std::fabs(v[i]) < 9.2233720368547758e18 ? int64_t(v[i]) : INT64_MIN;
      break;
    }
    case DType::Bool: {
      bool* p = t.data_ptr<bool>();
      for (size_t i = 0; i < n; ++i) p[i] = v[i] != 0;
      break;
    }
    default: return to_dtype(from_doubles(v, s, DType::Int64), d);  // (narrow ints: not numpy arrays)
  }
  return t;
}
Tensor from_ints(const std::vector<int64_t>& v, const Shape& s, DType d) {
  Tensor t = Tensor::empty(s, d);
  const size_t n = v.size();
  switch (d) {
    case DType::Int64: std::copy(v.begin(), v.end(), t.data_ptr<int64_t>()); break;
    case DType::Bool: {
      bool* p = t.data_ptr<bool>();
      for (size_t i = 0; i < n; ++i) p[i] = v[i] != 0;
      break;
    }
    case DType::Float64: {
      double* p = t.data_ptr<double>();
      for (size_t i = 0; i < n; ++i) p[i] = double(v[i]);
      break;
    }
    case DType::Float32: {
      float* p = t.data_ptr<float>();
      for (size_t i = 0; i < n; ++i) p[i] = float(v[i]);
      break;
    }
    default: return to_dtype(from_ints(v, s, DType::Int64), d);  // (narrow ints: not numpy arrays)
  }
  return t;
}
Tensor cast(const Tensor& t, DType d) {
  if (t.dtype() == d) return t;
  if (is_floating(t.dtype())) return from_doubles(t.to_vector(), t.shape(), d);
  return from_ints(t.to_int_vector(), t.shape(), d);
}
Tensor copy_of(const Tensor& t) {
  return is_floating(t.dtype()) ? from_doubles(t.to_vector(), t.shape(), t.dtype())
                                : from_ints(t.to_int_vector(), t.shape(), t.dtype());
}

// ---------------- arrays from Python values ----------------
struct Flat {
  std::vector<double> f;
  std::vector<int64_t> i;
  DType d = DType::Bool;
  bool any = false;
};
void collect(Interp& in, const Value& v, int depth, std::vector<int64_t>& shape, Flat& out, Pos at) {
  auto leaf = [&](double dv, int64_t iv, DType d) {
    if (int(shape.size()) != depth && out.any) npfail(at, "ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape");
    if (!out.any) shape.resize(static_cast<size_t>(depth));
    out.f.push_back(dv), out.i.push_back(iv);
    out.d = out.any ? np_promote(out.d, d) : d;
    out.any = true;
  };
  if (v.kind == K::Bool) return leaf(v.b, v.b, DType::Bool);
  if (v.kind == K::Int) return leaf(double(v.i), v.i, DType::Int64);
  if (v.kind == K::Float) return leaf(v.f, 0, DType::Float64);
  if (is_nd(v) || v.kind == K::Tensor) {
    const Tensor& t = is_nd(v) ? as_nd(v)->t : v.t;
    if (depth + t.dim() > kMaxDims) npfail(at, "ValueError: arrays have at most 8 dimensions in tensorlens");
    std::vector<double> fv = t.to_vector();
    std::vector<int64_t> iv = is_floating(t.dtype()) ? std::vector<int64_t>(fv.size()) : t.to_int_vector();
    std::vector<int64_t> sub(shape.begin(), shape.begin() + std::min<size_t>(shape.size(), size_t(depth)));
    for (int k = 0; k < t.dim(); ++k) sub.push_back(t.shape()[k]);
    if (out.any && sub != shape) npfail(at, "ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape");
    shape = sub;
    out.f.insert(out.f.end(), fv.begin(), fv.end());
    out.i.insert(out.i.end(), iv.begin(), iv.end());
    out.d = out.any ? np_promote(out.d, t.dtype()) : t.dtype();
    out.any = true;
    return;
  }
  if (v.is_seq()) {
    if (depth >= kMaxDims) npfail(at, "ValueError: arrays have at most 8 dimensions in tensorlens");
    const auto& items = *v.items;
    if (int(shape.size()) <= depth) {
      if (out.any) npfail(at, "ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after " + std::to_string(shape.size()) + " dimensions");
      shape.resize(static_cast<size_t>(depth) + 1);
      shape[size_t(depth)] = int64_t(items.size());
    } else if (shape[size_t(depth)] != int64_t(items.size())) {
      npfail(at, "ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after " + std::to_string(depth) + " dimensions");
    }
    for (const Value& x : items) collect(in, x, depth + 1, shape, out, at);
    if (items.empty() && !out.any) out.d = DType::Float64;
    return;
  }
  if (auto r = as<RangeObj>(v, Tag::Range)) {
    std::vector<Value> xs;
    for (int64_t k = 0, x = r->start; k < r->len(); ++k, x += r->step) xs.push_back(Value::integer(x));
    return collect(in, Value::list(std::move(xs)), depth, shape, out, at);
  }
  npfail(at, "TypeError: tensorlens's numpy cannot make an array from a '" + v.type_name() + "'");
}

}  // namespace

Value np_scalar(const Tensor& t, int64_t i) {
  switch (t.dtype()) {
    case DType::Float64: return Value::number(t.data_ptr<double>()[i]);
    case DType::Float32: return Value::number(double(t.data_ptr<float>()[i]));
    case DType::Int64: return Value::integer(t.data_ptr<int64_t>()[i]);
    case DType::Bool: return Value::boolean(t.data_ptr<bool>()[i]);
    default: return Value::integer(t.to_int_vector().at(size_t(i)));  // (narrow ints: not numpy arrays)
  }
  return Value();
}

namespace {

DType dtype_arg(const Value& v, Pos at);

// np.array(v, dtype): a new array (copies).
Tensor array_of(Interp& in, const Value& v, const Value& dtype, Pos at) {
  std::vector<int64_t> shape;
  Flat fl;
  collect(in, v, 0, shape, fl, at);
  if (!fl.any && shape.empty()) fl.d = DType::Float64;
  if (!fl.any) fl.d = DType::Float64;
  DType d = dtype.is_none() ? fl.d : dtype_arg(dtype, at);
  int64_t n = 1;
  for (int64_t s : shape) n *= s;
  if (n > max_elements()) npfail(at, "MemoryError: array too large");
  Shape sh{};
  for (int64_t s : shape) sh.push_back(s);
  if (is_nd(v) && dtype.is_none()) return copy_of(as_nd(v)->t);
  if (fl.d == DType::Float64 || fl.d == DType::Float32) return from_doubles(fl.f, sh, d);
  return from_ints(fl.i, sh, d);
}

// Operand of an elementwise function: an array and whether it is a "scalar" for promotion
// (a Python number or a 0-d array: numpy 1.x value-based casting).
struct Opnd {
  Tensor t;
  bool weak = false;
};
Opnd operand(Interp& in, const Value& v, Pos at) {
  if (auto a = as_nd(v)) return {a->t, a->t.dim() == 0};
  if (v.kind == K::Bool) return {Tensor::scalar(v.b, DType::Bool), true};
  if (v.kind == K::Int) return {from_ints({v.i}, Shape{}, DType::Int64), true};
  if (v.kind == K::Float) return {Tensor::scalar(v.f, DType::Float64), true};
  if (v.kind == K::Tensor) {
    if (v.t.requires_grad())
      npfail(at, "RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    return {v.t, false};
  }
  if (v.is_seq() || as<RangeObj>(v, Tag::Range)) return {array_of(in, v, Value(), at), false};
  npfail(at, "TypeError: unsupported operand type for numpy: '" + v.type_name() + "'");
}
DType result_type(const Opnd& a, const Opnd& b) {
  if (a.weak == b.weak) return np_promote(a.t.dtype(), b.t.dtype());
  const Opnd& s = a.weak ? a : b;
  const Opnd& x = a.weak ? b : a;
  if (kind_of(s.t.dtype()) <= kind_of(x.t.dtype())) return x.t.dtype();
  return kind_of(s.t.dtype()) == 2 ? DType::Float64 : DType::Int64;
}

Shape broadcast(const Shape& a, const Shape& b, Pos at) {
  const int n = std::max(a.n, b.n);
  Shape r;
  r.n = n;
  for (int i = 0; i < n; ++i) {
    const int64_t x = i - (n - a.n) >= 0 ? a.d[i - (n - a.n)] : 1, y = i - (n - b.n) >= 0 ? b.d[i - (n - b.n)] : 1;
    if (x != y && x != 1 && y != 1)
      npfail(at, "ValueError: operands could not be broadcast together with shapes " + shape_str(a) + " " + shape_str(b));
    r.d[i] = x == 1 ? y : x;
  }
  return r;
}
// For each element of `out` (row-major), the flat index of the element of `in` broadcast to it.
std::vector<int64_t> bindex(const Shape& in, const Shape& out) {
  const int64_t n = out.numel();
  std::vector<int64_t> r(static_cast<size_t>(n));
  Dims st;
  st.n = out.n;
  int64_t acc = 1;
  for (int i = out.n - 1; i >= 0; --i) {
    const int j = i - (out.n - in.n);
    const int64_t dim = j >= 0 ? in.d[j] : 1;
    st.d[i] = dim == 1 ? 0 : acc;
    acc *= dim;
  }
  Dims idx;
  idx.n = out.n;
  int64_t off = 0;
  for (int64_t k = 0; k < n; ++k) {
    r[size_t(k)] = off;
    for (int i = out.n - 1; i >= 0; --i) {
      if (++idx.d[i] < out.d[i]) {
        off += st.d[i];
        break;
      }
      off -= st.d[i] * (out.d[i] - 1);
      idx.d[i] = 0;
    }
  }
  return r;
}
Tensor broadcast_to(const Tensor& t, const Shape& s) {
  if (t.shape() == s) return t;
  std::vector<int64_t> ix = bindex(t.shape(), s);
  if (is_floating(t.dtype())) {
    std::vector<double> v = t.to_vector(), r(ix.size());
    for (size_t k = 0; k < ix.size(); ++k) r[k] = v[size_t(ix[k])];
    return from_doubles(r, s, t.dtype());
  }
  std::vector<int64_t> v = t.to_int_vector(), r(ix.size());
  for (size_t k = 0; k < ix.size(); ++k) r[k] = v[size_t(ix[k])];
  return from_ints(r, s, t.dtype());
}

// numpy's floor division and remainder for floats (npy_divmod).
double np_floordiv(double a, double b) {
  if (b == 0) return a / b;
  double mod = std::fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0 && ((b < 0) != (mod < 0))) div -= 1.0;
  double fl;
  if (div != 0) {
    fl = std::floor(div);
    if (div - fl > 0.5) fl += 1.0;
  } else {
    fl = std::copysign(0.0, a / b);
  }
  return fl;
}
double np_fmod(double a, double b) {
  if (b == 0) return std::fmod(a, b);
  double mod = std::fmod(a, b);
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = std::copysign(0.0, b);
  }
  return mod;
}
int64_t ipow(int64_t b, int64_t e) {
  uint64_t r = 1, x = uint64_t(b);
  while (e > 0) {
    if (e & 1) r *= x;
    x *= x;
    e >>= 1;
  }
  return int64_t(r);
}

const char* ufunc_name(BinOpKind op) {
  switch (op) {
    case BinOpKind::Add: return "add";
    case BinOpKind::Sub: return "subtract";
    case BinOpKind::Mul: return "multiply";
    case BinOpKind::Div: return "divide";
    case BinOpKind::FloorDiv: return "floor_divide";
    case BinOpKind::Mod: return "remainder";
    case BinOpKind::Pow: return "power";
    case BinOpKind::MatMul: return "matmul";
    case BinOpKind::LShift: return "left_shift";
    case BinOpKind::RShift: return "right_shift";
    case BinOpKind::BitOr: return "bitwise_or";
    case BinOpKind::BitXor: return "bitwise_xor";
    case BinOpKind::BitAnd: return "bitwise_and";
  }
  return "?";
}

Tensor matmul(const Tensor& a, const Tensor& b, Pos at, bool is_dot);

// Elementwise a OP b with numpy's promotion and broadcasting. `out_dtype` (optional) forces the
// result dtype (in-place operators keep the left operand's dtype).
Tensor elementwise(BinOpKind op, const Opnd& a, const Opnd& b, Pos at, const DType* out_dtype = nullptr) {
  if (op == BinOpKind::MatMul) return matmul(a.t, b.t, at, false);
  DType rt = result_type(a, b);
  const Shape s = broadcast(a.t.shape(), b.t.shape(), at);
  if (int64_t(s.numel()) > max_elements()) npfail(at, "MemoryError: array too large");
  const bool sa = a.t.shape() == s, sb = b.t.shape() == s;
  std::vector<int64_t> ia = sa ? std::vector<int64_t>() : bindex(a.t.shape(), s), ib = sb ? std::vector<int64_t>() : bindex(b.t.shape(), s);
  const size_t n = size_t(s.numel());
  auto IA = [&](size_t k) { return sa ? k : size_t(ia[k]); };
  auto IB = [&](size_t k) { return sb ? k : size_t(ib[k]); };
  const bool bits = op == BinOpKind::BitAnd || op == BinOpKind::BitOr || op == BinOpKind::BitXor || op == BinOpKind::LShift || op == BinOpKind::RShift;
  if (op == BinOpKind::Div) rt = kind_of(rt) == 2 ? rt : DType::Float64;
  if (bits && kind_of(rt) == 2)
    npfail(at, std::string("TypeError: ufunc '") + ufunc_name(op) + "' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
  if (rt == DType::Bool && op == BinOpKind::Sub)
    npfail(at, "TypeError: numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  if (rt == DType::Bool && (op == BinOpKind::FloorDiv || op == BinOpKind::Mod || op == BinOpKind::Pow || op == BinOpKind::LShift || op == BinOpKind::RShift))
    rt = DType::Int64;  // numpy gives int8; int64 here
  const DType od = out_dtype ? *out_dtype : rt;
  if (kind_of(rt) < 2) {
    std::vector<int64_t> x = a.t.to_int_vector(), y = b.t.to_int_vector(), r(n);
    for (size_t k = 0; k < n; ++k) {
      const int64_t p = x[IA(k)], q = y[IB(k)];
      int64_t v = 0;
      switch (op) {
        case BinOpKind::Add: v = rt == DType::Bool ? (p || q) : int64_t(uint64_t(p) + uint64_t(q)); break;
        case BinOpKind::Sub: v = int64_t(uint64_t(p) - uint64_t(q)); break;
        case BinOpKind::Mul: v = rt == DType::Bool ? (p && q) : int64_t(uint64_t(p) * uint64_t(q)); break;
        case BinOpKind::FloorDiv:
          if (q == 0 || (p == INT64_MIN && q == -1)) v = 0;
          else {
            v = p / q;
            if ((p % q != 0) && ((p < 0) != (q < 0))) --v;
          }
          break;
        case BinOpKind::Mod:
          if (q == 0) v = 0;
          else if (q == -1) v = 0;
          else {
            v = p % q;
            if (v != 0 && ((v < 0) != (q < 0))) v += q;
          }
          break;
        case BinOpKind::Pow:
          if (q < 0) npfail(at, "ValueError: Integers to negative integer powers are not allowed.");
          v = ipow(p, q);
          break;
        case BinOpKind::BitAnd: v = p & q; break;
        case BinOpKind::BitOr: v = p | q; break;
        case BinOpKind::BitXor: v = p ^ q; break;
        case BinOpKind::LShift: v = q >= 64 || q < 0 ? 0 : int64_t(uint64_t(p) << q); break;
        case BinOpKind::RShift: v = q >= 64 || q < 0 ? (p < 0 ? -1 : 0) : p >> q; break;
        default: break;
      }
      r[k] = v;
    }
    return from_ints(r, s, od);
  }
  std::vector<double> x = a.t.to_vector(), y = b.t.to_vector(), r(n);
  const bool f32 = rt == DType::Float32;
  for (size_t k = 0; k < n; ++k) {
    double p = x[IA(k)], q = y[IB(k)];
    if (f32) p = float(p), q = float(q);
    double v = 0;
    switch (op) {
      case BinOpKind::Add: v = p + q; break;
      case BinOpKind::Sub: v = p - q; break;
      case BinOpKind::Mul: v = p * q; break;
      case BinOpKind::Div: v = p / q; break;
      case BinOpKind::FloorDiv: v = np_floordiv(p, q); break;
      case BinOpKind::Mod: v = np_fmod(p, q); break;
      case BinOpKind::Pow:
        v = q == 2 ? p * p : f32 ? double(std::pow(float(p), float(q))) : std::pow(p, q);
        break;
      default: break;
    }
    r[k] = f32 ? double(float(v)) : v;
  }
  return from_doubles(r, s, od);
}

// ---------------- matmul / dot ----------------
// Products accumulate along k with fused multiply-adds in order, as OpenBLAS's GEMM kernels do
// (numpy's float64 matmul calls BLAS); integer products accumulate exactly.
Tensor matmul(const Tensor& a0, const Tensor& b0, Pos at, bool is_dot) {
  if (a0.dim() == 0 || b0.dim() == 0) {
    if (is_dot) return elementwise(BinOpKind::Mul, {a0, false}, {b0, false}, at);
    npfail(at, "ValueError: matmul: Input operand " + std::string(a0.dim() == 0 ? "0" : "1") + " does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)");
  }
  const DType rt = np_promote(a0.dtype(), b0.dtype());
  Tensor a = a0, b = b0;
  const bool av = a.dim() == 1, bv = b.dim() == 1;
  if (a.dim() > 2 || b.dim() > 2) {
    if (is_dot && b.dim() > 2) npfail(at, "NotImplementedError: tensorlens's numpy dot supports up to 2-D right operands");
  }
  const int64_t m = av ? 1 : a.shape()[a.dim() - 2], k = a.shape()[a.dim() - 1];
  const int64_t kb = bv ? b.shape()[0] : b.shape()[b.dim() - 2], nn = bv ? 1 : b.shape()[b.dim() - 1];
  if (k != kb) {
    if (is_dot)
      npfail(at, "ValueError: shapes " + shape_str(a.shape()) + " and " + shape_str(b.shape()) + " not aligned: " + std::to_string(k) +
                     " (dim " + std::to_string(a.dim() - 1) + ") != " + std::to_string(kb) + " (dim " + std::to_string(bv ? 0 : b.dim() - 2) + ")");
    npfail(at, "ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size " +
                   std::to_string(kb) + " is different from " + std::to_string(k) + ")");
  }
  // batch dims (matmul broadcasting) of the leading dimensions
  Shape ba, bb;
  for (int i = 0; i + 2 < a.dim(); ++i) ba.push_back(a.shape()[i]);
  for (int i = 0; i + 2 < b.dim(); ++i) bb.push_back(b.shape()[i]);
  const Shape bs = broadcast(ba, bb, at);
  const int64_t nb = bs.numel();
  std::vector<int64_t> ia = bindex(ba, bs), ib = bindex(bb, bs);
  Shape os = bs;
  if (!av) os.push_back(m);
  if (!bv) os.push_back(nn);
  if (os.numel() > max_elements()) npfail(at, "MemoryError: array too large");
  const size_t sa = size_t(m * k), sb = size_t(k * nn), so = size_t(m * nn);
  if (kind_of(rt) < 2) {
    std::vector<int64_t> x = a.to_int_vector(), y = b.to_int_vector(), r(static_cast<size_t>(nb) * so);
    for (int64_t q = 0; q < nb; ++q)
      for (int64_t i = 0; i < m; ++i)
        for (int64_t j = 0; j < nn; ++j) {
          uint64_t acc = 0;
          for (int64_t p = 0; p < k; ++p)
            acc += uint64_t(x[size_t(ia[size_t(q)]) * sa + size_t(i * k + p)]) * uint64_t(y[size_t(ib[size_t(q)]) * sb + size_t(p * nn + j)]);
          r[size_t(q) * so + size_t(i * nn + j)] = rt == DType::Bool ? acc != 0 : int64_t(acc);
        }
    return from_ints(r, os, rt);
  }
  std::vector<double> x = a.to_vector(), y = b.to_vector(), r(static_cast<size_t>(nb) * so);
  if (k == 0) return from_doubles(r, os, rt);  // empty sums: zeros (and no pointer into an empty operand)
  const bool f32 = rt == DType::Float32;
  for (int64_t q = 0; q < nb; ++q)
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < nn; ++j) {
        const double* xr = x.data() + size_t(ia[size_t(q)]) * sa + size_t(i * k);
        const double* yc = y.data() + size_t(ib[size_t(q)]) * sb + size_t(j);
        double acc = 0;
        if (f32) {
          float fa = 0;
          for (int64_t p = 0; p < k; ++p) fa = std::fma(float(xr[p]), float(yc[size_t(p * nn)]), fa);
          acc = fa;
        } else if (av && bv) {
          for (int64_t p = 0; p < k; ++p) acc += xr[p] * yc[size_t(p * nn)];  // ddot's scalar loop
        } else {
          for (int64_t p = 0; p < k; ++p) acc = std::fma(xr[p], yc[size_t(p * nn)], acc);
        }
        r[size_t(q) * so + size_t(i * nn + j)] = acc;
      }
  return from_doubles(r, os, rt);
}

// ---------------- reductions ----------------
// numpy's pairwise summation (loops_utils.h: blocks of 8 partial sums up to 128 elements).
template <class T>
T pairwise(const T* a, int64_t n, int64_t stride) {
  if (n < 8) {
    T res = 0;
    for (int64_t i = 0; i < n; ++i) res += a[i * stride];
    return res;
  }
  if (n <= 128) {
    T r[8];
    for (int j = 0; j < 8; ++j) r[j] = a[j * stride];
    int64_t i;
    for (i = 8; i < n - (n % 8); i += 8)
      for (int j = 0; j < 8; ++j) r[j] += a[(i + j) * stride];
    T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += a[i * stride];
    return res;
  }
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise(a, n2, stride) + pairwise(a + n2 * stride, n - n2, stride);
}

enum class Red { Sum, Prod, Max, Min, ArgMax, ArgMin, All, Any, Mean };

struct AxisSpec {
  std::vector<bool> reduce;  // per dimension
  bool all = true;
  int single = -1;  // the one reduced axis, or -1
};
AxisSpec axes_of(Interp& in, const Value& axis, int nd, Pos at) {
  AxisSpec r;
  r.reduce.assign(static_cast<size_t>(nd), axis.is_none());
  if (axis.is_none()) return r;
  std::vector<Value> xs = axis.kind == K::Tuple || axis.kind == K::List ? *axis.items : std::vector<Value>{axis};
  for (const Value& x : xs) {
    int64_t a = in.to_index(x, at);
    if (a < -nd || a >= nd)
      npfail(at, "numpy.exceptions.AxisError: axis " + std::to_string(a) + " is out of bounds for array of dimension " + std::to_string(nd));
    if (a < 0) a += nd;
    if (r.reduce[size_t(a)]) npfail(at, "ValueError: duplicate value in 'axis'");
    r.reduce[size_t(a)] = true;
  }
  r.all = true;
  int cnt = 0;
  for (int i = 0; i < nd; ++i) {
    r.all = r.all && r.reduce[size_t(i)];
    if (r.reduce[size_t(i)]) ++cnt, r.single = i;
  }
  if (cnt != 1) r.single = -1;
  return r;
}

// Reduces `t` over the axes of `sp`. Values flow as double (float32 sums accumulate in float).
Value reduce(Interp& in, Red kind, const Tensor& t, const Value& axis, bool keepdims, Pos at, double ddof = 0, bool is_std = false, bool is_var = false) {
  const int nd = t.dim();
  AxisSpec sp = axes_of(in, axis, nd, at);
  // output shape; reduced positions: group element indices by output index
  Shape os, ks;
  for (int i = 0; i < nd; ++i) {
    if (!sp.reduce[size_t(i)]) os.push_back(t.shape()[i]), ks.push_back(t.shape()[i]);
    else ks.push_back(1);
  }
  const int64_t n_out = os.numel(), n_in = t.numel();
  const int64_t cnt = n_out ? n_in / n_out : 0;
  if (cnt == 0 && (kind == Red::Max || kind == Red::Min || kind == Red::ArgMax || kind == Red::ArgMin))
    npfail(at, std::string("ValueError: zero-size array to reduction operation ") + (kind == Red::Max ? "maximum" : kind == Red::Min ? "minimum" : kind == Red::ArgMax ? "argmax" : "argmin") + " which has no identity");
  // Order: permute reduced axes last (keeping their relative order).
  std::vector<int64_t> perm;
  for (int i = 0; i < nd; ++i)
    if (!sp.reduce[size_t(i)]) perm.push_back(i);
  for (int i = 0; i < nd; ++i)
    if (sp.reduce[size_t(i)]) perm.push_back(i);
  Tensor src = t;
  bool identity = true;
  for (size_t i = 0; i < perm.size(); ++i) identity = identity && perm[i] == int64_t(i);
  std::vector<double> v;
  std::vector<int64_t> iv;
  const bool isint = !is_floating(t.dtype());
  {
    NoGradGuard ng;
    Tensor p = identity ? t : permute(t, IntList(perm));
    v = p.to_vector();
    if (isint) iv = p.to_int_vector();
  }
  // Sequential accumulation (numpy's order when the reduced axis is not the inner one).
  const bool seq = !(sp.all || sp.single == nd - 1);
  const bool f32 = t.dtype() == DType::Float32;
  DType od = t.dtype();
  std::vector<double> r(static_cast<size_t>(n_out));
  std::vector<int64_t> ri(static_cast<size_t>(n_out));
  auto sum_block = [&](const double* p) -> double {
    if (seq) {
      if (f32) {
        float acc = 0;
        for (int64_t j = 0; j < cnt; ++j) acc += float(p[j]);
        return acc;
      }
      double acc = 0;
      for (int64_t j = 0; j < cnt; ++j) acc += p[j];
      return acc;
    }
    if (f32) {
      std::vector<float> tmp(p, p + cnt);
      return double(pairwise(tmp.data(), cnt, 1));
    }
    return pairwise(p, cnt, 1);
  };
  for (int64_t o = 0; o < n_out; ++o) {
    const double* p = v.data() + size_t(o * cnt);
    switch (kind) {
      case Red::Sum:
      case Red::Mean:
        if (isint && kind == Red::Sum) {
          uint64_t acc = 0;
          for (int64_t j = 0; j < cnt; ++j) acc += uint64_t(iv[size_t(o * cnt + j)]);
          ri[size_t(o)] = int64_t(acc);
        } else {
          r[size_t(o)] = sum_block(p);
        }
        break;
      case Red::Prod:
        if (isint) {
          uint64_t acc = 1;
          for (int64_t j = 0; j < cnt; ++j) acc *= uint64_t(iv[size_t(o * cnt + j)]);
          ri[size_t(o)] = int64_t(acc);
        } else {
          double acc = 1;
          for (int64_t j = 0; j < cnt; ++j) acc = f32 ? double(float(acc * p[j])) : acc * p[j];
          r[size_t(o)] = acc;
        }
        break;
      case Red::Max:
      case Red::Min: {
        if (isint) {
          int64_t m = iv[size_t(o * cnt)];
          for (int64_t j = 1; j < cnt; ++j) {
            const int64_t x = iv[size_t(o * cnt + j)];
            m = kind == Red::Max ? std::max(m, x) : std::min(m, x);
          }
          ri[size_t(o)] = m;
        } else {
          double m = p[0];
          for (int64_t j = 1; j < cnt && !std::isnan(m); ++j) {
            if (std::isnan(p[j])) m = p[j];
            else m = kind == Red::Max ? (p[j] > m ? p[j] : m) : (p[j] < m ? p[j] : m);
          }
          r[size_t(o)] = m;
        }
        break;
      }
      case Red::ArgMax:
      case Red::ArgMin: {
        int64_t best = 0;
        for (int64_t j = 1; j < cnt; ++j) {
          if (std::isnan(p[best])) break;
          if (std::isnan(p[j]) || (kind == Red::ArgMax ? p[j] > p[best] : p[j] < p[best])) best = j;
        }
        if (isint) {
          best = 0;
          for (int64_t j = 1; j < cnt; ++j) {
            const int64_t x = iv[size_t(o * cnt + j)], b = iv[size_t(o * cnt + best)];
            if (kind == Red::ArgMax ? x > b : x < b) best = j;
          }
        }
        ri[size_t(o)] = best;
        break;
      }
      case Red::All:
      case Red::Any: {
        bool acc = kind == Red::All;
        for (int64_t j = 0; j < cnt; ++j) {
          const bool x = p[j] != 0;
          acc = kind == Red::All ? (acc && x) : (acc || x);
        }
        ri[size_t(o)] = acc;
        break;
      }
    }
  }
  Tensor res;
  const Shape rs = keepdims ? ks : os;
  switch (kind) {
    case Red::Sum:
      res = isint ? from_ints(ri, rs, DType::Int64) : from_doubles(r, rs, od);
      break;
    case Red::Prod: res = isint ? from_ints(ri, rs, DType::Int64) : from_doubles(r, rs, od); break;
    case Red::Max:
    case Red::Min: res = isint ? from_ints(ri, rs, od) : from_doubles(r, rs, od); break;
    case Red::ArgMax:
    case Red::ArgMin: res = from_ints(ri, rs, DType::Int64); break;
    case Red::All:
    case Red::Any: res = from_ints(ri, rs, DType::Bool); break;
    case Red::Mean: {
      // numpy's _mean: the sum (float64 for integer input), then a true division by the count.
      const DType md = isint ? DType::Float64 : od;
      if (is_var || is_std) {
        // _var: x - mean (broadcast), squared, summed, divided by count - ddof.
        std::vector<double> mean(static_cast<size_t>(n_out));
        for (int64_t o = 0; o < n_out; ++o) mean[size_t(o)] = md == DType::Float32 ? double(float(r[size_t(o)]) / float(cnt)) : r[size_t(o)] / double(cnt);
        std::vector<double> sq(v.size());
        for (int64_t o = 0; o < n_out; ++o)
          for (int64_t j = 0; j < cnt; ++j) {
            double d = v[size_t(o * cnt + j)] - mean[size_t(o)];
            if (md == DType::Float32) d = float(d), d = float(d * d);
            else d = d * d;
            sq[size_t(o * cnt + j)] = d;
          }
        std::vector<double> out(static_cast<size_t>(n_out));
        for (int64_t o = 0; o < n_out; ++o) {
          double s = 0;
          const double* p = sq.data() + size_t(o * cnt);
          if (seq) {
            if (md == DType::Float32) {
              float acc = 0;
              for (int64_t j = 0; j < cnt; ++j) acc += float(p[j]);
              s = acc;
            } else {
              for (int64_t j = 0; j < cnt; ++j) s += p[j];
            }
          } else if (md == DType::Float32) {
            std::vector<float> tmp(p, p + cnt);
            s = pairwise(tmp.data(), cnt, 1);
          } else {
            s = pairwise(p, cnt, 1);
          }
          const double den = std::max(0.0, double(cnt) - ddof);
          double var = md == DType::Float32 ? double(float(s) / float(den)) : s / den;
          if (is_std) var = md == DType::Float32 ? double(std::sqrt(float(var))) : std::sqrt(var);
          out[size_t(o)] = var;
        }
        res = from_doubles(out, rs, md);
      } else {
        for (int64_t o = 0; o < n_out; ++o)
          r[size_t(o)] = md == DType::Float32 ? double(float(r[size_t(o)]) / float(cnt)) : r[size_t(o)] / double(cnt);
        res = from_doubles(r, rs, md);
      }
      break;
    }
  }
  if (res.dim() == 0) return np_scalar(res, 0);
  return wrap(res);
}

// ---------------- elementwise functions ----------------
double fn_apply(const std::string& f, double x) {
  if (f == "exp") return std::exp(x);
  if (f == "log") return std::log(x);
  if (f == "log2") return std::log2(x);
  if (f == "log10") return std::log10(x);
  if (f == "log1p") return std::log1p(x);
  if (f == "expm1") return std::expm1(x);
  if (f == "tanh") return std::tanh(x);
  if (f == "sinh") return std::sinh(x);
  if (f == "cosh") return std::cosh(x);
  if (f == "sin") return std::sin(x);
  if (f == "cos") return std::cos(x);
  if (f == "tan") return std::tan(x);
  if (f == "arcsin") return std::asin(x);
  if (f == "arccos") return std::acos(x);
  if (f == "arctan") return std::atan(x);
  if (f == "sqrt") return std::sqrt(x);
  if (f == "abs" || f == "absolute" || f == "fabs") return std::fabs(x);
  if (f == "square") return x * x;
  if (f == "negative") return -x;
  if (f == "positive") return x;
  if (f == "reciprocal") return 1.0 / x;
  if (f == "floor") return std::floor(x);
  if (f == "ceil") return std::ceil(x);
  if (f == "trunc") return std::trunc(x);
  if (f == "rint") return std::nearbyint(x);
  if (f == "sign") return std::isnan(x) ? x : double((x > 0) - (x < 0));
  return x;
}
bool is_unary_fn(const std::string& f) {
  static const char* const names[] = {"exp", "log", "log2", "log10", "log1p", "expm1", "tanh", "sinh", "cosh", "sin", "cos", "tan",
                                      "arcsin", "arccos", "arctan", "sqrt", "abs", "absolute", "fabs", "square", "negative",
                                      "positive", "reciprocal", "floor", "ceil", "trunc", "rint", "sign"};
  for (const char* n : names)
    if (f == n) return true;
  return false;
}
Tensor unary_fn(const std::string& f, const Tensor& t, Pos at) {
  const DType d = t.dtype();
  const bool keeps_int = f == "abs" || f == "absolute" || f == "square" || f == "negative" || f == "positive" || f == "sign";
  if (kind_of(d) < 2 && keeps_int) {
    if (d == DType::Bool && f == "negative")
      npfail(at, "TypeError: The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
    std::vector<int64_t> v = t.to_int_vector();
    for (auto& x : v) {
      if (f == "abs" || f == "absolute") x = x < 0 ? int64_t(0 - uint64_t(x)) : x;
      else if (f == "square") x = int64_t(uint64_t(x) * uint64_t(x));
      else if (f == "negative") x = int64_t(0 - uint64_t(x));
      else if (f == "sign") x = (x > 0) - (x < 0);
    }
    return from_ints(v, t.shape(), d == DType::Bool && f != "square" ? DType::Bool : d == DType::Bool ? DType::Bool : d);
  }
  if (kind_of(d) < 2 && (f == "floor" || f == "ceil" || f == "trunc" || f == "rint")) return d == DType::Bool ? from_ints(t.to_int_vector(), t.shape(), DType::Float64) : cast(t, DType::Float64);
  const DType od = d == DType::Float32 ? DType::Float32 : DType::Float64;
  std::vector<double> v = t.to_vector();
  for (auto& x : v) x = od == DType::Float32 ? double(float(fn_apply(f, double(float(x))))) : fn_apply(f, x);
  return from_doubles(v, t.shape(), od);
}

// ---------------- shapes ----------------
Shape shape_arg(Interp& in, const std::vector<Value>& pos, size_t from, Pos at) {
  std::vector<Value> xs;
  if (pos.size() == from + 1 && (pos[from].is_seq())) xs = *pos[from].items;
  else xs.assign(pos.begin() + long(from), pos.end());
  Shape s;
  if (xs.size() > size_t(kMaxDims)) npfail(at, "ValueError: arrays have at most 8 dimensions in tensorlens");
  for (const Value& x : xs) {
    const int64_t n = in.to_index(x, at);
    s.push_back(n);
  }
  return s;
}
Shape check_shape(Shape s, Pos at) {
  int64_t n = 1;
  for (int i = 0; i < s.n; ++i) {
    if (s.d[i] < 0) npfail(at, "ValueError: negative dimensions are not allowed");
    if (s.d[i] && n > max_elements() / s.d[i]) npfail(at, "MemoryError: array too large");
    n *= s.d[i];
  }
  if (n > max_elements()) npfail(at, "MemoryError: array too large");
  return s;
}
Tensor reshape_to(const Tensor& t, Shape s, Pos at) {
  int neg = -1;
  int64_t known = 1;
  for (int i = 0; i < s.n; ++i) {
    if (s.d[i] == -1) {
      if (neg >= 0) npfail(at, "ValueError: can only specify one unknown dimension");
      neg = i;
    } else {
      known *= s.d[i];
    }
  }
  if (neg >= 0 && known) s.d[neg] = t.numel() / known;
  if (s.numel() != t.numel() || (neg >= 0 && known == 0))
    npfail(at, "ValueError: cannot reshape array of size " + std::to_string(t.numel()) + " into shape " + shape_str(s));
  NoGradGuard ng;
  // numpy returns a view when it can (contiguous input); the engine's reshape does the same.
  return t.reshape(s);
}

Tensor transpose_of(const Tensor& t, std::vector<int64_t> perm, Pos at) {
  const int nd = t.dim();
  if (perm.empty())
    for (int i = nd - 1; i >= 0; --i) perm.push_back(i);
  if (int(perm.size()) != nd) npfail(at, "ValueError: axes don't match array");
  for (auto& p : perm) {
    if (p < -nd || p >= nd) npfail(at, "numpy.exceptions.AxisError: axis " + std::to_string(p) + " is out of bounds for array of dimension " + std::to_string(nd));
    if (p < 0) p += nd;
  }
  NoGradGuard ng;
  return permute(t, IntList(perm));
}

Tensor concat(Interp& in, const Value& seq, int64_t axis, bool stack, Pos at) {
  std::vector<Value> xs = in.to_vector(seq, at);
  if (xs.empty()) npfail(at, std::string("ValueError: need at least one array to ") + (stack ? "stack" : "concatenate"));
  std::vector<Tensor> ts;
  DType d = DType::Bool;
  for (size_t i = 0; i < xs.size(); ++i) {
    Opnd o = operand(in, xs[i], at);
    ts.push_back(o.t);
    d = i ? np_promote(d, o.t.dtype()) : o.t.dtype();
  }
  const int nd = ts[0].dim() + (stack ? 1 : 0);
  if (!stack && ts[0].dim() == 0) npfail(at, "ValueError: zero-dimensional arrays cannot be concatenated");
  if (axis < -nd || axis >= nd)
    npfail(at, "numpy.exceptions.AxisError: axis " + std::to_string(axis) + " is out of bounds for array of dimension " + std::to_string(nd));
  if (axis < 0) axis += nd;
  std::vector<Tensor> vs;
  for (auto& t : ts) {
    if (stack && t.shape() != ts[0].shape()) npfail(at, "ValueError: all input arrays must have the same shape");
    if (!stack && t.dim() != ts[0].dim())
      npfail(at, "ValueError: all the input array dimensions except for the concatenation axis must match exactly");
    vs.push_back(cast(t, d));
  }
  NoGradGuard ng;
  return in.at_pos(at, [&] { return stack ? tl::stack(vs, axis) : tl::cat(vs, axis); });
}

// Keyword/positional argument lookup for numpy functions: name, position.
struct Args {
  std::vector<Value>& pos;
  Kw& kw;
  const std::string& fn;
  Pos at;
  std::vector<bool> used;
  Args(std::vector<Value>& p, Kw& k, const std::string& f, Pos a) : pos(p), kw(k), fn(f), at(a), used(k.size()) {}
  bool has(const char* name, size_t idx) {
    if (idx < pos.size()) return true;
    for (auto& [k, v] : kw)
      if (k == name) return true;
    return false;
  }
  Value get(const char* name, size_t idx, Value dflt = Value()) {
    if (idx < pos.size()) return pos[idx];
    for (size_t i = 0; i < kw.size(); ++i)
      if (kw[i].first == name) {
        used[i] = true;
        return kw[i].second;
      }
    return dflt;
  }
  void done(size_t max_pos) {
    if (pos.size() > max_pos) npfail(at, "TypeError: " + fn + "() takes at most " + std::to_string(max_pos) + " positional arguments (" + std::to_string(pos.size()) + " given)");
    for (size_t i = 0; i < kw.size(); ++i)
      if (!used[i]) npfail(at, "TypeError: " + fn + "() got an unexpected keyword argument '" + kw[i].first + "'");
  }
};

}  // namespace

DType dtype_of_value(const Value& v, Pos at);
namespace {
DType dtype_arg(const Value& v, Pos at) { return dtype_of_value(v, at); }
}  // namespace

DType dtype_of_value(const Value& v, Pos at) {
  if (auto d = as<NpDTypeObj>(v, Tag::NpDType)) return d->d;
  if (auto b = as<BuiltinObj>(v, Tag::Builtin)) {
    if (b->id == Bi::Float) return DType::Float64;
    if (b->id == Bi::Int) return DType::Int64;
    if (b->id == Bi::Bool) return DType::Bool;
  }
  if (v.kind == K::DType) return DType(v.i);
  if (v.kind == K::Str) {
    const std::string& s = v.s;
    if (s == "float64" || s == "float" || s == "f8" || s == "double" || s == "d") return DType::Float64;
    if (s == "float32" || s == "f4" || s == "single" || s == "f") return DType::Float32;
    if (s == "int64" || s == "int" || s == "i8" || s == "long" || s == "int32" || s == "i4") return DType::Int64;
    if (s == "bool" || s == "?") return DType::Bool;
  }
  npfail(at, "TypeError: tensorlens's numpy supports the dtypes float64, float32, int64 and bool, not " + repr(v));
}

// ---------------------------------------------------------------------------------------
// The interpreter hooks
// ---------------------------------------------------------------------------------------
Tensor np_to_tensor(const Value& arr, bool share) {
  const Tensor& t = as_nd(arr)->t;
  NoGradGuard ng;
  return share ? t.detach() : copy_of(t);
}

void np_args_to_torch(Interp& in, const Value& fn, std::vector<Value>& pos, Kw& kw, Pos at) {
  bool any = false;
  for (const Value& p : pos) any = any || is_nd(p);
  if (!any) return;
  auto f = as<OpFnObj>(fn, Tag::OpFn);
  if (f && !f->self.defined() && (f->name == "tensor" || f->name == "as_tensor") && !pos.empty() && is_nd(pos[0])) {
    bool has_dtype = false;
    for (auto& [k, v] : kw) has_dtype = has_dtype || k == "dtype";
    if (!has_dtype) kw.emplace_back("dtype", Value::dtype(as_nd(pos[0])->t.dtype()));
    std::vector<Value> noargs;
    Kw none;
    Value fnv = make_obj<NpFnObj>("tolist", pos[0]);
    pos[0] = np_call(in, fnv, noargs, none, at);
    return;
  }
  for (Value& p : pos)
    if (is_nd(p)) p = Value::tensor(np_to_tensor(p, false));
}

Value np_from_tensor(const Tensor& t, Pos at) {
  if (t.requires_grad())
    npfail(at, "RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
  NoGradGuard ng;
  // The numpy subset has float32/float64/int64/bool arrays: a narrower integer tensor becomes an
  // int64 array (a copy: numpy would give an int32/int16/int8/uint8 view).
  if (is_int(t.dtype()) && t.dtype() != DType::Int64) return wrap(to_dtype(t.detach(), DType::Int64));
  return wrap(t.detach());  // shares the tensor's memory, as PyTorch's .numpy()
}

Value np_binop(Interp& in, BinOpKind op, const Value& a, const Value& b, Pos at) {
  if (a.kind == K::Tensor || b.kind == K::Tensor) {  // a torch Tensor operand: the array becomes a tensor
    Value x = is_nd(a) ? Value::tensor(np_to_tensor(a, true)) : a, y = is_nd(b) ? Value::tensor(np_to_tensor(b, true)) : b;
    return in.binop(op, x, y, at);
  }
  const bool a_ok = is_nd(a) || a.is_number() || a.is_seq(), b_ok = is_nd(b) || b.is_number() || b.is_seq();
  if (!a_ok || !b_ok) Interp::unsupported(op, a, b, at);
  Opnd x = operand(in, a, at), y = operand(in, b, at);
  Tensor r = elementwise(op, x, y, at);
  if (r.dim() == 0) return np_scalar(r, 0);  // ufuncs give scalars for 0-d results (also vector @ vector)
  return wrap(r);
}

Value np_compare(Interp& in, CmpOpKind op, const Value& a, const Value& b, Pos at) {
  if (op == CmpOpKind::In || op == CmpOpKind::NotIn) {
    Opnd x = operand(in, b, at), y = operand(in, a, at);
    Tensor eqs = elementwise(BinOpKind::Sub, {cast(x.t, DType::Float64), false}, {cast(y.t, DType::Float64), true}, at);
    bool found = false;
    for (double v : eqs.to_vector()) found = found || v == 0;
    return Value::boolean(found == (op == CmpOpKind::In));
  }
  const bool a_ok = is_nd(a) || a.is_number() || a.is_seq(), b_ok = is_nd(b) || b.is_number() || b.is_seq();
  if (!a_ok || !b_ok) {
    if (op == CmpOpKind::Eq) return Value::boolean(false);
    if (op == CmpOpKind::Ne) return Value::boolean(true);
    npfail(at, std::string("TypeError: '") + op_str(op) + "' not supported between instances of '" + a.type_name() + "' and '" + b.type_name() + "'");
  }
  Opnd x = operand(in, a, at), y = operand(in, b, at);
  const Shape s = broadcast(x.t.shape(), y.t.shape(), at);
  std::vector<int64_t> ia = bindex(x.t.shape(), s), ib = bindex(y.t.shape(), s);
  std::vector<int64_t> r(ia.size());
  const bool ints = kind_of(x.t.dtype()) < 2 && kind_of(y.t.dtype()) < 2;
  if (ints) {
    std::vector<int64_t> p = x.t.to_int_vector(), q = y.t.to_int_vector();
    for (size_t k = 0; k < r.size(); ++k) {
      const int64_t u = p[size_t(ia[k])], v = q[size_t(ib[k])];
      switch (op) {
        case CmpOpKind::Lt: r[k] = u < v; break;
        case CmpOpKind::Le: r[k] = u <= v; break;
        case CmpOpKind::Gt: r[k] = u > v; break;
        case CmpOpKind::Ge: r[k] = u >= v; break;
        case CmpOpKind::Eq: r[k] = u == v; break;
        default: r[k] = u != v; break;
      }
    }
  } else {
    const bool f32 = result_type(x, y) == DType::Float32;
    std::vector<double> p = x.t.to_vector(), q = y.t.to_vector();
    for (size_t k = 0; k < r.size(); ++k) {
      double u = p[size_t(ia[k])], v = q[size_t(ib[k])];
      if (f32) u = float(u), v = float(v);
      switch (op) {
        case CmpOpKind::Lt: r[k] = u < v; break;
        case CmpOpKind::Le: r[k] = u <= v; break;
        case CmpOpKind::Gt: r[k] = u > v; break;
        case CmpOpKind::Ge: r[k] = u >= v; break;
        case CmpOpKind::Eq: r[k] = u == v; break;
        default: r[k] = u != v; break;
      }
    }
  }
  Tensor t = from_ints(r, s, DType::Bool);
  if (t.dim() == 0) return np_scalar(t, 0);
  return wrap(t);
}

Value np_unary(Interp& in, UnaryOpKind op, const Value& v, Pos at) {
  const Tensor& t = as_nd(v)->t;
  switch (op) {
    case UnaryOpKind::Not: return Value::boolean(!np_truthy(v, at));
    case UnaryOpKind::Neg: return wrap(unary_fn("negative", t, at));
    case UnaryOpKind::Pos: return wrap(copy_of(t));
    case UnaryOpKind::Invert: {
      if (kind_of(t.dtype()) == 2)
        npfail(at, "TypeError: ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
      std::vector<int64_t> x = t.to_int_vector();
      for (auto& e : x) e = t.dtype() == DType::Bool ? !e : ~e;
      return wrap(from_ints(x, t.shape(), t.dtype()));
    }
  }
  (void)in;
  return v;
}

// a OP= b: numpy computes a OP b and writes it into a (same dtype: same_kind casting, so an
// integer array refuses a float result).
Value np_inplace(Interp& in, const Value& cur, BinOpKind op, const Value& rhs, Pos at) {
  if (rhs.kind == K::Tensor) return in.binop(op, cur, rhs, at);
  const Tensor& t = as_nd(cur)->t;
  Opnd x{t, false}, y = operand(in, rhs, at);
  DType rt = op == BinOpKind::MatMul ? np_promote(t.dtype(), y.t.dtype()) : result_type(x, y);
  if (op == BinOpKind::Div && kind_of(rt) < 2) rt = DType::Float64;
  if (kind_of(rt) > kind_of(t.dtype()))
    npfail(at, std::string("numpy.core._exceptions._UFuncOutputCastingError: Cannot cast ufunc '") + ufunc_name(op) + "' output from dtype('" +
                   np_dtype_name(rt) + "') to dtype('" + np_dtype_name(t.dtype()) + "') with casting rule 'same_kind'");
  Tensor r = elementwise(op, x, y, at);
  if (r.shape() != t.shape())
    npfail(at, "ValueError: non-broadcastable output operand with shape " + shape_str(t.shape()) + " doesn't match the broadcast shape " + shape_str(r.shape()));
  NoGradGuard ng;
  in.at_pos(at, [&] { return const_cast<Tensor&>(t).copy_(cast(r, t.dtype())); });
  return cur;
}

namespace {
std::vector<Value> index_values(Interp& in, const std::vector<Value>& idx, bool is_tuple, Pos at) {
  std::vector<Value> items = Interp::index_items(idx, is_tuple);
  for (Value& v : items) {
    if (auto a = as_nd(v)) {
      if (kind_of(a->t.dtype()) == 2)
        npfail(at, "IndexError: only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
      if (a->t.dim() == 0 && a->t.dtype() == DType::Int64) v = Value::integer(a->t.to_int_vector()[0]);
      else v = Value::tensor(a->t);
    } else if (v.kind == K::List) {  // an empty list selects nothing (an integer index)
      v = Value::tensor(array_of(in, v, v.items->empty() ? Value::str("int64") : Value(), at));
    } else if (v.kind == K::Tensor) {
      // torch tensors index arrays as arrays do
    } else if (v.kind == K::Float) {
      npfail(at, "IndexError: only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
    }
    (void)in;
  }
  return items;
}
}  // namespace

namespace {
// Pure advanced indexing, a[i0, i1, ...] with integer arrays (and ints) only and at least two
// items one of them an array (probs[range(n), y]): the index arrays broadcast to a shape B, and
// the result is B + a.shape[k:] (k items). Returns false for any other index.
struct AdvIndex {
  Shape bshape;                       // broadcast shape of the index arrays
  std::vector<int64_t> base;          // flat offset (in the contiguous array) of each selected block
  int64_t block = 1;                  // elements per block: prod(a.shape[k:])
  Shape out;                          // B + a.shape[k:]
};
bool adv_index(const Tensor& t, const std::vector<Value>& items, AdvIndex& r, Pos at) {
  if (items.size() < 2 || int(items.size()) > t.dim()) return false;
  bool any = false;
  for (const Value& v : items) {
    if (v.kind == K::Tensor && v.t.dtype() == DType::Int64) any = true;
    else if (v.kind != K::Int) return false;
  }
  if (!any) return false;
  const int k = int(items.size());
  std::vector<Tensor> ix;
  Shape b;
  for (const Value& v : items) {
    Tensor x = v.kind == K::Int ? from_ints({v.i}, Shape{}, DType::Int64) : v.t;
    b = ix.empty() ? x.shape() : broadcast(b, x.shape(), at);
    ix.push_back(x);
  }
  r.bshape = b;
  r.out = b;
  r.block = 1;
  for (int d = k; d < t.dim(); ++d) r.out.push_back(t.shape()[d]), r.block *= t.shape()[d];
  const Dims st = contiguous_strides(t.shape());
  r.base.assign(static_cast<size_t>(b.numel()), 0);
  for (int j = 0; j < k; ++j) {
    std::vector<int64_t> v = broadcast_to(ix[size_t(j)], b).to_int_vector();
    const int64_t n = t.shape()[j];
    for (size_t q = 0; q < v.size(); ++q) {
      int64_t i = v[q];
      if (i < -n || i >= n)
        npfail(at, "IndexError: index " + std::to_string(i) + " is out of bounds for axis " + std::to_string(j) + " with size " + std::to_string(n));
      if (i < 0) i += n;
      r.base[q] += i * st.d[j];
    }
  }
  return true;
}
}  // namespace

Value np_get_item(Interp& in, const Value& arr, const std::vector<Value>& idx, bool is_tuple, Pos at) {
  const Tensor& t = as_nd(arr)->t;
  std::vector<Value> items = index_values(in, idx, is_tuple, at);
  // numpy's messages for out-of-range integers; negative slice steps (x[::-1]) become the index
  // array of the positions they select (a copy rather than numpy's view)
  int d = 0;
  for (Value& v : items) {
    if (v.is_none() || as<EllipsisObj>(v, Tag::Ellipsis)) break;
    if (auto sl = as<SliceObj>(v, Tag::Slice); sl && !sl->step.is_none() && in.to_index(sl->step, at) < 0 && d < t.dim()) {
      int64_t start, stop, step, count;
      in.py_slice(*sl, t.shape()[d], start, stop, step, count, at);
      std::vector<int64_t> ix;
      for (int64_t k = 0; k < count; ++k) ix.push_back(start + k * step);
      v = Value::tensor(from_ints(ix, Shape{count}, DType::Int64));
    }
    if (v.kind == K::Int) {
      if (d >= t.dim()) npfail(at, "IndexError: too many indices for array: array is " + std::to_string(t.dim()) + "-dimensional, but " + std::to_string(items.size()) + " were indexed");
      const int64_t n = t.shape()[d];
      if (v.i < -n || v.i >= n)
        npfail(at, "IndexError: index " + std::to_string(v.i) + " is out of bounds for axis " + std::to_string(d) + " with size " + std::to_string(n));
    }
    if (v.kind == K::Tensor && v.t.dtype() == DType::Bool) d += v.t.dim();
    else ++d;
  }
  Tensor r;
  if (AdvIndex ai; adv_index(t, items, ai, at)) {
    const size_t blk = static_cast<size_t>(ai.block);
    if (kind_of(t.dtype()) < 2) {
      std::vector<int64_t> v = t.to_int_vector(), o;
      for (int64_t b : ai.base) o.insert(o.end(), v.begin() + b, v.begin() + b + int64_t(blk));
      r = from_ints(o, ai.out, t.dtype());
    } else {
      std::vector<double> v = t.to_vector(), o;
      for (int64_t b : ai.base) o.insert(o.end(), v.begin() + b, v.begin() + b + int64_t(blk));
      r = from_doubles(o, ai.out, t.dtype());
    }
    if (r.dim() == 0) return np_scalar(r, 0);
    return wrap(r);
  }
  {
    NoGradGuard ng;
    bool adv = false;
    r = in.tensor_index(t, items, at, &adv);
    if (adv) r = copy_of(r);
  }
  if (r.dim() == 0) return np_scalar(r.contiguous(), 0);
  return wrap(r);
}

void np_set_item(Interp& in, const Value& arr, const std::vector<Value>& idx, bool is_tuple, const Value& v, Pos at) {
  const Tensor& t = as_nd(arr)->t;
  std::vector<Value> items = index_values(in, idx, is_tuple, at);
  Value src = v;
  if (is_nd(v) || v.is_seq()) src = Value::tensor(cast(operand(in, v, at).t, t.dtype()));
  else if (v.kind == K::Float && kind_of(t.dtype()) < 2) src = Value::integer(int64_t(v.f));
  NoGradGuard ng;
  if (AdvIndex ai; adv_index(t, items, ai, at)) {  // a[i0, i1] = v: blocks written in order (the last write wins)
    Tensor s = src.kind == K::Tensor ? src.t : Tensor::scalar(src.as_double(), t.dtype());
    Tensor sb = broadcast_to(cast(s, t.dtype()), broadcast(s.shape(), ai.out, at));
    if (sb.shape() != ai.out)
      npfail(at, "ValueError: shape mismatch: value array of shape " + shape_str(s.shape()) + " could not be broadcast to indexing result of shape " + shape_str(ai.out));
    Tensor c = t.contiguous();
    const bool same = c.same(t) || c.data_ptr<char>() == t.data_ptr<char>();
    std::vector<double> vals = sb.to_vector();
    std::vector<int64_t> ivals = kind_of(t.dtype()) < 2 ? sb.to_int_vector() : std::vector<int64_t>();
    Tensor dst = same ? t : copy_of(t);
    for (size_t q = 0; q < ai.base.size(); ++q)
      for (int64_t e = 0; e < ai.block; ++e) {
        const size_t from = q * static_cast<size_t>(ai.block) + size_t(e);
        const int64_t to = ai.base[q] + e;
        switch (t.dtype()) {
          case DType::Float64: dst.data_ptr<double>()[to] = vals[from]; break;
          case DType::Float32: dst.data_ptr<float>()[to] = float(vals[from]); break;
          case DType::Int64: dst.data_ptr<int64_t>()[to] = ivals[from]; break;
          case DType::Bool: dst.data_ptr<bool>()[to] = ivals[from] != 0; break;
          default: TL_FAIL("numpy subset: arrays of dtype ", dtype_name(t.dtype()), " are not supported");
        }
      }
    if (!same) const_cast<Tensor&>(t).copy_(dst);
    t.bump_version();
    return;
  }
  // Integer-array indices: numpy assigns element by element; done here for 1-D index arrays.
  if (items.size() == 1 && items[0].kind == K::Tensor && items[0].t.dtype() == DType::Int64) {
    std::vector<int64_t> ix = items[0].t.to_int_vector();
    Tensor s = src.kind == K::Tensor ? src.t : Tensor::scalar(src.as_double(), t.dtype());
    Shape rs = t.shape();
    if (rs.n == 0) npfail(at, "IndexError: too many indices for array: array is 0-dimensional, but 1 were indexed");
    rs.d[0] = int64_t(ix.size());
    Tensor sb = broadcast_to(cast(s, t.dtype()), broadcast(s.shape(), rs, at));
    for (size_t k = 0; k < ix.size(); ++k) {
      int64_t i = ix[k];
      if (i < -t.shape()[0] || i >= t.shape()[0])
        npfail(at, "IndexError: index " + std::to_string(i) + " is out of bounds for axis 0 with size " + std::to_string(t.shape()[0]));
      if (i < 0) i += t.shape()[0];
      Tensor dst = select(t, 0, i);
      Tensor part = select(sb, 0, int64_t(k));
      dst.copy_(part);
    }
    t.bump_version();
    return;
  }
  in.tensor_set(t, items, src, at);
}

std::vector<Value> np_items(Interp& in, const Value& arr, Pos at) {
  const Tensor& t = as_nd(arr)->t;
  if (t.dim() == 0) npfail(at, "TypeError: iteration over a 0-d array");
  std::vector<Value> r;
  for (int64_t i = 0; i < t.shape()[0]; ++i) r.push_back(np_get_item(in, arr, {Value::integer(i)}, false, at));
  return r;
}

bool np_truthy(const Value& arr, Pos at) {
  const Tensor& t = as_nd(arr)->t;
  if (t.numel() != 1)
    npfail(at, "ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
  return t.to_vector()[0] != 0;
}

double np_to_double(const Value& arr, Pos at) {
  const Tensor& t = as_nd(arr)->t;
  if (t.numel() != 1) npfail(at, "TypeError: only size-1 arrays can be converted to Python scalars");
  return t.to_vector()[0];
}

bool np_builtin(Interp& in, Bi id, std::vector<Value>& pos, Pos at, Value& out) {
  if (pos.empty() || !is_nd(pos[0])) return false;
  const Tensor& t = as_nd(pos[0])->t;
  switch (id) {
    case Bi::Len:
      if (t.dim() == 0) npfail(at, "TypeError: len() of unsized object");
      out = Value::integer(t.shape()[0]);
      return true;
    case Bi::Float: out = Value::number(np_to_double(pos[0], at)); return true;
    case Bi::Int: {
      if (t.numel() != 1) npfail(at, "TypeError: only size-1 arrays can be converted to Python scalars");
      if (is_floating(t.dtype())) {
        const double v = t.to_vector()[0];
        if (!std::isfinite(v)) npfail(at, std::isnan(v) ? "ValueError: cannot convert float NaN to integer" : "OverflowError: cannot convert float infinity to integer");
        out = Value::integer(int64_t(v));
      } else {
        out = Value::integer(t.to_int_vector()[0]);
      }
      return true;
    }
    case Bi::Bool: out = Value::boolean(np_truthy(pos[0], at)); return true;
    case Bi::Abs: out = wrap(unary_fn("abs", t, at)); return true;
    default: return false;
  }
  (void)in;
}

std::string np_repr(const Value& v, bool str) {
  if (auto a = as_nd(v)) return str ? np_array_str(a->t) : np_array_repr(a->t);
  if (auto d = as<NpDTypeObj>(v, Tag::NpDType)) {
    if (d->is_type) return std::string("<class 'numpy.") + (d->d == DType::Bool ? "bool_" : d->name()) + "'>";
    return str ? d->name() : std::string("dtype('") + d->name() + "')";
  }
  if (auto f = as<NpFnObj>(v, Tag::NpFn)) {
    if (f->self.is_none()) return "<function " + f->name + ">";
    return "<built-in method " + f->name + " of numpy.ndarray object>";
  }
  return "";
}

// ---------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------
Value np_random_call(Interp& in, const std::string& name, std::vector<Value>& pos, Kw& kw, Pos at);  // numpy_random.cpp
bool np_random_has(const std::string& name);

namespace {
const char* const kFunctions[] = {
    "array", "asarray", "zeros", "ones", "full", "empty", "zeros_like", "ones_like", "full_like", "empty_like", "arange",
    "linspace", "eye", "identity", "dot", "matmul", "outer", "sum", "mean", "max", "min", "amax", "amin", "argmax",
    "argmin", "std", "var", "prod", "cumsum", "all", "any", "maximum", "minimum", "clip", "where", "reshape", "transpose",
    "concatenate", "stack", "vstack", "hstack", "squeeze", "expand_dims", "ravel", "shape", "size", "ndim", "add",
    "subtract", "multiply", "divide", "true_divide", "power", "floor_divide", "mod", "remainder", "allclose",
    "isclose", "array_equal", "isnan", "isinf", "isfinite", "round", "around", "copy", "sort", "argsort", "unique",
    "count_nonzero", "diag", "trace", "tile", "repeat", "flip", "abs"};
bool known_fn(const std::string& n) {
  if (is_unary_fn(n)) return true;
  for (const char* f : kFunctions)
    if (n == f) return true;
  return false;
}
Value dtype_type(DType d) { return make_obj<NpDTypeObj>(d, true); }
}  // namespace

Value np_module_attr(Interp& in, Mod m, const std::string& name, Pos at) {
  (void)in;
  if (m == Mod::NpRandom) {
    if (np_random_has(name)) return make_obj<NpFnObj>("random." + name);
    npfail(at, "AttributeError: tensorlens's numpy subset has no np.random." + name +
                   " (it has seed, rand, randn, randint, random, random_sample, uniform, normal, standard_normal, choice, shuffle, permutation)");
  }
  if (m == Mod::NpLinalg) {
    if (name == "norm" || name == "inv" || name == "det") return make_obj<NpFnObj>("linalg." + name);
    npfail(at, "AttributeError: tensorlens's numpy subset has no np.linalg." + name + " (it has norm, inv, det)");
  }
  if (name == "pi") return Value::number(M_PI);
  if (name == "e") return Value::number(M_E);
  if (name == "inf" || name == "Inf") return Value::number(INFINITY);
  if (name == "nan" || name == "NaN") return Value::number(NAN);
  if (name == "newaxis") return Value::none();
  if (name == "random") return make_obj<ModuleObj>(Mod::NpRandom);
  if (name == "linalg") return make_obj<ModuleObj>(Mod::NpLinalg);
  if (name == "float64" || name == "double" || name == "float_") return dtype_type(DType::Float64);
  if (name == "float32" || name == "single") return dtype_type(DType::Float32);
  if (name == "int64" || name == "int_" || name == "intp") return dtype_type(DType::Int64);
  if (name == "bool_") return dtype_type(DType::Bool);
  if (name == "ndarray") return make_obj<TypeObj>("numpy.ndarray");
  if (name == "dtype") return make_obj<NpFnObj>("dtype");
  if (name == "__version__") return Value::str("1.24.2");
  if (known_fn(name)) return make_obj<NpFnObj>(name);
  npfail(at, "AttributeError: tensorlens's numpy subset has no np." + name +
                     " (it has array creation, arithmetic and comparisons, reductions, elementwise math, shape functions, "
                     "np.random and np.linalg.norm/inv/det)");
}

Value np_array_attr(Interp& in, const Value& arr, const std::string& name, Pos at) {
  const Tensor& t = as_nd(arr)->t;
  if (name == "shape") {
    std::vector<Value> s;
    for (int i = 0; i < t.dim(); ++i) s.push_back(Value::integer(t.shape()[i]));
    return Value::tuple(std::move(s));
  }
  if (name == "ndim") return Value::integer(t.dim());
  if (name == "size") return Value::integer(t.numel());
  if (name == "dtype") return make_obj<NpDTypeObj>(t.dtype(), false);
  if (name == "T") return wrap(transpose_of(t, {}, at));
  if (name == "itemsize") return Value::integer(int64_t(dtype_size(t.dtype())));
  if (name == "nbytes") return Value::integer(int64_t(dtype_size(t.dtype())) * t.numel());
  static const char* const methods[] = {"astype", "copy", "tolist", "item", "reshape", "transpose", "flatten", "ravel", "sum",
                                        "mean", "max", "min", "argmax", "argmin", "std", "var", "prod", "cumsum", "all", "any",
                                        "dot", "clip", "squeeze", "fill", "round", "sort", "argsort"};
  for (const char* m : methods)
    if (name == m) return make_obj<NpFnObj>(name, arr);
  (void)in;
  npfail(at, "AttributeError: 'numpy.ndarray' object has no attribute '" + name + "' (or tensorlens's numpy subset lacks it)");
}

namespace {

// Methods and functions share implementations: `self` is the array of a method (pos[0] of a function).
Value dispatch(Interp& in, const std::string& fn, bool method, std::vector<Value>& pos, Kw& kw, Pos at) {
  Args A(pos, kw, fn, at);
  auto arr = [&](const Value& v) { return operand(in, v, at).t; };
  auto axis_reduce = [&](Red r) -> Value {
    Tensor t = arr(A.get("a", 0));
    Value axis = A.get("axis", 1);
    const bool keep = in.truthy(A.get("keepdims", 99, Value::boolean(false)), at);
    double ddof = 0;
    if (fn == "std" || fn == "var") ddof = in.to_double(A.get("ddof", 99, Value::integer(0)), at);
    A.done(2);
    if ((r == Red::Sum || r == Red::Prod || r == Red::Mean) && t.dtype() == DType::Bool) t = cast(t, DType::Int64);
    return reduce(in, r, t, axis, keep, at, ddof, fn == "std", fn == "var");
  };
  if (fn == "sum") return axis_reduce(Red::Sum);
  if (fn == "mean") return axis_reduce(Red::Mean);
  if (fn == "std" || fn == "var") return axis_reduce(Red::Mean);
  if (fn == "max" || fn == "amax") return axis_reduce(Red::Max);
  if (fn == "min" || fn == "amin") return axis_reduce(Red::Min);
  if (fn == "prod") return axis_reduce(Red::Prod);
  if (fn == "all") return axis_reduce(Red::All);
  if (fn == "any") return axis_reduce(Red::Any);
  if (fn == "argmax" || fn == "argmin") {
    Tensor t = arr(A.get("a", 0));
    Value axis = A.get("axis", 1);
    const bool keep = in.truthy(A.get("keepdims", 99, Value::boolean(false)), at);
    A.done(2);
    if (axis.is_none()) t = reshape_to(t, Shape{t.numel()}, at);
    return reduce(in, fn == "argmax" ? Red::ArgMax : Red::ArgMin, t, axis.is_none() ? Value::integer(0) : axis, keep, at);
  }
  if (fn == "cumsum") {
    Tensor t = arr(A.get("a", 0));
    Value axis = A.get("axis", 1);
    A.done(2);
    if (t.dtype() == DType::Bool) t = cast(t, DType::Int64);
    if (axis.is_none()) t = reshape_to(t.contiguous(), Shape{t.numel()}, at), axis = Value::integer(0);
    int64_t ax = in.to_index(axis, at);
    if (ax < 0) ax += t.dim();
    if (ax < 0 || ax >= t.dim()) npfail(at, "numpy.exceptions.AxisError: axis " + std::to_string(ax) + " is out of bounds for array of dimension " + std::to_string(t.dim()));
    // sequential running sums along `ax` (axis moved last, then back)
    std::vector<int64_t> perm;
    for (int i = 0; i < t.dim(); ++i)
      if (i != ax) perm.push_back(i);
    perm.push_back(ax);
    Tensor p = transpose_of(t, perm, at);
    const int64_t len = t.shape()[ax], rows = len ? t.numel() / len : 0;
    Tensor r;
    if (kind_of(t.dtype()) < 2) {
      std::vector<int64_t> v = p.to_int_vector();
      for (int64_t q = 0; q < rows; ++q)
        for (int64_t j = 1; j < len; ++j) v[size_t(q * len + j)] = int64_t(uint64_t(v[size_t(q * len + j)]) + uint64_t(v[size_t(q * len + j - 1)]));
      r = from_ints(v, p.shape(), t.dtype());
    } else {
      std::vector<double> v = p.to_vector();
      const bool f32 = t.dtype() == DType::Float32;
      for (int64_t q = 0; q < rows; ++q)
        for (int64_t j = 1; j < len; ++j) {
          const double x = v[size_t(q * len + j)] + v[size_t(q * len + j - 1)];
          v[size_t(q * len + j)] = f32 ? double(float(x)) : x;
        }
      r = from_doubles(v, p.shape(), t.dtype());
    }
    std::vector<int64_t> inv(perm.size());
    for (size_t i = 0; i < perm.size(); ++i) inv[size_t(perm[i])] = int64_t(i);
    return wrap(copy_of(transpose_of(r, inv, at)));
  }
  // ufuncs' out=: the result is written into that array (same_kind casting) and returned.
  auto to_out = [&](const Value& out, const Tensor& r) -> Value {
    if (!is_nd(out)) npfail(at, "TypeError: return arrays must be of ArrayType");
    const Tensor& o = as_nd(out)->t;
    if (kind_of(r.dtype()) > kind_of(o.dtype()))
      npfail(at, "numpy.core._exceptions._UFuncOutputCastingError: Cannot cast ufunc '" + fn + "' output from dtype('" + np_dtype_name(r.dtype()) +
                     "') to dtype('" + np_dtype_name(o.dtype()) + "') with casting rule 'same_kind'");
    if (r.shape() != o.shape())
      npfail(at, "ValueError: non-broadcastable output operand with shape " + shape_str(o.shape()) + " doesn't match the broadcast shape " + shape_str(r.shape()));
    NoGradGuard ng;
    in.at_pos(at, [&] { return const_cast<Tensor&>(o).copy_(cast(r, o.dtype())); });
    return out;
  };
  if (is_unary_fn(fn) && !method) {
    Value x = A.get("x", 0), out = A.get("out", 1);
    A.done(2);
    if (!out.is_none()) return to_out(out, unary_fn(fn, arr(x), at));
    const bool scalar = !is_nd(x) && x.is_number();
    Tensor r = unary_fn(fn, arr(x), at);
    if (scalar || r.dim() == 0) return np_scalar(r, 0);
    return wrap(r);
  }
  if (fn == "isnan" || fn == "isinf" || fn == "isfinite") {
    Value x = A.get("x", 0);
    A.done(1);
    Tensor t = arr(x);
    std::vector<int64_t> r;
    for (double v : t.to_vector()) r.push_back(fn == "isnan" ? std::isnan(v) : fn == "isinf" ? std::isinf(v) : std::isfinite(v));
    Tensor o = from_ints(r, t.shape(), DType::Bool);
    if (o.dim() == 0) return np_scalar(o, 0);
    return wrap(o);
  }
  static const std::pair<const char*, BinOpKind> binfns[] = {
      {"add", BinOpKind::Add}, {"subtract", BinOpKind::Sub}, {"multiply", BinOpKind::Mul}, {"divide", BinOpKind::Div},
      {"true_divide", BinOpKind::Div}, {"power", BinOpKind::Pow}, {"floor_divide", BinOpKind::FloorDiv},
      {"mod", BinOpKind::Mod}, {"remainder", BinOpKind::Mod}, {"matmul", BinOpKind::MatMul}};
  for (const auto& [n, op] : binfns)
    if (fn == n) {
      Value x = A.get("x1", 0), y = A.get("x2", 1), out = A.get("out", 2);
      A.done(3);
      Opnd a = operand(in, x, at), b = operand(in, y, at);
      Tensor r = elementwise(op, a, b, at);
      if (!out.is_none()) return to_out(out, r);
      if (r.dim() == 0) return np_scalar(r, 0);
      return wrap(r);
    }
  if (fn == "maximum" || fn == "minimum") {
    Value x = A.get("x1", 0), y = A.get("x2", 1);
    A.done(2);
    Opnd a = operand(in, x, at), b = operand(in, y, at);
    const DType rt = result_type(a, b);
    const Shape s = broadcast(a.t.shape(), b.t.shape(), at);
    Tensor p = broadcast_to(cast(a.t, rt), s), q = broadcast_to(cast(b.t, rt), s);
    Tensor r;
    if (kind_of(rt) < 2) {
      std::vector<int64_t> u = p.to_int_vector(), v = q.to_int_vector();
      for (size_t k = 0; k < u.size(); ++k) u[k] = fn == "maximum" ? std::max(u[k], v[k]) : std::min(u[k], v[k]);
      r = from_ints(u, s, rt);
    } else {
      std::vector<double> u = p.to_vector(), v = q.to_vector();
      for (size_t k = 0; k < u.size(); ++k)
        u[k] = std::isnan(u[k]) ? u[k] : std::isnan(v[k]) ? v[k] : fn == "maximum" ? (v[k] > u[k] ? v[k] : u[k]) : (v[k] < u[k] ? v[k] : u[k]);
      r = from_doubles(u, s, rt);
    }
    if (r.dim() == 0) return np_scalar(r, 0);
    return wrap(r);
  }
  if (fn == "clip") {
    Value x = A.get("a", 0), lo = A.get("a_min", 1), hi = A.get("a_max", 2);
    A.done(3);
    Value r = x;
    std::vector<Value> p1{r, lo}, p2;
    Kw none;
    if (!lo.is_none()) r = dispatch(in, "maximum", false, p1, none, at);
    if (!hi.is_none()) {
      p2 = {r, hi};
      r = dispatch(in, "minimum", false, p2, none, at);
    }
    return r;
  }
  if (fn == "where") {
    if (pos.size() != 3) npfail(at, "NotImplementedError: tensorlens's numpy supports np.where(condition, x, y) with three arguments");
    Opnd c = operand(in, pos[0], at), a = operand(in, pos[1], at), b = operand(in, pos[2], at);
    const DType rt = result_type(a, b);
    const Shape s = broadcast(broadcast(c.t.shape(), a.t.shape(), at), b.t.shape(), at);
    std::vector<double> cv = broadcast_to(c.t, s).to_vector();
    Tensor p = broadcast_to(cast(a.t, rt), s), q = broadcast_to(cast(b.t, rt), s);
    Tensor r;
    if (kind_of(rt) < 2) {
      std::vector<int64_t> u = p.to_int_vector(), v = q.to_int_vector();
      for (size_t k = 0; k < u.size(); ++k) u[k] = cv[k] != 0 ? u[k] : v[k];
      r = from_ints(u, s, rt);
    } else {
      std::vector<double> u = p.to_vector(), v = q.to_vector();
      for (size_t k = 0; k < u.size(); ++k) u[k] = cv[k] != 0 ? u[k] : v[k];
      r = from_doubles(u, s, rt);
    }
    if (r.dim() == 0) return np_scalar(r, 0);
    return wrap(r);
  }
  if (fn == "dot") {
    Value x = A.get("a", 0), y = A.get("b", 1);
    A.done(2);
    Tensor r = matmul(arr(x), arr(y), at, true);
    if (r.dim() == 0) return np_scalar(r, 0);
    return wrap(r);
  }
  if (fn == "outer") {
    Tensor a = arr(A.get("a", 0)), b = arr(A.get("b", 1));
    A.done(2);
    a = reshape_to(a.contiguous(), Shape{a.numel(), 1}, at);
    b = reshape_to(b.contiguous(), Shape{1, b.numel()}, at);
    return wrap(elementwise(BinOpKind::Mul, {a, false}, {b, false}, at));
  }
  if (fn == "reshape") {
    Tensor t = arr(A.get("a", 0));
    Shape s;
    if (method) s = shape_arg(in, pos, 1, at);
    else {
      Value ns = A.get("newshape", 1);
      s = ns.is_seq() ? shape_arg(in, *ns.items, 0, at) : Shape{in.to_index(ns, at)};
    }
    return wrap(reshape_to(t, s, at));
  }
  if (fn == "transpose") {
    Tensor t = arr(A.get("a", 0));
    std::vector<int64_t> perm;
    if (method && pos.size() > 1) {
      Shape s = shape_arg(in, pos, 1, at);
      perm = s.vec();
    } else if (!method && A.has("axes", 1)) {
      Value ax = A.get("axes", 1);
      for (const Value& x : in.to_vector(ax, at)) perm.push_back(in.to_index(x, at));
    }
    return wrap(transpose_of(t, perm, at));
  }
  if (fn == "flatten" || fn == "ravel") {
    Tensor t = arr(A.get("a", 0));
    NoGradGuard ng;
    Tensor c = copy_of(t);
    return wrap(c.reshape(Shape{t.numel()}));
  }
  if (fn == "squeeze") {
    Tensor t = arr(A.get("a", 0));
    Value axis = A.get("axis", 1);
    Shape s;
    for (int i = 0; i < t.dim(); ++i) {
      bool drop = axis.is_none() ? t.shape()[i] == 1 : false;
      if (!axis.is_none()) {
        int64_t a = in.to_index(axis, at);
        if (a < 0) a += t.dim();
        if (a == i) {
          if (t.shape()[i] != 1) npfail(at, "ValueError: cannot select an axis to squeeze out which has size not equal to one");
          drop = true;
        }
      }
      if (!drop) s.push_back(t.shape()[i]);
    }
    return wrap(reshape_to(t, s, at));
  }
  if (fn == "expand_dims") {
    Tensor t = arr(A.get("a", 0));
    int64_t a = in.to_index(A.get("axis", 1), at);
    Shape s = t.shape();
    if (a < 0) a += s.n + 1;
    if (a < 0 || a > s.n) npfail(at, "numpy.exceptions.AxisError: axis " + std::to_string(a) + " is out of bounds for array of dimension " + std::to_string(s.n + 1));
    s.insert(int(a), 1);
    return wrap(reshape_to(t, s, at));
  }
  if (fn == "concatenate" || fn == "stack" || fn == "vstack" || fn == "hstack") {
    Value seq = A.get("arrays", 0);
    if (fn == "vstack" || fn == "hstack") {
      std::vector<Value> xs = in.to_vector(seq, at), ys;
      for (const Value& x : xs) {
        Tensor t = arr(x);
        if (fn == "vstack" && t.dim() < 2) t = reshape_to(t, Shape{1, t.numel()}, at);
        if (fn == "hstack" && t.dim() == 0) t = reshape_to(t, Shape{1}, at);
        ys.push_back(wrap(t));
      }
      int64_t ax = fn == "vstack" ? 0 : (arr(ys[0]).dim() == 1 ? 0 : 1);
      return wrap(concat(in, Value::list(ys), ax, false, at));
    }
    Value axis = A.get("axis", 1, Value::integer(0));
    A.done(2);
    if (axis.is_none()) {
      std::vector<Value> xs = in.to_vector(seq, at), ys;
      for (const Value& x : xs) ys.push_back(wrap(reshape_to(arr(x).contiguous(), Shape{arr(x).numel()}, at)));
      return wrap(concat(in, Value::list(ys), 0, false, at));
    }
    return wrap(concat(in, seq, in.to_index(axis, at), fn == "stack", at));
  }
  if (fn == "copy") {
    Tensor t = arr(A.get("a", 0));
    return wrap(copy_of(t));
  }
  if (fn == "astype") {
    Tensor t = arr(A.get("a", 0));
    DType d = dtype_of_value(A.get("dtype", 1), at);
    return wrap(copy_of(cast(t, d)));
  }
  if (fn == "tolist") {
    Tensor t = arr(A.get("a", 0)).contiguous();
    // nested lists of Python scalars, built bottom-up (no recursion)
    std::vector<Value> level;
    for (int64_t i = 0; i < t.numel(); ++i) level.push_back(np_scalar(t, i));
    if (t.dim() == 0) return level[0];
    for (int d = t.dim() - 1; d >= 0; --d) {
      const int64_t n = t.shape()[d];
      std::vector<Value> up;
      for (size_t i = 0; i < level.size(); i += size_t(n)) up.push_back(Value::list(std::vector<Value>(level.begin() + long(i), level.begin() + long(i + size_t(n)))));
      if (n == 0) {
        int64_t outer = 1;
        for (int k = 0; k < d; ++k) outer *= t.shape()[k];
        up.assign(static_cast<size_t>(outer), Value::list({}));
      }
      level = std::move(up);
    }
    return level[0];
  }
  if (fn == "item") {
    Tensor t = arr(A.get("a", 0)).contiguous();
    if (pos.size() > 1) {
      int64_t i = in.to_index(pos[1], at);
      if (i < 0) i += t.numel();
      if (i < 0 || i >= t.numel()) npfail(at, "IndexError: index " + std::to_string(in.to_index(pos[1], at)) + " is out of bounds for size " + std::to_string(t.numel()));
      return np_scalar(t, i);
    }
    if (t.numel() != 1) npfail(at, "ValueError: can only convert an array of size 1 to a Python scalar");
    return np_scalar(t, 0);
  }
  if (fn == "fill") {
    const Tensor& t = as_nd(pos[0])->t;
    const double v = in.to_double(A.get("value", 1), at);
    NoGradGuard ng;
    const_cast<Tensor&>(t).fill_(v);
    return Value();
  }
  if (fn == "round" || fn == "around") {
    Tensor t = arr(A.get("a", 0));
    const int64_t dec = in.to_index(A.get("decimals", 1, Value::integer(0)), at);
    if (kind_of(t.dtype()) < 2) return wrap(copy_of(t));
    std::vector<double> v = t.to_vector();
    const double f = std::pow(10.0, double(dec));
    for (auto& x : v) x = dec >= 0 ? std::nearbyint(x * f) / f : std::nearbyint(x / std::pow(10.0, double(-dec))) * std::pow(10.0, double(-dec));
    Tensor r = from_doubles(v, t.shape(), t.dtype());
    if (r.dim() == 0) return np_scalar(r, 0);
    return wrap(r);
  }
  if (fn == "array" || fn == "asarray") {
    Value x = A.get("object", 0), dt = A.get("dtype", 1);
    const bool copy = fn == "array" && in.truthy(A.get("copy", 2, Value::boolean(true)), at);
    A.done(3);
    if (!copy && is_nd(x) && (dt.is_none() || dtype_of_value(dt, at) == as_nd(x)->t.dtype())) return x;
    return wrap(array_of(in, x, dt, at));
  }
  if (fn == "zeros" || fn == "ones" || fn == "empty" || fn == "full") {
    Value sh = A.get("shape", 0);
    Value fill = fn == "full" ? A.get("fill_value", 1) : Value::integer(fn == "ones" ? 1 : 0);
    Value dt = A.get("dtype", fn == "full" ? 2 : 1);
    A.done(fn == "full" ? 3 : 2);
    Shape s = check_shape(sh.is_seq() ? shape_arg(in, *sh.items, 0, at) : Shape{in.to_index(sh, at)}, at);
    DType d = DType::Float64;
    if (!dt.is_none()) d = dtype_of_value(dt, at);
    else if (fn == "full") d = operand(in, fill, at).t.dtype();
    Opnd f = operand(in, fill, at);
    return wrap(copy_of(broadcast_to(cast(f.t, d), s)));
  }
  if (fn == "zeros_like" || fn == "ones_like" || fn == "empty_like" || fn == "full_like") {
    Tensor t = arr(A.get("a", 0));
    Value fill = fn == "full_like" ? A.get("fill_value", 1) : Value::integer(fn == "ones_like" ? 1 : 0);
    Value dt = A.get("dtype", fn == "full_like" ? 2 : 1);
    DType d = dt.is_none() ? t.dtype() : dtype_of_value(dt, at);
    return wrap(copy_of(broadcast_to(cast(operand(in, fill, at).t, d), t.shape())));
  }
  if (fn == "arange") {
    std::vector<Value> nums;
    for (size_t i = 0; i < pos.size(); ++i) nums.push_back(pos[i]);
    Value dt;
    for (auto& [k, v] : kw) {
      if (k == "dtype") dt = v;
      else if (k == "start" && nums.empty()) nums.push_back(v);
      else if (k == "stop") nums.push_back(v);
      else if (k == "step") {
        while (nums.size() < 2) nums.push_back(nums.empty() ? Value::integer(0) : nums.back());
        nums.push_back(v);
      } else npfail(at, "TypeError: arange() got an unexpected keyword argument '" + k + "'");
    }
    if (nums.empty() || nums.size() > 3) npfail(at, "TypeError: arange() requires stop to be specified.");
    Value start = nums.size() >= 2 ? nums[0] : Value::integer(0), stop = nums.size() >= 2 ? nums[1] : nums[0],
          step = nums.size() == 3 ? nums[2] : Value::integer(1);
    const bool ints = is_int_like(start) && is_int_like(stop) && is_int_like(step);
    DType d = dt.is_none() ? (ints ? DType::Int64 : DType::Float64) : dtype_of_value(dt, at);
    const double a = in.to_double(start, at), b = in.to_double(stop, at), st = in.to_double(step, at);
    if (st == 0) npfail(at, "ZeroDivisionError: division by zero");
    const double len = std::ceil((b - a) / st);
    if (std::isnan(len)) npfail(at, "ValueError: arange: cannot compute length");
    if (len > double(max_elements())) npfail(at, "MemoryError: array too large");  // also an infinite length
    const int64_t n = len > 0 ? int64_t(len) : 0;
    if (ints) {
      std::vector<int64_t> v(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i) v[size_t(i)] = int_of(start) + i * int_of(step);
      return wrap(from_ints(v, Shape{n}, d));
    }
    // numpy fills start, start + delta and continues with i * delta (delta = second - first)
    std::vector<double> v(static_cast<size_t>(n));
    const double delta = (a + st) - a;
    for (int64_t i = 0; i < n; ++i) v[size_t(i)] = i == 0 ? a : a + double(i) * delta;
    return wrap(from_doubles(v, Shape{n}, d));
  }
  if (fn == "linspace") {
    const double a = in.to_double(A.get("start", 0), at), b = in.to_double(A.get("stop", 1), at);
    const int64_t num = in.to_index(A.get("num", 2, Value::integer(50)), at);
    const bool endpoint = in.truthy(A.get("endpoint", 3, Value::boolean(true)), at);
    Value dt = A.get("dtype", 99);
    A.done(4);
    if (num < 0) npfail(at, "ValueError: Number of samples, " + std::to_string(num) + ", must be non-negative.");
    check_shape(Shape{num}, at);
    // numpy: step = (stop - start) / div; y = arange(num) * step + start; y[-1] = stop
    const int64_t div = endpoint ? num - 1 : num;
    std::vector<double> v(static_cast<size_t>(num));
    const double delta = b - a;
    const double step = div > 0 ? delta / double(div) : NAN;
    for (int64_t i = 0; i < num; ++i) {
      if (div > 0) v[size_t(i)] = step == 0 ? (double(i) / double(div)) * delta + a : double(i) * step + a;
      else v[size_t(i)] = double(i) * delta + a;
    }
    if (endpoint && num > 1) v[size_t(num - 1)] = b;
    DType d = dt.is_none() ? DType::Float64 : dtype_of_value(dt, at);
    return wrap(from_doubles(v, Shape{num}, d));
  }
  if (fn == "eye" || fn == "identity") {
    const int64_t n = in.to_index(A.get("N", 0), at);
    Value mv = fn == "eye" ? A.get("M", 1) : Value();
    const int64_t m = mv.is_none() ? n : in.to_index(mv, at);
    const int64_t k = fn == "eye" ? in.to_index(A.get("k", 2, Value::integer(0)), at) : 0;
    Value dt = A.get("dtype", fn == "eye" ? 3 : 1);
    check_shape(Shape{n, m}, at);
    std::vector<double> v(static_cast<size_t>(n * m), 0.0);
    for (int64_t i = 0; i < n; ++i)
      if (i + k >= 0 && i + k < m) v[size_t(i * m + i + k)] = 1;
    return wrap(from_doubles(v, Shape{n, m}, dt.is_none() ? DType::Float64 : dtype_of_value(dt, at)));
  }
  if (fn == "shape" || fn == "size" || fn == "ndim") {
    Tensor t = arr(A.get("a", 0));
    return np_array_attr(in, wrap(t), fn, at);
  }
  if (fn == "allclose" || fn == "isclose" || fn == "array_equal") {
    Opnd a = operand(in, A.get("a", 0), at), b = operand(in, A.get("b", 1), at);
    const double rtol = in.to_double(A.get("rtol", 2, Value::number(1e-5)), at), atol = in.to_double(A.get("atol", 3, Value::number(1e-8)), at);
    if (fn == "array_equal" && a.t.shape() != b.t.shape()) return Value::boolean(false);
    const Shape s = broadcast(a.t.shape(), b.t.shape(), at);
    std::vector<double> x = broadcast_to(a.t, s).to_vector(), y = broadcast_to(b.t, s).to_vector();
    std::vector<int64_t> r(x.size());
    bool all = true;
    for (size_t k = 0; k < x.size(); ++k) {
      r[k] = fn == "array_equal" ? x[k] == y[k] : (x[k] == y[k] || std::fabs(x[k] - y[k]) <= atol + rtol * std::fabs(y[k]));
      all = all && r[k];
    }
    if (fn == "isclose") {
      Tensor o = from_ints(r, s, DType::Bool);
      return o.dim() == 0 ? np_scalar(o, 0) : wrap(o);
    }
    return Value::boolean(all);
  }
  if (fn == "count_nonzero") {
    Tensor t = arr(A.get("a", 0));
    int64_t c = 0;
    for (double v : t.to_vector()) c += v != 0;
    return Value::integer(c);
  }
  if (fn == "sort" || fn == "argsort") {
    Tensor t = arr(A.get("a", 0));
    if (t.dim() != 1) npfail(at, "NotImplementedError: tensorlens's numpy sorts 1-D arrays only");
    std::vector<double> v = t.to_vector();
    std::vector<int64_t> ix(v.size());
    for (size_t i = 0; i < ix.size(); ++i) ix[i] = int64_t(i);
    std::stable_sort(ix.begin(), ix.end(), [&](int64_t p, int64_t q) {
      const double a = v[size_t(p)], b = v[size_t(q)];
      return std::isnan(b) ? !std::isnan(a) : a < b;
    });
    if (fn == "argsort") return wrap(from_ints(ix, t.shape(), DType::Int64));
    std::vector<double> s(v.size());
    for (size_t i = 0; i < s.size(); ++i) s[i] = v[size_t(ix[i])];
    Tensor r = kind_of(t.dtype()) < 2 ? from_ints([&] { std::vector<int64_t> iv = t.to_int_vector(), o(iv.size()); for (size_t i = 0; i < o.size(); ++i) o[i] = iv[size_t(ix[i])]; return o; }(), t.shape(), t.dtype())
                                      : from_doubles(s, t.shape(), t.dtype());
    if (method) {
      NoGradGuard ng;
      const_cast<Tensor&>(as_nd(pos[0])->t).copy_(r);
      return Value();
    }
    return wrap(r);
  }
  if (fn == "unique") {
    Tensor t = arr(A.get("ar", 0));
    std::vector<double> v = t.to_vector();
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return wrap(from_doubles(v, Shape{int64_t(v.size())}, t.dtype()));
  }
  if (fn == "diag") {
    Tensor t = arr(A.get("v", 0));
    if (t.dim() == 1) {
      const int64_t n = t.numel();
      std::vector<double> v(static_cast<size_t>(n * n), 0.0), x = t.to_vector();
      for (int64_t i = 0; i < n; ++i) v[size_t(i * n + i)] = x[size_t(i)];
      return wrap(from_doubles(v, Shape{n, n}, t.dtype()));
    }
    if (t.dim() != 2) npfail(at, "ValueError: Input must be 1- or 2-d.");
    const int64_t n = std::min(t.shape()[0], t.shape()[1]);
    std::vector<double> x = t.to_vector(), v(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) v[size_t(i)] = x[size_t(i * t.shape()[1] + i)];
    return wrap(from_doubles(v, Shape{n}, t.dtype()));
  }
  if (fn == "trace") {
    Tensor t = arr(A.get("a", 0));
    if (t.dim() != 2) npfail(at, "ValueError: diag requires an array of at least two dimensions");
    std::vector<double> x = t.to_vector();
    double s = 0;
    for (int64_t i = 0; i < std::min(t.shape()[0], t.shape()[1]); ++i) s += x[size_t(i * t.shape()[1] + i)];
    return kind_of(t.dtype()) < 2 ? Value::integer(int64_t(s)) : Value::number(s);
  }
  if (fn == "tile" || fn == "repeat" || fn == "flip") {
    Tensor t = arr(A.get("a", 0));
    if (t.dim() != 1) npfail(at, "NotImplementedError: tensorlens's numpy supports np." + fn + " of 1-D arrays only");
    std::vector<double> x = t.to_vector(), v;
    if (fn == "flip") v.assign(x.rbegin(), x.rend());
    else {
      const int64_t r = in.to_index(A.get(fn == "tile" ? "reps" : "repeats", 1), at);
      check_shape(Shape{r * t.numel()}, at);
      for (int64_t k = 0; k < (fn == "tile" ? r : 1); ++k)
        for (double e : x)
          for (int64_t j = 0; j < (fn == "repeat" ? r : 1); ++j) v.push_back(e);
    }
    return wrap(from_doubles(v, Shape{int64_t(v.size())}, t.dtype()));
  }
  if (fn == "dtype") {
    Value d = A.get("dtype", 0);
    return make_obj<NpDTypeObj>(dtype_of_value(d, at), false);
  }
  if (fn == "linalg.norm") {
    Tensor t = arr(A.get("x", 0));
    if (A.has("ord", 1) && !A.get("ord", 1).is_none()) npfail(at, "NotImplementedError: tensorlens's np.linalg.norm computes the 2-norm / Frobenius norm only");
    Value axis = A.get("axis", 2);
    if (!axis.is_none()) {
      Tensor sq = elementwise(BinOpKind::Mul, {cast(t, DType::Float64), false}, {cast(t, DType::Float64), false}, at);
      Value s = reduce(in, Red::Sum, sq, axis, false, at);
      std::vector<Value> p{s};
      Kw none;
      return dispatch(in, "sqrt", false, p, none, at);
    }
    // numpy: sqrt(dot(x.ravel(), x.ravel())) for float input
    std::vector<double> x = t.to_vector();
    double s = 0;
    for (double e : x) s += e * e;
    return Value::number(std::sqrt(s));
  }
  if (fn == "linalg.inv" || fn == "linalg.det") {
    Tensor t = cast(arr(A.get("a", 0)), DType::Float64);
    if (t.dim() != 2 || t.shape()[0] != t.shape()[1])
      npfail(at, "numpy.linalg.LinAlgError: Last 2 dimensions of the array must be square");
    const int64_t n = t.shape()[0];
    std::vector<double> a = t.to_vector(), inv(static_cast<size_t>(n * n), 0.0);
    for (int64_t i = 0; i < n; ++i) inv[size_t(i * n + i)] = 1;
    double det = 1;
    for (int64_t c = 0; c < n; ++c) {  // Gauss-Jordan with partial pivoting
      int64_t p = c;
      for (int64_t r = c + 1; r < n; ++r)
        if (std::fabs(a[size_t(r * n + c)]) > std::fabs(a[size_t(p * n + c)])) p = r;
      if (a[size_t(p * n + c)] == 0) {
        if (fn == "linalg.det") return Value::number(0.0);
        npfail(at, "numpy.linalg.LinAlgError: Singular matrix");
      }
      if (p != c) {
        det = -det;
        for (int64_t j = 0; j < n; ++j) std::swap(a[size_t(p * n + j)], a[size_t(c * n + j)]), std::swap(inv[size_t(p * n + j)], inv[size_t(c * n + j)]);
      }
      const double d = a[size_t(c * n + c)];
      det *= d;
      for (int64_t j = 0; j < n; ++j) a[size_t(c * n + j)] /= d, inv[size_t(c * n + j)] /= d;
      for (int64_t r = 0; r < n; ++r)
        if (r != c) {
          const double f = a[size_t(r * n + c)];
          for (int64_t j = 0; j < n; ++j) a[size_t(r * n + j)] -= f * a[size_t(c * n + j)], inv[size_t(r * n + j)] -= f * inv[size_t(c * n + j)];
        }
    }
    if (fn == "linalg.det") return Value::number(det);
    return wrap(from_doubles(inv, t.shape(), DType::Float64));
  }
  npfail(at, "AttributeError: tensorlens's numpy subset has no np." + fn);
}

}  // namespace

Value np_call(Interp& in, const Value& fnv, std::vector<Value>& pos, Kw& kw, Pos at) {
  if (auto d = as<NpDTypeObj>(fnv, Tag::NpDType)) {  // np.float32(x): a scalar (an array for sequences)
    if (!d->is_type) npfail(at, "TypeError: 'numpy.dtype[" + std::string(d->name()) + "]' object is not callable");
    if (pos.size() != 1) npfail(at, std::string("TypeError: ") + d->name() + "() takes one argument");
    Tensor t = cast(operand(in, pos[0], at).t, d->d);
    if (t.dim() == 0) return np_scalar(t, 0);
    return wrap(copy_of(t));
  }
  const auto* f = as<NpFnObj>(fnv, Tag::NpFn);
  if (f->name == "tensor.numpy") {
    if (!pos.empty() || !kw.empty()) npfail(at, "TypeError: numpy() takes no arguments in tensorlens");
    return np_from_tensor(f->self.t, at);
  }
  if (f->name == "torch.from_numpy") {
    if (pos.size() != 1 || !kw.empty()) npfail(at, "TypeError: from_numpy() takes exactly one argument (" + std::to_string(pos.size()) + " given)");
    if (!is_nd(pos[0])) npfail(at, "TypeError: expected np.ndarray (got " + pos[0].type_name() + ")");
    return Value::tensor(np_to_tensor(pos[0], true));  // shares the array's memory, as PyTorch does
  }
  if (f->name.rfind("random.", 0) == 0) return np_random_call(in, f->name.substr(7), pos, kw, at);
  if (!f->self.is_none()) {
    pos.insert(pos.begin(), f->self);
    return dispatch(in, f->name, true, pos, kw, at);
  }
  return dispatch(in, f->name, false, pos, kw, at);
}

// Shared with numpy_random.cpp.
Value np_wrap(Tensor t) { return wrap(std::move(t)); }
Tensor np_from_doubles(const std::vector<double>& v, const Shape& s, DType d) { return from_doubles(v, s, d); }
Tensor np_from_ints(const std::vector<int64_t>& v, const Shape& s, DType d) { return from_ints(v, s, d); }
Tensor np_operand(Interp& in, const Value& v, Pos at) { return operand(in, v, at).t; }

}  // namespace tl::lang::detail
