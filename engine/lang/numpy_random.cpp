// np.random: numpy's legacy RandomState (numpy/random/mtrand.pyx and its C distributions), so a
// seed gives numpy's exact numbers. MT19937 seeded by init_genrand(seed) (mt19937_seed);
// random_sample = (a >> 5, b >> 6) / 2^53; gauss = the polar method keeping its second value
// (legacy_gauss); randint = masked rejection on 32-bit draws (random_bounded_uint64_fill with
// use_masked); shuffle/permutation = Fisher-Yates from the end with random_interval.
#include <random>

#include "engine/core/cr_math.h"
#include "engine/lang/numpy.h"

namespace tl::lang::detail {

Value np_wrap(Tensor t);
Tensor np_from_doubles(const std::vector<double>& v, const Shape& s, DType d);
Tensor np_from_ints(const std::vector<int64_t>& v, const Shape& s, DType d);
Tensor np_operand(Interp& in, const Value& v, Pos at);
Value np_get_item(Interp& in, const Value& arr, const std::vector<Value>& idx, bool is_tuple, Pos at);

namespace {

NpState& state(Interp& in) {
  if (!in.np_state_) in.np_state_ = std::make_shared<NpState>();
  return *in.np_state_;
}

double next_double(NpState& s) {
  const uint32_t a = s.mt.next32() >> 5, b = s.mt.next32() >> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}
uint64_t next_uint64(NpState& s) {
  const uint64_t hi = s.mt.next32();
  return hi << 32 | s.mt.next32();
}
double npy_log(double x) {
#ifdef __EMSCRIPTEN__
  return crmath::log(x);  // glibc's log (numpy's C library) is correctly rounded in all but rare cases
#else
  return std::log(x);
#endif
}
double gauss(NpState& s) {
  if (s.has_gauss) {
    s.has_gauss = false;
    const double t = s.gauss;
    s.gauss = 0;
    return t;
  }
  double x1, x2, r2;
  do {
    x1 = 2.0 * next_double(s) - 1.0;
    x2 = 2.0 * next_double(s) - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const double f = std::sqrt(-2.0 * npy_log(r2) / r2);
  s.gauss = f * x1;
  s.has_gauss = true;
  return f * x2;
}
uint64_t gen_mask(uint64_t max) {
  uint64_t mask = max;
  mask |= mask >> 1, mask |= mask >> 2, mask |= mask >> 4, mask |= mask >> 8, mask |= mask >> 16, mask |= mask >> 32;
  return mask;
}
// An integer in [0, max] (random_interval).
uint64_t interval(NpState& s, uint64_t max) {
  if (max == 0) return 0;
  const uint64_t mask = gen_mask(max);
  uint64_t v;
  if (max <= 0xffffffffULL) {
    while ((v = (s.mt.next32() & mask)) > max) {
    }
  } else {
    while ((v = (next_uint64(s) & mask)) > max) {
    }
  }
  return v;
}
// off + an integer in [0, rng] (random_bounded_uint64_fill, masked).
int64_t bounded(NpState& s, int64_t off, uint64_t rng) {
  if (rng == 0) return off;
  if (rng <= 0xffffffffULL) {
    if (rng == 0xffffffffULL) return int64_t(uint64_t(off) + s.mt.next32());
    const uint32_t mask = uint32_t(gen_mask(rng));
    uint32_t v;
    while ((v = (s.mt.next32() & mask)) > rng) {
    }
    return int64_t(uint64_t(off) + v);
  }
  if (rng == ~0ULL) return int64_t(uint64_t(off) + next_uint64(s));
  const uint64_t mask = gen_mask(rng);
  uint64_t v;
  while ((v = (next_uint64(s) & mask)) > rng) {
  }
  return int64_t(uint64_t(off) + v);
}

// size=None | int | tuple. Returns false for None (a scalar result).
bool size_arg(Interp& in, const Value& v, Shape& s, Pos at) {
  if (v.is_none()) return false;
  s = Shape{};
  std::vector<Value> xs = v.is_seq() ? *v.items : std::vector<Value>{v};
  if (xs.size() > size_t(kMaxDims)) Interp::fail(at, "ValueError: arrays have at most 8 dimensions in tensorlens");
  int64_t n = 1;
  for (const Value& x : xs) {
    const int64_t d = in.to_index(x, at);
    if (d < 0) Interp::fail(at, "ValueError: negative dimensions are not allowed");
    if (d && n > max_elements() / d) Interp::fail(at, "MemoryError: array too large");
    n *= d;
    s.push_back(d);
  }
  return true;
}

Value get(const std::vector<Value>& pos, const Kw& kw, const char* name, size_t i, Value dflt = Value()) {
  if (i < pos.size()) return pos[i];
  for (auto& [k, v] : kw)
    if (k == name) return v;
  return dflt;
}
void check_kw(const Kw& kw, std::initializer_list<const char*> names, const std::string& fn, Pos at) {
  for (auto& [k, v] : kw) {
    bool ok = false;
    for (const char* n : names) ok = ok || k == n;
    if (!ok) Interp::fail(at, "TypeError: " + fn + "() got an unexpected keyword argument '" + k + "'");
  }
}

// Fisher-Yates as numpy's legacy shuffle: for i = n-1..1, j = random_interval(i), swap rows i, j.
std::vector<int64_t> shuffled_order(NpState& s, int64_t n) {
  std::vector<int64_t> ix(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) ix[size_t(i)] = i;
  for (int64_t i = n - 1; i >= 1; --i) std::swap(ix[size_t(i)], ix[size_t(interval(s, uint64_t(i)))]);
  return ix;
}

}  // namespace

bool np_random_has(const std::string& n) {
  static const char* const names[] = {"seed", "rand", "randn", "randint", "random", "random_sample", "ranf", "sample", "uniform",
                                       "normal", "standard_normal", "choice", "shuffle", "permutation"};
  for (const char* x : names)
    if (n == x) return true;
  return false;
}

Value np_random_call(Interp& in, const std::string& fn, std::vector<Value>& pos, Kw& kw, Pos at) {
  NpState& s = state(in);
  Shape shape;
  if (fn == "seed") {
    check_kw(kw, {"seed"}, fn, at);
    Value v = get(pos, kw, "seed", 0);
    if (v.is_none()) {
      std::random_device rd;
      s.mt.init_genrand(rd());
    } else {
      const int64_t n = in.to_index(v, at);
      if (n < 0 || n > int64_t(0xffffffffLL)) Interp::fail(at, "ValueError: Seed must be between 0 and 2**32 - 1");
      s.mt.init_genrand(uint32_t(n));
    }
    s.has_gauss = false;
    s.gauss = 0;
    return Value();
  }
  if (fn == "rand" || fn == "randn") {
    if (!kw.empty()) Interp::fail(at, "TypeError: " + fn + "() got an unexpected keyword argument '" + kw[0].first + "'");
    if (pos.empty()) return Value::number(fn == "rand" ? next_double(s) : gauss(s));
    bool has = size_arg(in, Value::tuple(pos), shape, at);
    (void)has;
    std::vector<double> v(static_cast<size_t>(shape.numel()));
    for (auto& x : v) x = fn == "rand" ? next_double(s) : gauss(s);
    return np_wrap(np_from_doubles(v, shape, DType::Float64));
  }
  if (fn == "random" || fn == "random_sample" || fn == "ranf" || fn == "sample" || fn == "standard_normal") {
    check_kw(kw, {"size"}, fn, at);
    if (!size_arg(in, get(pos, kw, "size", 0), shape, at)) return Value::number(fn == "standard_normal" ? gauss(s) : next_double(s));
    std::vector<double> v(static_cast<size_t>(shape.numel()));
    for (auto& x : v) x = fn == "standard_normal" ? gauss(s) : next_double(s);
    return np_wrap(np_from_doubles(v, shape, DType::Float64));
  }
  if (fn == "uniform" || fn == "normal") {
    const bool uni = fn == "uniform";
    check_kw(kw, {uni ? "low" : "loc", uni ? "high" : "scale", "size"}, fn, at);
    Value a = get(pos, kw, uni ? "low" : "loc", 0, Value::number(0.0)), b = get(pos, kw, uni ? "high" : "scale", 1, Value::number(1.0));
    if (!a.is_number() || !b.is_number())
      Interp::fail(at, "NotImplementedError: tensorlens's np.random." + fn + " takes numbers for its parameters");
    const double p = a.as_double(), q = b.as_double();
    if (!uni && q < 0) Interp::fail(at, "ValueError: scale < 0");
    const double range = q - p;
    if (uni && !std::isfinite(range)) Interp::fail(at, "OverflowError: Range exceeds valid bounds");
    auto draw = [&] { return uni ? p + range * next_double(s) : p + q * gauss(s); };
    if (!size_arg(in, get(pos, kw, "size", 2), shape, at)) return Value::number(draw());
    std::vector<double> v(static_cast<size_t>(shape.numel()));
    for (auto& x : v) x = draw();
    return np_wrap(np_from_doubles(v, shape, DType::Float64));
  }
  if (fn == "randint") {
    check_kw(kw, {"low", "high", "size", "dtype"}, fn, at);
    int64_t low = in.to_index(get(pos, kw, "low", 0), at);
    Value hv = get(pos, kw, "high", 1);
    int64_t high;
    if (hv.is_none()) high = low, low = 0;
    else high = in.to_index(hv, at);
    if (low >= high) Interp::fail(at, hv.is_none() ? "ValueError: high <= 0" : "ValueError: low >= high");
    const uint64_t rng = uint64_t(high) - uint64_t(low) - 1;
    if (!size_arg(in, get(pos, kw, "size", 2), shape, at)) return Value::integer(bounded(s, low, rng));
    std::vector<int64_t> v(static_cast<size_t>(shape.numel()));
    for (auto& x : v) x = bounded(s, low, rng);
    return np_wrap(np_from_ints(v, shape, DType::Int64));
  }
  if (fn == "shuffle") {
    check_kw(kw, {"x"}, fn, at);
    Value x = get(pos, kw, "x", 0);
    if (x.kind == K::List) {
      auto& items = *x.items;
      for (int64_t i = int64_t(items.size()) - 1; i >= 1; --i) std::swap(items[size_t(i)], items[size_t(interval(s, uint64_t(i)))]);
      return Value();
    }
    if (!is_nd(x)) Interp::fail(at, "TypeError: tensorlens's np.random.shuffle takes a list or an array, not " + x.type_name());
    const Tensor& t = as_nd(x)->t;
    if (t.dim() == 0) Interp::fail(at, "TypeError: len() of unsized object");
    std::vector<int64_t> order = shuffled_order(s, t.shape()[0]);
    NoGradGuard ng;
    Tensor src = t.contiguous().clone();
    for (int64_t i = 0; i < t.shape()[0]; ++i) {
      Tensor dst = select(t, 0, i);
      dst.copy_(select(src, 0, order[size_t(i)]));
    }
    t.bump_version();
    return Value();
  }
  if (fn == "permutation") {
    check_kw(kw, {"x"}, fn, at);
    Value x = get(pos, kw, "x", 0);
    if (is_int_like(x)) {
      std::vector<int64_t> ix = shuffled_order(s, int_of(x));
      return np_wrap(np_from_ints(ix, Shape{int64_t(ix.size())}, DType::Int64));
    }
    Tensor t = np_operand(in, x, at);
    if (t.dim() == 0) Interp::fail(at, "numpy.exceptions.AxisError: x must be an integer or at least 1-dimensional");
    std::vector<int64_t> ix = shuffled_order(s, t.shape()[0]);
    Value idx = np_wrap(np_from_ints(ix, Shape{int64_t(ix.size())}, DType::Int64));
    return np_get_item(in, np_wrap(t), {idx}, false, at);
  }
  if (fn == "choice") {
    check_kw(kw, {"a", "size", "replace", "p"}, fn, at);
    Value a = get(pos, kw, "a", 0);
    const bool scalar_a = is_int_like(a);
    const int64_t pop = scalar_a ? int_of(a) : np_operand(in, a, at).shape()[0];
    Value pv = get(pos, kw, "p", 3);
    const bool replace = in.truthy(get(pos, kw, "replace", 2, Value::boolean(true)), at);
    const bool has_size = size_arg(in, get(pos, kw, "size", 1), shape, at);
    if (pop <= 0) Interp::fail(at, "ValueError: a must be greater than 0 unless no samples are taken");
    const int64_t n = has_size ? shape.numel() : 1;
    std::vector<int64_t> idx(static_cast<size_t>(n));
    if (!pv.is_none()) {
      if (!replace) Interp::fail(at, "NotImplementedError: tensorlens's np.random.choice supports p= only with replace=True");
      std::vector<double> p = np_operand(in, pv, at).to_vector();
      if (int64_t(p.size()) != pop) Interp::fail(at, "ValueError: 'a' and 'p' must have same size");
      std::vector<double> cdf(p.size());
      double acc = 0;
      for (size_t i = 0; i < p.size(); ++i) cdf[i] = acc += p[i];
      const double last = cdf.back();
      for (auto& c : cdf) c /= last;
      for (auto& i : idx) {
        const double u = next_double(s);
        i = int64_t(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
      }
    } else if (replace) {
      for (auto& i : idx) i = bounded(s, 0, uint64_t(pop - 1));
    } else {
      if (n > pop) Interp::fail(at, "ValueError: Cannot take a larger sample than population when 'replace=False'");
      std::vector<int64_t> perm = shuffled_order(s, pop);
      std::copy(perm.begin(), perm.begin() + n, idx.begin());
    }
    if (!has_size) {
      if (scalar_a) return Value::integer(idx[0]);
      return np_get_item(in, np_wrap(np_operand(in, a, at)), {Value::integer(idx[0])}, false, at);
    }
    Value iv = np_wrap(np_from_ints(idx, shape, DType::Int64));
    if (scalar_a) return iv;
    return np_get_item(in, np_wrap(np_operand(in, a, at)), {iv}, false, at);
  }
  Interp::fail(at, "AttributeError: tensorlens's numpy subset has no np.random." + fn);
}

}  // namespace tl::lang::detail
