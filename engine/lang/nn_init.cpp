// torch.nn.init of PyTorch 1.13 (torch/nn/init.py): in-place initialisers run under no_grad that
// draw from the default generator exactly as PyTorch's do (one uniform_ or normal_ call on the
// whole tensor), so seeded scripts get the same weights.
#include "engine/lang/interp.h"

namespace tl::lang::detail {

namespace {

// erf^-1(y) in double: Giles' single-precision approximation refined by two Newton steps on erf
// (each step doubles the correct digits), then rounded to the tensor's dtype by the caller.
// PyTorch's float kernel (calc_erfinv) is a rational approximation accurate to ~1 ulp.
double erfinv(double y) {
  if (y <= -1) return y == -1 ? -INFINITY : NAN;
  if (y >= 1) return y == 1 ? INFINITY : NAN;
  double w = -std::log((1.0 - y) * (1.0 + y)), x;
  if (w < 5.0) {
    w -= 2.5;
    double p = 2.81022636e-08;
    for (double c : {3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503, -0.00417768164,
                     0.246640727, 1.50140941})
      p = c + p * w;
    x = p * y;
  } else {
    w = std::sqrt(w) - 3.0;
    double p = -0.000200214257;
    for (double c : {0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047,
                     1.00167406, 2.83297682})
      p = c + p * w;
    x = p * y;
  }
  const double k = 2.0 / std::sqrt(M_PI);
  for (int i = 0; i < 2; ++i) x -= (std::erf(x) - y) / (k * std::exp(-x * x));
  return x;
}

}  // namespace

Value Interp::call_nn_init(const std::string& n, std::vector<Value>& pos, Kw& kw, Pos at) {
  // Parameter names of each initialiser (after the tensor), with PyTorch's defaults.
  struct Sig {
    const char* name;
    std::vector<std::pair<const char*, Value>> params;
  };
  const Sig sigs[] = {
      {"uniform_", {{"a", Value::number(0)}, {"b", Value::number(1)}}},
      {"normal_", {{"mean", Value::number(0)}, {"std", Value::number(1)}}},
      {"trunc_normal_", {{"mean", Value::number(0)}, {"std", Value::number(1)}, {"a", Value::number(-2)}, {"b", Value::number(2)}}},
      {"constant_", {{"val", Value()}}},
      {"ones_", {}},
      {"zeros_", {}},
      {"eye_", {}},
      {"xavier_uniform_", {{"gain", Value::number(1)}}},
      {"xavier_normal_", {{"gain", Value::number(1)}}},
      {"kaiming_uniform_", {{"a", Value::integer(0)}, {"mode", Value::str("fan_in")}, {"nonlinearity", Value::str("leaky_relu")}}},
      {"kaiming_normal_", {{"a", Value::integer(0)}, {"mode", Value::str("fan_in")}, {"nonlinearity", Value::str("leaky_relu")}}},
      {"calculate_gain", {{"param", Value()}}},
      {"orthogonal_", {{"gain", Value::number(1)}}},
  };
  const Sig* sig = nullptr;
  for (const Sig& s : sigs)
    if (n == s.name) sig = &s;
  if (!sig)
    fail(at, "AttributeError: module 'torch.nn.init' has no attribute '" + n + "' (tensorlens has normal_, uniform_, "
             "trunc_normal_, zeros_, ones_, constant_, eye_, xavier_uniform_, xavier_normal_, kaiming_uniform_, "
             "kaiming_normal_, orthogonal_ and calculate_gain)");
  const bool gain_fn = n == "calculate_gain";
  const char* first = gain_fn ? "nonlinearity" : "tensor";
  // Bind (first, params...) from pos and kw.
  std::vector<Value> args(sig->params.size() + 1);
  std::vector<bool> given(args.size(), false);
  if (pos.size() > args.size())
    fail(at, "TypeError: " + n + "() takes " + std::to_string(args.size()) + " positional arguments but " +
                 std::to_string(pos.size()) + " were given");
  for (size_t i = 0; i < pos.size(); ++i) args[i] = pos[i], given[i] = true;
  for (auto& [k, v] : kw) {
    size_t i = 0;
    if (k != first) {
      for (i = 1; i < args.size() && k != sig->params[i - 1].first; ++i) {}
      if (i == args.size()) fail(at, "TypeError: " + n + "() got an unexpected keyword argument '" + k + "'");
    }
    if (given[i]) fail(at, "TypeError: " + n + "() got multiple values for argument '" + k + "'");
    args[i] = v, given[i] = true;
  }
  if (!given[0]) fail(at, "TypeError: " + n + "() missing 1 required positional argument: '" + first + "'");
  for (size_t i = 1; i < args.size(); ++i)
    if (!given[i]) {
      if (n == "constant_") fail(at, "TypeError: constant_() missing 1 required positional argument: 'val'");
      args[i] = sig->params[i - 1].second;
    }
  auto num = [&](size_t i) { return to_double(args[i], at); };

  // calculate_gain(nonlinearity, param=None)
  auto gain_of = [&](const Value& nl, const Value& param) -> Value {
    if (nl.kind != K::Str) fail(at, "ValueError: Unsupported nonlinearity " + str_of(nl));
    const std::string& s = nl.s;
    for (const char* l : {"linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                          "conv_transpose3d", "sigmoid"})
      if (s == l) return Value::integer(1);
    if (s == "tanh") return Value::number(5.0 / 3);
    if (s == "relu") return Value::number(std::sqrt(2.0));
    if (s == "leaky_relu") {
      double slope = 0.01;
      if (param.kind == K::Int || param.kind == K::Float) slope = param.as_double();
      else if (!param.is_none()) fail(at, "ValueError: negative_slope " + str_of(param) + " not a valid number");
      return Value::number(std::sqrt(2.0 / (1 + slope * slope)));
    }
    if (s == "selu") return Value::number(3.0 / 4);
    fail(at, "ValueError: Unsupported nonlinearity " + s);
  };
  if (gain_fn) return gain_of(args[0], args[1]);

  if (args[0].kind != K::Tensor) fail(at, "TypeError: nn.init." + n + "() needs a tensor, got " + args[0].type_name());
  Value t = args[0];
  NoGradGuard ng;
  const Tensor& x = t.t;
  // _calculate_fan_in_and_fan_out: (fan_in, fan_out) = (size(1), size(0)) * prod(size(2:)).
  auto fans = [&](double& fan_in, double& fan_out) {
    if (x.dim() < 2) fail(at, "ValueError: Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    double rf = 1;
    for (int d = 2; d < x.dim(); ++d) rf *= double(x.shape()[d]);
    fan_in = double(x.shape()[1]) * rf, fan_out = double(x.shape()[0]) * rf;
  };
  auto uniform = [&](double a, double b) {
    return call_table("uniform_", kMethod, {t, Value::number(a), Value::number(b)}, {}, at);
  };
  auto normal = [&](double mean, double std) {
    return call_table("normal_", kMethod, {t, Value::number(mean), Value::number(std)}, {}, at);
  };
  if (n == "normal_") return normal(num(1), num(2));
  if (n == "uniform_") return uniform(num(1), num(2));
  if (n == "zeros_" || n == "ones_") return call_table("fill_", kMethod, {t, Value::number(n == "ones_" ? 1 : 0)}, {}, at);
  if (n == "constant_") return call_table("fill_", kMethod, {t, args[1]}, {}, at);
  if (n == "eye_") {
    if (x.dim() != 2) fail(at, "ValueError: Only tensors with 2 dimensions are supported");
    Tensor e = at_pos(at, [&] { return eye(x.shape()[0], x.shape()[1], x.dtype()); });
    call_table("copy_", kMethod, {t, Value::tensor(e)}, {}, at);
    return t;
  }
  if (n == "xavier_uniform_" || n == "xavier_normal_") {
    double fi, fo;
    fans(fi, fo);
    // std = gain * sqrt(2 / (fan_in + fan_out)); uniform bound sqrt(3) * std
    const double std = num(1) * std::sqrt(2.0 / (fi + fo));
    if (n == "xavier_normal_") return normal(0, std);
    return uniform(-std::sqrt(3.0) * std, std::sqrt(3.0) * std);
  }
  if (n == "kaiming_uniform_" || n == "kaiming_normal_") {
    if (x.numel() == 0) return t;  // PyTorch warns "Initializing zero-element tensors is a no-op"
    if (args[2].kind != K::Str) fail(at, "AttributeError: '" + args[2].type_name() + "' object has no attribute 'lower'");
    std::string mode = args[2].s;
    for (char& c : mode) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (mode != "fan_in" && mode != "fan_out")
      fail(at, "ValueError: Mode " + mode + " not supported, please use one of ['fan_in', 'fan_out']");
    double fi, fo;
    fans(fi, fo);
    // std = gain(nonlinearity, a) / sqrt(fan); uniform bound sqrt(3) * std
    const double std = gain_of(args[3], args[1]).as_double() / std::sqrt(mode == "fan_in" ? fi : fo);
    if (n == "kaiming_normal_") return normal(0, std);
    return uniform(-std::sqrt(3.0) * std, std::sqrt(3.0) * std);
  }
  if (n == "orthogonal_") {
    // PyTorch: flat = new(rows, cols).normal_(0, 1) (transposed when rows < cols); q, r = qr(flat);
    // q *= sign(diag(r)); tensor = q (transposed back) * gain. The sign fix makes q the QR factor
    // whose R has a positive diagonal, which is what Gram-Schmidt computes; done here in double
    // (modified Gram-Schmidt, twice for orthogonality), rounded to the tensor's dtype.
    if (x.dim() < 2) fail(at, "ValueError: Only tensors with 2 or more dimensions are supported");
    if (x.numel() == 0) return t;
    const int64_t rows = x.shape()[0], cols = x.numel() / rows;
    Value flat = call_table("zeros", kTorch, {Value::integer(rows), Value::integer(cols)}, {{"dtype", Value::dtype(x.dtype())}}, at);
    call_table("normal_", kMethod, {flat, Value::number(0), Value::number(1)}, {}, at);
    const std::vector<double> a = flat.t.to_vector();
    const bool tr = rows < cols;
    const int64_t m = tr ? cols : rows, k = tr ? rows : cols;  // A: (m, k), m >= k; column j of A
    std::vector<double> q(size_t(m * k));                         // column-major (m, k)
    for (int64_t j = 0; j < k; ++j)
      for (int64_t i = 0; i < m; ++i) q[size_t(j * m + i)] = tr ? a[size_t(j * cols + i)] : a[size_t(i * cols + j)];
    for (int64_t j = 0; j < k; ++j) {
      double* qj = &q[size_t(j * m)];
      for (int pass = 0; pass < 2; ++pass)
        for (int64_t p = 0; p < j; ++p) {
          const double* qp = &q[size_t(p * m)];
          double dot = 0;
          for (int64_t i = 0; i < m; ++i) dot += qp[i] * qj[i];
          for (int64_t i = 0; i < m; ++i) qj[i] -= dot * qp[i];
        }
      double nrm = 0;
      for (int64_t i = 0; i < m; ++i) nrm += qj[i] * qj[i];
      nrm = std::sqrt(nrm);
      if (nrm == 0) fail(at, "RuntimeError: orthogonal_: the random matrix is rank deficient");
      for (int64_t i = 0; i < m; ++i) qj[i] /= nrm;
    }
    const double gain = num(1);
    std::vector<double> out(size_t(rows * cols));
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c)
        out[size_t(r * cols + c)] = gain * (tr ? q[size_t(r * m + c)] : q[size_t(c * m + r)]);
    Tensor src = at_pos(at, [&] { return Tensor::from_data(out, x.shape(), x.dtype()); });
    call_table("copy_", kMethod, {t, Value::tensor(src)}, {}, at);
    return t;
  }
  // trunc_normal_: u ~ U(2 cdf(a') - 1, 2 cdf(b') - 1); x = erfinv(u) * std * sqrt(2) + mean, clamped to [a, b]
  // (a' = (a - mean) / std), each step in the tensor's dtype as PyTorch's in-place ops.
  const double mean = num(1), std = num(2), a = num(3), b = num(4);
  auto cdf = [](double v) { return (1. + std::erf(v / std::sqrt(2.))) / 2.; };
  const double l = cdf((a - mean) / std), u = cdf((b - mean) / std);
  uniform(2 * l - 1, 2 * u - 1);
  if (!x.is_contiguous()) fail(at, "NotImplementedError: nn.init.trunc_normal_ on a non-contiguous tensor");
  at_pos(at, [&] {
    TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
      T* p = Tensor(x).data_ptr<T>();
      const T scale = T(std * std::sqrt(2.)), m = T(mean), lo = T(a), hi = T(b);
      for (int64_t i = 0, nn = x.numel(); i < nn; ++i) {
        T v = T(erfinv(double(p[i])));
        v = v * scale;
        v = v + m;
        p[i] = std::min(std::max(v, lo), hi);
      }
    });
    return 0;
  });
  Tensor(x).bump_version();
  return t;
}

}  // namespace tl::lang::detail
