// Softmax family and losses. softmax, nll_loss and cross_entropy are composites; mse_loss is fused
// (one node, as PyTorch records);
// log_softmax and binary_cross_entropy_with_logits are fused primitives for numerical stability
// (log of a softmax underflows; log(1 + e^x) overflows).
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "engine/autograd/engine.h"
#include "engine/autograd/node.h"
#include "engine/kernels/sleef_math.h"
#include "engine/ops/op_table.h"
#include "engine/ops/ops.h"
#include "engine/nn/nn.h"  // py_float

namespace tl {

// softmax = e^(x - max) / sum(e^(x - max)); the shift is a constant (no gradient needed).
// PyTorch's order: the dim (IndexError), then its kernel's dtype. An empty x: no max to shift by.
static void check_softmax_dtype(const char* op, const Tensor& x, int64_t d) {
  TL_CHECK(x.is_floating_point(), "\"", op, x.dim() == 0 || d == x.dim() - 1 ? "_lastdim" : "", "_kernel_impl\" not implemented for '",
           dtype_kernel_name(x.dtype()), "'");
}
// PyTorch 1.13's backward kernels (aten/src/ATen/native/cpu/SoftMaxKernel.cpp) sum along the dim
// in their own orders. Along the last dim (_vec_softmax_backward_lastdim / _vec_log_softmax_backward_
// lastdim; a 0-d or 1-d input too) each row with vec::reduce_all / map2_reduce_all: vector lanes
// (4 doubles / 8 floats) from the row's first elements, the tail added into the first lanes, then
// lane 0 + lane 1 + ...; a row shorter than a vector in order from its first element. No +0.0
// start: a row of -0.0 sums to -0.0 (so the gradient is +0.0 there).
template <class T>
static T reduce_all_sum(const T* p, int64_t n) {
  constexpr int64_t L = 32 / int64_t(sizeof(T));
  if (n < L) {
    T r = p[0];
    for (int64_t i = 1; i < n; ++i) r = T(r + p[i]);
    return r;
  }
  T acc[L];
  std::copy(p, p + L, acc);
  int64_t d = L;
  for (; d < n - n % L; d += L)
    for (int64_t l = 0; l < L; ++l) acc[l] = T(acc[l] + p[d + l]);
  for (int64_t l = 0; l < n - d; ++l) acc[l] = T(acc[l] + p[d + l]);
  T r = acc[0];
  for (int64_t l = 1; l < L; ++l) r = T(r + acc[l]);
  return r;
}
// Writes the kernels' sums along d into s, sum()'s fresh keepdim result (its graph, if any, stays
// sum's: only the values change). Along the last dim, x's rows by reduce_all_sum (softmax passes
// its rounded products g*y as x). Along another dim (_vec_softmax_backward / _vec_log_softmax_
// backward), each inner index in order from +0.0: of x (log_softmax's g), or, with y, of x*y, each
// product fused into the sum (std::fma: the AVX2 kernel's `sum += g * y`, contracted).
static void kernel_row_sums(Tensor& s, int64_t d, const Tensor& x, const Tensor* y = nullptr) {
  const Tensor xc = contiguous(x.detach());
  const Tensor yc = y ? contiguous(y->detach()) : Tensor();
  const bool lastdim = x.dim() == 0 || d == x.dim() - 1;
  const int64_t len = x.dim() == 0 ? 1 : x.shape()[int(d)];
  int64_t inner = 1;
  for (int k = int(d) + 1; k < x.dim(); ++k) inner *= x.shape()[k];
  TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
    const T* px = xc.data_ptr<T>();
    const T* py = y ? yc.data_ptr<T>() : nullptr;
    T* ps = s.data_ptr<T>();
    if (lastdim) {
      for (int64_t r = 0; r < s.numel(); ++r) ps[r] = reduce_all_sum(px + r * len, len);
      return;
    }
    for (int64_t r = 0; r < s.numel(); ++r) {
      const int64_t first = (r / inner) * len * inner + r % inner;
      T acc = 0;
      for (int64_t k = 0; k < len; ++k) {
        const int64_t at = first + k * inner;
        acc = py ? std::fma(px[at], py[at], acc) : T(acc + px[at]);
      }
      ps[r] = acc;
    }
  });
}
// ---- softmax ----  exp(x - max) / sum; a primitive saving its output, as PyTorch's
// (_softmax_backward_data: grad = y (g - sum(g y))), so an in-place change of it is caught.
// Its gradient's values: y * (g - s) rounded twice, with the kernels' sums s (kernel_row_sums).
static void softmax_bw(Node& n, const Tensor& g0, std::vector<Tensor>& gi) {
  const Tensor g = materialize_zero(g0);  // no ZeroTensor kernel in PyTorch
  Tensor y = n.saved_tensor(0);
  const int64_t d = n.attrs().i0;
  const Tensor gy = mul(g, y);
  Tensor s = sum(gy, {d}, true);
  if (gy.numel() > 0 && is_floating(gy.dtype()) && s.dtype() == gy.dtype() && g.dtype() == gy.dtype() &&
      y.dtype() == gy.dtype()) {
    if (y.dim() == 0 || d == y.dim() - 1) kernel_row_sums(s, d, gy);
    else kernel_row_sums(s, d, expand(g.detach(), y.shape().vec()), &y);
  }
  gi[0] = mul(y, sub(g, s));
  label_node(gi[0], TL_ROW("_softmax_backward_data"), {&g, &y});  // PyTorch's node under create_graph
}
// The forward as PyTorch 1.13's CPU kernels (aten/src/ATen/native/cpu/SoftMaxKernel.cpp) round it,
// on contiguous data of shape (outer, n, inner). Along the last dim (_vec_softmax_lastdim), a row at a
// time in vectors: e = exp(x - max) (SLEEF's expf / exp), their sum over the vector lanes (8 floats
// summed as a pairwise tree at the end, 4 doubles in order; a row shorter than a vector in order), then
// e * (1 / sum). Along another dim (_vec_softmax), per inner index: a vector's width of them at once where
// a whole vector fits in the inner size (SLEEF's expf / exp), the others one at a time (std::exp, std::max),
// each e / sum with the sum taken in order.
template <class T>
static void softmax_kernel(const T* in, T* out, int64_t outer, int64_t n, int64_t inner, bool last_dim) {
  constexpr int64_t W = 32 / int64_t(sizeof(T));  // AVX2 lanes
  auto vexp_n = [](T* v, int64_t k) {  // v[i] = exp(v[i]) as the vector code
    if constexpr (std::is_same<T, float>::value) kernels::sleef_expf_n(v, v, k);
    else if constexpr (std::is_same<T, double>::value) kernels::sleef_exp_n(v, v, k);
    else for (int64_t i = 0; i < k; ++i) v[i] = std::exp(v[i]);
  };
  auto vmax = [](T a, T b) { return a != a || b != b ? std::numeric_limits<T>::quiet_NaN() : std::max(a, b); };
  if (last_dim) {
    for (int64_t i = 0; i < outer; ++i) {
      const T* x = in + i * n;
      T* y = out + i * n;
      T m = x[0];
      for (int64_t d = 1; d < n; ++d) m = vmax(m, x[d]);
      for (int64_t d = 0; d < n; ++d) y[d] = x[d] - m;
      vexp_n(y, n);
      T s = y[0];
      if (n < W) {
        for (int64_t d = 1; d < n; ++d) s = s + y[d];
      } else {
        T acc[W];
        std::copy(y, y + W, acc);
        int64_t d = W;
        for (; d < n - n % W; d += W)
          for (int64_t l = 0; l < W; ++l) acc[l] = acc[l] + y[d + l];
        for (int64_t l = 0; l < n - d; ++l) acc[l] = acc[l] + y[d + l];
        if constexpr (W == 8) {
          s = ((acc[0] + acc[4]) + (acc[2] + acc[6])) + ((acc[1] + acc[5]) + (acc[3] + acc[7]));
        } else {
          s = acc[0];
          for (int64_t l = 1; l < W; ++l) s = s + acc[l];
        }
      }
      s = T(1) / s;
      for (int64_t d = 0; d < n; ++d) y[d] = y[d] * s;
    }
    return;
  }
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t j = 0; j < inner;) {
      const bool vec = j + W <= inner;
      const int64_t w = vec ? W : 1;
      const T* x = in + o * n * inner + j;
      T* y = out + o * n * inner + j;
      T m[W], s[W];  // the block's w columns, a row at a time (cache-friendly)
      for (int64_t l = 0; l < w; ++l) m[l] = x[l], s[l] = 0;
      for (int64_t d = 1; d < n; ++d)
        for (int64_t l = 0; l < w; ++l) m[l] = vec ? vmax(m[l], x[d * inner + l]) : std::max(m[l], x[d * inner + l]);
      for (int64_t d = 0; d < n; ++d) {
        T* yd = y + d * inner;
        for (int64_t l = 0; l < w; ++l) yd[l] = x[d * inner + l] - m[l];
        if (vec) vexp_n(yd, w);
        else yd[0] = std::exp(yd[0]);
        for (int64_t l = 0; l < w; ++l) s[l] = s[l] + yd[l];
      }
      for (int64_t d = 0; d < n; ++d)
        for (int64_t l = 0; l < w; ++l) y[d * inner + l] = y[d * inner + l] / s[l];
      j += w;
    }
  }
}

// log_softmax along a dim other than the last, as PyTorch 1.13's _vec_logsoftmax rounds it (on
// contiguous data of shape (outer, n, inner), per inner index): the max (from -inf, `x > max`: a
// NaN is skipped), s = the sum of exp(x - max) in order from +0.0 (SLEEF's exp on the inner indices
// that fill whole vectors, 8 floats / 4 doubles, std::exp on the inner % 8 (4) after them), log(s)
// (SLEEF's, every index: vec::map), then (x - max) - log(s).
template <class T>
static void log_softmax_inner_kernel(const T* in, T* out, int64_t outer, int64_t n, int64_t inner) {
  constexpr int64_t W = 32 / int64_t(sizeof(T));
  const int64_t vec_end = inner - inner % W;
  std::vector<T> m(static_cast<size_t>(inner)), s(static_cast<size_t>(inner));
  for (int64_t o = 0; o < outer; ++o) {
    const T* x = in + o * n * inner;
    T* y = out + o * n * inner;
    std::fill(m.begin(), m.end(), -std::numeric_limits<T>::infinity());
    std::fill(s.begin(), s.end(), T(0));
    for (int64_t d = 0; d < n; ++d)
      for (int64_t j = 0; j < inner; ++j) m[size_t(j)] = x[d * inner + j] > m[size_t(j)] ? x[d * inner + j] : m[size_t(j)];
    for (int64_t d = 0; d < n; ++d) {
      T* yd = y + d * inner;  // exp(x - max), summed, then overwritten below
      for (int64_t j = 0; j < inner; ++j) yd[j] = x[d * inner + j] - m[size_t(j)];
      if constexpr (std::is_same<T, float>::value) kernels::sleef_expf_n(yd, yd, vec_end);
      else kernels::sleef_exp_n(yd, yd, vec_end);
      for (int64_t j = vec_end; j < inner; ++j) yd[j] = std::exp(yd[j]);
      for (int64_t j = 0; j < inner; ++j) s[size_t(j)] = s[size_t(j)] + yd[j];
    }
    for (int64_t j = 0; j < inner; ++j) {
      if constexpr (std::is_same<T, float>::value) s[size_t(j)] = kernels::sleef_logf(s[size_t(j)]);
      else s[size_t(j)] = kernels::sleef_log(s[size_t(j)]);
    }
    for (int64_t d = 0; d < n; ++d)
      for (int64_t j = 0; j < inner; ++j) y[d * inner + j] = (x[d * inner + j] - m[size_t(j)]) - s[size_t(j)];
  }
}

Tensor softmax(const Tensor& x, int64_t dim) {
  const int d = wrap_dim("softmax", dim, x.dim());
  if (x.numel() == 0 && !x.is_floating_point()) return zeros(x.shape(), x.dtype());  // no kernel runs
  check_softmax_dtype("softmax", x, d);
  Tensor out;
  {
    NoGradGuard ng;
    if (x.dim() == 0) {
      out = div(exp(sub(x, x)), exp(sub(x, x)));
    } else if (x.numel() == 0) {
      out = Tensor::empty(x.shape(), x.dtype());
    } else {
      const Tensor xc = x.contiguous();
      out = Tensor::empty(x.shape(), x.dtype());
      int64_t outer = 1, inner = 1;
      for (int i = 0; i < d; ++i) outer *= x.shape()[i];
      for (int i = d + 1; i < x.dim(); ++i) inner *= x.shape()[i];
      TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
        softmax_kernel<T>(xc.data_ptr<T>(), out.data_ptr<T>(), outer, x.shape()[d], inner, d == x.dim() - 1);
      });
    }
  }
  if (Node* n = record(TL_ROW("softmax"), {&x}, out)) n->attrs().i0 = x.dim() == 0 ? 0 : d, save_output(n, out);
  return out;
}

// F.pad(x, pad, mode, value): pad = (left, right) pairs from the last dim backwards, as PyTorch.
// constant = slice (negative pads) + cat with constant blocks, recorded as one node; reflect / replicate /
// circular = index_select with the source index of every output position (reflect: mirror without
// the edge, replicate: clamp, circular: wrap). The node carries PyTorch's name (ConstantPadNd,
// ReflectionPad1D/2D/3D, ReplicationPad1D/2D/3D; circular is CopySlices in PyTorch 1.13).
Tensor pad(const Tensor& x, const std::vector<int64_t>& p, const std::string& mode, std::optional<double> value) {
  const int64_t np = int64_t(p.size());
  const int nd = x.dim();
  TL_CHECK(np % 2 == 0, "Padding length must be divisible by 2");
  TL_CHECK(np / 2 <= nd, "Padding length too large");
  const bool constant = mode == "constant";
  TL_CHECK(constant || mode == "reflect" || mode == "replicate" || mode == "circular",
           "NotImplementedError: Unrecognised padding mode ", mode);
  const OpDef* row = &TL_ROW("constant_pad_nd");  // the node PyTorch records for the mode
  if (!constant) {
    TL_CHECK(!value || *value == 0, "Padding mode \"", mode, "\" doesn't take in value argument");
    TL_CHECK((np == 2 && (nd == 2 || nd == 3)) || (np == 4 && (nd == 3 || nd == 4)) || (np == 6 && (nd == 4 || nd == 5)),
             "NotImplementedError: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
    if (mode == "circular")
      TL_CHECK(np == 2 * (nd - 2), "Invalid padding size, expected ", 2 * (nd - 2), " but got ", np);
    static const char* const refl[] = {"reflection_pad1d", "reflection_pad2d", "reflection_pad3d"};
    static const char* const repl[] = {"replication_pad1d", "replication_pad2d", "replication_pad3d"};
    row = &op_row(mode == "reflect" ? refl[np / 2 - 1] : mode == "replicate" ? repl[np / 2 - 1] : "copy_slices");
  }
  if (constant) {
    // PyTorch's constant_pad_nd: each negative pad first narrows the input (narrow's checks and
    // messages), from the first padded dim on; then, when any pad is positive, every padded dim
    // must come out > 0 (an empty result is refused, not only a negative one).
    NoGradGuard ng;
    Tensor c = x;
    bool positive = false;
    for (int64_t d = nd - np / 2; d < nd; ++d) {
      const int64_t l = p[size_t(2 * (nd - 1 - d))], r = p[size_t(2 * (nd - 1 - d) + 1)];
      const auto narrow = [&](int64_t start, int64_t len) {
        Args s;
        s.v = {Value::tensor(c), Value::integer(d), Value::integer(start), Value::integer(len)};
        c = TL_ROW("narrow").call(s).t;
      };
      if (l < 0) narrow(-l, c.size(d) + l);
      if (r < 0) narrow(0, c.size(d) + r);
      positive = positive || l > 0 || r > 0;
    }
    for (int64_t d = nd - np / 2; positive && d < nd; ++d) {
      const int64_t l = p[size_t(2 * (nd - 1 - d))], r = p[size_t(2 * (nd - 1 - d) + 1)], n = x.shape()[d];
      TL_CHECK(n + l + r > 0, "The input size ", n, ", plus negative padding ", l, " and ", r,
               " resulted in a negative output size, which is invalid. Check dimension ", d, " of your input.");
    }
  }
  // PyTorch's constant_pad_nd fills its output (fill_: the value converted to the dtype, checked)
  // when any pad is positive, even an empty output: pad(int64, [1, 0], value=nan) raises.
  if (constant && value && std::any_of(p.begin(), p.end(), [](int64_t v) { return v > 0; }))
    check_number_fits(Value::number(*value), x.dtype());
  Tensor y = x;
  // constant: one node with PyTorch's backward (below); the other modes: a composite.
  std::optional<NoGradGuard> primitive;
  if (constant) primitive.emplace();
  for (int64_t k = 0; k < np / 2; ++k) {
    const int64_t d = nd - 1 - k, l = p[size_t(2 * k)], r = p[size_t(2 * k + 1)], n = x.shape()[d];
    TL_CHECK(n + l + r >= 0, "The input size ", n, ", plus negative padding ", l, " and ", r,
             " resulted in a negative output size, which is invalid. Check dimension ", d, " of your input.");
    if (constant) {
      y = slice(y, d, std::max<int64_t>(0, -l), n - std::max<int64_t>(0, -r));
      std::vector<Tensor> parts;
      Shape s = y.shape();
      if (l > 0) s[d] = l, parts.push_back(full(s, value.value_or(0), x.dtype()));
      parts.push_back(y);
      if (r > 0) s[d] = r, parts.push_back(full(s, value.value_or(0), x.dtype()));
      if (parts.size() > 1) y = cat(parts, d);
      continue;
    }
    if (mode == "reflect")
      TL_CHECK(l < n && r < n, "Argument #4: Padding size should be less than the corresponding input dimension, but got: "
               "padding (", l, ", ", r, ") at dimension ", d, " of input ", np == 2 ? x.shape_str() : std::to_string(n));
    if (mode == "circular")
      TL_CHECK(l <= n && r <= n, "Padding value causes wrapping around more than once.");
    std::vector<double> idx;
    for (int64_t q = -l; q < n + r; ++q) {
      int64_t s = q;
      if (mode == "reflect") s = q < 0 ? -q : q >= n ? 2 * (n - 1) - q : q;
      else if (mode == "replicate") s = std::min(std::max<int64_t>(q, 0), n - 1);
      else s = ((q % n) + n) % n;
      idx.push_back(double(s));
    }
    y = index_select(y, d, Tensor::from_data(idx, Shape{int64_t(idx.size())}, DType::Int64));
  }
  // No padding at all, or only negative padding (a slice): still a new tensor (PyTorch's
  // constant_pad_nd copies).
  if (y.impl()->storage == x.impl()->storage) y = clone(y);
  if (!constant) {
    label_node(y, *row, {&x});
    return y;
  }
  primitive.reset();
  // PyTorch's constant_pad_nd_backward: g padded by the negated pads (a fresh tensor, not a view
  // of g).
  if (Node* n = record(*row, {&x}, y)) {
    std::vector<int64_t> neg(p);
    for (int64_t& v : neg) v = -v;
    n->attrs().custom = [neg](const Tensor& g, std::vector<Tensor>& gi) { gi[0] = pad(g, neg, "constant", 0.0); };
  }
  return y;
}

// ---- log_softmax ----  y = x - logsumexp(x);  d/dx: g - e^y * sum(g)
static void log_softmax_bw(Node& n, const Tensor& g0, std::vector<Tensor>& gi) {
  const Tensor g = materialize_zero(g0);  // no ZeroTensor kernel in PyTorch
  Tensor y = n.saved_tensor(0);
  const int64_t d = n.attrs().i0;
  Tensor s = sum(g, {d}, true);
  const bool lastdim = y.dim() == 0 || d == y.dim() - 1;
  if (g.numel() > 0 && is_floating(g.dtype()) && s.dtype() == g.dtype()) kernel_row_sums(s, d, g);
  const Tensor e = exp(y);
  gi[0] = sub(g, mul(e, s));
  if (gi[0].numel() > 0 && is_floating(gi[0].dtype()) && gi[0].dtype() == y.dtype() && g.dtype() == y.dtype()) {
    // AVX2 kernels: g - e^y * sum fused (fma(-e^y, sum, g)), into the fresh result. e^y: the
    // Vectorized exp (SLEEF) along the last dim (vector tails too: vec::map3); along another dim
    // (_vec_log_softmax_backward, per (outer, inner) on data of shape (outer, n, inner)) on the
    // inner indices that fill whole vectors (8 floats / 4 doubles), std::exp on the inner % 8 (4)
    // after them.
    NoGradGuard ng;
    const Tensor gc = contiguous(expand(g.detach(), gi[0].shape().vec()));
    const Tensor ec = contiguous(expand(y.detach(), gi[0].shape().vec()));  // exp'd below
    const Tensor sc = contiguous(expand(s.detach(), gi[0].shape().vec()));
    int64_t inner = 1;
    for (int k = int(d) + 1; k < y.dim(); ++k) inner *= y.shape()[k];
    TL_DISPATCH_FLOAT(y.dtype(), T, [&] {
      const T *pg = gc.data_ptr<T>(), *pe = ec.data_ptr<T>(), *ps = sc.data_ptr<T>();
      T* po = gi[0].data_ptr<T>();
      const int64_t vec_end = lastdim ? inner : inner - inner % (32 / int64_t(sizeof(T)));
      for (int64_t i = 0; i < gi[0].numel(); ++i) {
        T ev;
        if (i % inner >= vec_end) ev = std::exp(pe[i]);
        else if constexpr (std::is_same_v<T, float>) ev = kernels::sleef_expf(pe[i]);
        else ev = kernels::sleef_exp(pe[i]);
        po[i] = std::fma(-ev, ps[i], pg[i]);
      }
    });
  }
  label_node(gi[0], TL_ROW("_log_softmax_backward_data"), {&g, &y});
}
Tensor log_softmax(const Tensor& x, int64_t dim) {
  int d = wrap_dim("log_softmax", dim, x.dim());
  if (x.numel() == 0 && !x.is_floating_point()) return zeros(x.shape(), x.dtype());  // no kernel runs
  check_softmax_dtype("log_softmax", x, d);
  Tensor out;
  {
    NoGradGuard ng;
    if (x.dim() == 0) {
      out = sub(x, x);
    } else if (d != x.dim() - 1 && x.numel() > 0) {
      const Tensor xc = x.contiguous();
      out = Tensor::empty(x.shape(), x.dtype());
      int64_t outer = 1, inner = 1;
      for (int i = 0; i < d; ++i) outer *= x.shape()[i];
      for (int i = d + 1; i < x.dim(); ++i) inner *= x.shape()[i];
      TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
        log_softmax_inner_kernel<T>(xc.data_ptr<T>(), out.data_ptr<T>(), outer, x.shape()[d], inner);
      });
    } else {
      // (x - max) - log(sum(exp(x - max))), as PyTorch: subtracting a rounded logsumexp from x
      // would lose precision at large |x|.
      Tensor m = x.numel() == 0 ? sum(x, {d}, true) : amax(x, {d}, true);  // (empty: no max)
      // No special case for an infinite max (as PyTorch's kernels): a +inf max gives inf - inf =
      // NaN in every element of its row ([inf, 1] -> [nan, nan]); an all -inf row gives NaN too.
      Tensor shifted = sub(x, m);
      out = sub(shifted, log(sum(exp(shifted), {d}, true)));
    }
  }
  if (Node* n = record(TL_ROW("log_softmax"), {&x}, out)) n->attrs().i0 = x.dim() == 0 ? 0 : d, save_output(n, out);
  return out;
}

// ---- mse_loss ----  mean((x - y)^2), one MseLossBackward0 node as PyTorch records (its
// next_functions are x's and y's, which tutorials print). d/dx = 2 (x - y) g / N; d/dy = 2 (y - x) g / N
// (of the broadcast shape; the engine sums them back to each input's shape).
static void mse_loss_bw(Node& n, const Tensor& g0, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0), y = n.saved_tensor(1);
  const Tensor g = materialize_zero(g0);  // mse_loss_backward has no ZeroTensor kernel in PyTorch
  // PyTorch 1.13's mse_loss_backward(g, a, b) = (a - b) * (2 / N) * g, for the target with the
  // operands swapped; its node names both gradients under create_graph. Its kernel wants one
  // dtype: the forward promotes mixed operands, the backward refuses them.
  const auto part = [&](const Tensor& a, const Tensor& b) {
    TL_CHECK(a.dtype() == b.dtype(), "Found dtype ", dtype_kernel_name(b.dtype()), " but expected ",
             dtype_kernel_name(a.dtype()));
    Tensor d = sub(a, b);
    Tensor r = mul(mul(d, Tensor::scalar(2.0 / double(d.numel()), g.dtype())), g);
    label_node(r, TL_ROW("mse_loss_backward"), {&g, &x, &y});
    return r;
  };
  if (n.needs_input_grad(0)) gi[0] = part(x, y);
  if (n.needs_input_grad(1)) gi[1] = part(y, x);
}
Tensor mse_loss(const Tensor& input, const Tensor& target) {
  const Shape shape = broadcast_shapes("mse_loss", input.shape(), target.shape());
  // PyTorch's mse kernel runs on the promoted dtype (floats only): a bool or integer operand next
  // to a float one is converted, two non-float ones are refused.
  const DType rt = promote(input.dtype(), target.dtype());
  TL_CHECK(is_floating(rt), "\"mse_cpu\" not implemented for '", dtype_kernel_name(rt), "'");
  Tensor out;
  {
    NoGradGuard ng;
    // F.mse_loss broadcasts both operands first (broadcast_tensors), so a 0-d float64 target next
    // to a float32 input is no longer a 0-d "wrapped" operand: both run in promote_types (float64).
    Tensor d = sub(to_dtype(input, rt), to_dtype(target, rt));
    out = mean(mul(d, d));
  }
  resized_from(out, shape);  // PyTorch's mse_loss_out writes the loss into its result first
  // The node records the operands as given (their dtypes decide whether its backward runs).
  if (Node* n = record(TL_ROW("mse_loss"), {&input, &target}, out)) save(n, input), save(n, target);
  return out;
}

// A 0 that keeps x's graph but gives x a zero gradient whatever the loss's gradient is: PyTorch's
// nll_loss_backward writes nothing for ignored targets (g * 0 would pass a NaN or inf g on).
static Tensor graph_zero(const Tensor& x) {
  return where(Tensor::scalar(0, DType::Bool), sum(x), Tensor::scalar(0, x.dtype()));
}

// logp[i, t_i] for each row (t: targets made valid). PyTorch's nll_loss_backward writes -w g at
// each target (a -0.0 stays): the gather's gradient is scattered, not added (gather_bw's b0).
static Tensor pick_targets(const Tensor& lp, const Tensor& t) {
  Tensor v = gather(lp, 1, unsqueeze(t, 1));
  if (v.grad_fn() && v.grad_fn() != lp.grad_fn()) v.grad_fn()->attrs().b0 = true;
  return squeeze(v, 1);
}

// nll_loss(logp (N, C) or (C,), target (N,) or ()) = -mean over non-ignored targets of logp[i, t_i]
Tensor nll_loss(const Tensor& logp, const Tensor& target, int64_t ignore_index) {
  // PyTorch's checks, in its order (nll_loss_nd, then nll_loss_forward, then the kernel's range).
  TL_CHECK(logp.dim() >= 1, "ValueError: Expected 1 or more dimensions (got ", logp.dim(), ")");
  // (PyTorch reads a 0-d target's batch size as 0 here: an empty batch passes this check.)
  TL_CHECK(logp.dim() == 1 || logp.shape()[0] == (target.dim() ? target.shape()[0] : 0),
           "ValueError: Expected input batch_size (", logp.shape()[0], ") to match target batch_size (",
           target.dim() ? target.shape()[0] : 0, ").");
  if (logp.dim() <= 2) {
    TL_CHECK(target.dim() <= 1, "0D or 1D target tensor expected, multi-target not supported");
    TL_CHECK(logp.dim() == 1 || target.dim() == 1, "IndexError: Dimension specified as 0 but tensor has no dimensions");
    TL_CHECK((logp.dim() == 1 && target.dim() == 0) || (target.dim() == 1 && logp.shape()[0] == target.shape()[0]),
             "size mismatch (got input: ", sizes_str(logp.shape()), ", target: ", sizes_str(target.shape()), ")");
  }
  // The kernel dispatches on the input's dtype before it reads the target as int64.
  TL_CHECK(logp.is_floating_point(), "\"", logp.dim() > 2 ? "nll_loss2d_forward_out_frame" : "nll_loss_out_frame",
           "\" not implemented for '", dtype_kernel_name(logp.dtype()), "'");
  TL_CHECK(target.dtype() == DType::Int64, "expected scalar type Long but found ", dtype_kernel_name(target.dtype()));
  if (logp.dim() == 1 && target.dim() == 1) {
    // (C,) input with a (C,) target passes the size check; PyTorch's kernel reads a 1-d input as
    // one sample, so only target[0] counts (both empty: NaN, as when every target is ignored).
    // (NllLossBackward0 saves self: grad_named keeps its version check)
    if (target.numel() == 0)
      return add(graph_zero(grad_named(logp, TL_ROW("nll_loss_backward"))), Tensor::scalar(std::nan(""), logp.dtype()));
    return nll_loss(logp, select(target, 0, 0), ignore_index);
  }
  if (logp.dim() > 2) {
    // (N, C, d1, ...) with target (N, d1, ...): classes moved last, one row per position (PyTorch's
    // nll_loss2d / nll_loss_nd; the mean is over every non-ignored position).
    const int64_t N = logp.shape()[0], C = logp.shape()[1];
    // PyTorch's checks: nll_loss2d's for a 4-d input, nll_loss_nd's otherwise.
    TL_CHECK(logp.dim() != 4 || target.dim() == 3,
             "only batches of spatial targets supported (3D tensors) but got targets of dimension: ", target.dim());
    bool ok = target.dim() == logp.dim() - 1 && target.shape()[0] == N;
    for (int i = 2; ok && i < logp.dim(); ++i) ok = target.shape()[i - 1] == logp.shape()[i];
    TL_CHECK(ok || logp.dim() != 4, "size mismatch (got input: ", sizes_str(logp.shape()), " , target: ",
             sizes_str(target.shape()));
    TL_CHECK(ok, "Expected target size ", [&] {
      IntList want{N};
      for (int i = 2; i < logp.dim(); ++i) want.push_back(logp.shape()[i]);
      return sizes_str(want);
    }(), ", got ", sizes_str(target.shape()));
    // nll_loss_nd views a 3-d or 5+-d input as (N, C, 1, -1), an empty one as (N, C, 0, 0), and the
    // target as (N, 1, -1) (empty: (N, 0, 0)): no classes (C = 0) with a non-empty target is then
    // nll_loss2d's size mismatch.
    TL_CHECK(logp.dim() == 4 || logp.numel() > 0 || target.numel() == 0, "size mismatch (got input: ",
             sizes_str(IntList{N, C, 0, 0}), " , target: ", sizes_str(IntList{N, 1, target.numel() / N}));  // (sic: no ")")
    IntList perm{0};
    for (int i = 2; i < logp.dim(); ++i) perm.push_back(i);
    perm.push_back(1);
    const int64_t rows = target.numel();  // N * d1 * ... (not -1: ambiguous when C is 0)
    return nll_loss(reshape(permute(logp, perm), {rows, C}), reshape(target, {rows}), ignore_index);
  }
  TL_CHECK(logp.dim() == 1 || logp.dim() == 2, "nll_loss: expected input of 1 or 2 dimensions, got shape ",
           logp.shape_str());
  // PyTorch's nll_loss_backward takes self: under create_graph its node names the gradient
  Tensor lp = logp.dim() == 1 ? unsqueeze(grad_named(logp, TL_ROW("nll_loss_backward")), 0)
                              : grad_named(logp, TL_ROW("nll_loss_backward"));
  Tensor tg = target.dim() == 0 ? unsqueeze(target, 0) : target;
  const int64_t C = lp.shape()[1];
  std::vector<int64_t> tv = tg.to_int_vector();
  for (int64_t v : tv) TL_CHECK(v == ignore_index || (v >= 0 && v < C), "IndexError: Target ", v, " is out of bounds.");
  TL_CHECK(tg.dim() == 1 && tg.shape()[0] == lp.shape()[0], "ValueError: nll_loss: expected input batch_size (",
           lp.shape()[0], ") to match target batch_size (", tg.dim() ? tg.shape()[0] : 0, ")");
  Tensor keep = ne(tg, Tensor::scalar(double(ignore_index), DType::Int64));
  Tensor safe = where(keep, tg, Tensor::scalar(0, DType::Int64));
  // (no classes: every target is ignored; nothing to gather, the zeros keep the graph)
  Tensor picked = C == 0 ? sum(lp, {1}) : pick_targets(lp, safe);
  Tensor w = to_dtype(keep, logp.dtype());
  Tensor total = sum(w);
  // Every target ignored (or none): PyTorch's loss is 0/0 = NaN but its gradient is 0, not the
  // composite's 0/0: NaN + graph_zero(picked).
  if (total.item() == 0)
    return add(graph_zero(picked), Tensor::scalar(std::nan(""), logp.dtype()));
  // PyTorch accumulates 0 - x_i w_i: + 0.0 gives its +0.0 for a zero loss (neg gave -0.0). It
  // skips an ignored target: where, not * 0 (an ignored -inf is no NaN).
  return add(neg(div(sum(where(keep, picked, Tensor::scalar(0, logp.dtype()))), total)), Tensor::scalar(0, logp.dtype()));
}

// nll_loss with reduction 'mean' | 'sum' | 'none' (PyTorch's nll_loss_nd)
Tensor nll_loss_reduced(const Tensor& x, const Tensor& target, int64_t ignore_index, const std::string& r) {
  Tensor y = target;
  if (r == "mean") return nll_loss(x, y, ignore_index);
  TL_CHECK(r == "sum" || r == "none", "ValueError: ", r, " is not a valid value for reduction");
  {  // the shape / dtype / bounds checks of nll_loss
    NoGradGuard ng;
    (void)nll_loss(x.detach(), y, ignore_index);
  }
  if (x.dim() == 1 && y.dim() == 1) {  // one sample: target[0] (see nll_loss); empty: 0
    if (y.numel() == 0) return graph_zero(grad_named(x, TL_ROW("nll_loss_backward")));
    y = select(y, 0, 0);
  }
  // l_i = -logp[i, y_i] (0 where y_i == ignore_index); (N, C) or (C,) input
  Tensor lp = x.dim() == 1 ? unsqueeze(grad_named(x, TL_ROW("nll_loss_backward")), 0)
                            : grad_named(x, TL_ROW("nll_loss_backward"));
  Tensor tg = y.dim() == 0 ? unsqueeze(y, 0) : y;
  Tensor keep = ne(tg, Tensor::scalar(double(ignore_index), DType::Int64));
  Tensor safe = where(keep, tg, Tensor::scalar(0, DType::Int64));
  // (no classes: every target is ignored; nothing to gather, the zeros keep the graph)
  Tensor picked = lp.shape()[1] == 0 ? sum(lp, {1}) : pick_targets(lp, safe);
  Tensor l = where(keep, neg(where(keep, picked, Tensor::scalar(0, x.dtype()))), Tensor::scalar(0, x.dtype()));
  // (the inner where: an ignored target's gradient is +0.0, as PyTorch's backward writes nothing
  // there; neg's -0.0 would be scattered)
  if (y.dim() == 0) l = squeeze(l, 0);
  // sum: 0 - x_1 w_1 - ... as PyTorch (+ 0.0: a zero sum is +0.0); none: -(w x) per element,
  // +0.0 where ignored (not -(x * 0): -0.0, or NaN for an ignored -inf). A 1-d input's 'none' is
  // the kernel's reduction path too (its per-element path is for a 2-d input only): 0 - x, +0.0
  // for a zero x.
  if (r == "sum" || x.dim() == 1) {
    Tensor out = add(sum(l), Tensor::scalar(0, l.dtype()));
    label_node(out, x.dim() > 2 ? TL_ROW("nll_loss2d") : TL_ROW("nll_loss"), {&x, &target});
    return out;
  }
  // PyTorch's nll_loss_nd (a 3-d or 5+-d input): nll_loss2d's (N, 1, -1) result viewed
  // as (N, d1, ...): a view of that internal result (settle_view keeps it one)
  if (x.dim() > 2 && x.dim() != 4) return view(reshape(l, {l.numel()}), l.shape().vec());
  label_node(l, x.dim() == 4 ? TL_ROW("nll_loss2d") : TL_ROW("nll_loss"), {&x, &target});
  return l;
}

// cross_entropy = nll_loss(log_softmax(x, 1)); with class-probability targets (a floating
// target of x's shape): -mean(sum(target * log_softmax(x, 1), 1)).
Tensor cross_entropy(const Tensor& logits, const Tensor& target, int64_t ignore_index, const std::string& reduction) {
  // (F.cross_entropy reads the reduction first: _Reduction.get_enum)
  TL_CHECK(reduction == "mean" || reduction == "sum" || reduction == "none", "ValueError: ", reduction,
           " is not a valid value for reduction");
  int cdim = logits.dim() == 1 ? 0 : 1;
  // PyTorch: a target of the input's shape holds class probabilities, so it must be floating.
  TL_CHECK(target.is_floating_point() || target.shape() != logits.shape(),
           "Expected floating point type for target with class probabilities, got ", dtype_kernel_name(target.dtype()));
  // PyTorch reads the class dim 1 of a 0-d input: size(1) for a target of its shape, else log_softmax(x, 1).
  TL_CHECK(logits.dim() > 0, target.shape() == logits.shape() ? "IndexError: Dimension specified as 1 but tensor has no dimensions"
                                                              : "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)");
  // PyTorch decides by shape alone: any other target goes to nll_loss (its batch-size ValueError,
  // then "expected scalar type Long" for a floating target).
  if (target.shape() == logits.shape()) {
    // PyTorch's cross_entropy_loss_prob_target: -(x * t).sum(1) (none), -(x * t).sum() (sum),
    // -(x * t).sum() / (numel / C) (mean)
    if (reduction == "sum") return neg(sum(mul(target, log_softmax(logits, cdim))));
    if (reduction == "mean" && logits.dim() > 1) {
      const double n = double(logits.numel() / std::max<int64_t>(logits.shape()[cdim], 1));
      return div(neg(sum(mul(log_softmax(logits, cdim), target))), Tensor::scalar(n, logits.dtype()));
    }
    return neg(sum(mul(target, log_softmax(logits, cdim)), {cdim}));
  }
  return nll_loss_reduced(log_softmax(logits, cdim), target, ignore_index, reduction);
}

// ---- binary_cross_entropy_with_logits ----
// l = mean((1 - y) x + log(1 + e^-x)), computed as (1 - y) x + m + log(e^-m + e^(-x-m)), m = max(-x, 0)
// d/dx = (sigmoid(x) - y) / N;  d/dy = -x / N
static void bce_logits_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0), y = n.saved_tensor(1);
  // PyTorch 1.13's order: (sigmoid(x) - y) * g and -x * g, then the mean's division by the number
  // N (a DivBackward1 under create_graph)
  const Tensor count = Tensor::scalar(double(n.attrs().i0), g.dtype());
  if (n.needs_input_grad(0)) gi[0] = div(mul(sub(sigmoid(x), y), g), count);
  if (n.needs_input_grad(1)) gi[1] = div(mul(neg(x), g), count);
  for (Tensor& r : gi) label_node(r, TL_ROW("div.Scalar"), {&g, &x, &y});
}
Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target) {
  TL_CHECK(input.shape() == target.shape(), "ValueError: binary_cross_entropy_with_logits: Target size (",
           target.shape_str(), ") must be the same as input size (", input.shape_str(), ")");
  TL_CHECK(input.is_floating_point() && target.is_floating_point(),
           "binary_cross_entropy_with_logits: expected floating point input and target");
  Tensor out;
  {
    NoGradGuard ng;
    Tensor zero = Tensor::scalar(0, input.dtype());
    Tensor m = clamp(neg(input), 0.0, std::nullopt);
    Tensor l = add(add(mul(sub(Tensor::scalar(1, input.dtype()), target), input), m),
                   log(add(exp(neg(m)), exp(sub(neg(input), m)))));
    // PyTorch accumulates in place into (1 - target): the loss has target's dtype.
    if (l.dtype() != target.dtype()) l = to_dtype(l, target.dtype());
    out = mean(l);
  }
  if (Node* n = record(TL_ROW("binary_cross_entropy_with_logits"), {&input, &target}, out)) {
    n->attrs().i0 = input.numel();
    save(n, input), save(n, target);
  }
  return out;
}

// ---- dropout ----  composite: x * noise, so d/dx = noise (the scaled mask).
// The noise: a Bernoulli(1 - p) mask in x's dtype, divided by 1 - p. For an integer x PyTorch
// draws the mask, then its noise.div_(1 - p) fails: the random numbers are used up.
static Tensor dropout_noise(const Tensor& x, double p) {
  NoGradGuard ng;
  Tensor noise = Tensor::empty(x.shape(), x.dtype());
  bernoulli_(noise, 1 - p);
  TL_CHECK(x.is_floating_point(), "result type Float can't be cast to the desired output type ", dtype_kernel_name(x.dtype()));
  // noise.div_(1 - p): the mask divided by the scale rounded to x's dtype, as PyTorch does.
  return div(noise, Tensor::scalar(1 - p, x.dtype()));
}
Tensor dropout(const Tensor& x, double p, bool training) {
  TL_CHECK(p >= 0 && p <= 1, "dropout probability has to be between 0 and 1, but got ", p);
  if (p == 0 || !training || x.numel() == 0) return x;
  if (p == 1) return mul(x, zeros(Shape{}, x.dtype()));
  return mul(x, dropout_noise(x, p));
}
Tensor dropout_(Tensor& x, double p, bool training) {
  TL_CHECK(p >= 0 && p <= 1, "dropout probability has to be between 0 and 1, but got ", p);
  if (p == 0 || !training || x.numel() == 0) return x;
  if (p == 1) return mul_(x, zeros(Shape{}, x.dtype()));
  return mul_(x, dropout_noise(x, p));
}

// ---- layer_norm ----  a primitive as PyTorch's native_layer_norm (NativeLayerNormBackward0),
// with the values of its CPU kernels (layer_norm_kernel.cpp, moments_utils.h).
//
// PyTorch's RowwiseMoments: Welford's mean and biased variance of a row in T (float for float32),
// in Vectorized<T> lanes (32 bytes: PyTorch 1.13's CPU capability here is AVX2) over chunks of 16 vectors merged in a cascade, the
// rest of the row by scalar Welford, then the lanes merged into it. A merge multiplies delta^2 by
// its weight, so a mean whose square overflows gives a NaN variance (0 * inf), as PyTorch does.
template <class T>
static std::pair<T, T> rowwise_moments(const T* X, int64_t N) {
  constexpr int64_t V = 32 / int64_t(sizeof(T)), kChunk = 16;
  using Vec = std::array<T, size_t(V)>;
  const int64_t n = N / V, m = (n + kChunk - 1) / kChunk;
  int64_t depth = 1;  // PyTorch's CeilLog2(m), at least 1
  while ((int64_t(1) << depth) < m) ++depth;
  std::vector<int64_t> m0s(size_t(depth), 0);
  std::vector<Vec> m1s(size_t(depth), Vec{}), m2s(size_t(depth), Vec{});
  auto merge = [](int64_t m0_add, const Vec& m1_add, const Vec& m2_add, int64_t& m0, Vec& m1, Vec& m2) {
    const int64_t total = m0 + m0_add;
    const T c = total == 0 ? T(0) : T(m0_add) / T(total);
    for (size_t l = 0; l < size_t(V); ++l) {
      const T delta = m1_add[l] - m1[l];
      m1[l] += c * delta;
      m2[l] += m2_add[l] + delta * delta * c * T(m0);
    }
    m0 = total;
  };
  for (int64_t i = 0; i < m; ++i) {
    const T* p = X + i * kChunk * V;
    const int64_t cnt = std::min(kChunk, n - i * kChunk);
    Vec m1{}, m2{};
    for (int64_t j = 0; j < cnt; ++j) {
      const T cj = T(1) / T(j + 1);
      for (size_t l = 0; l < size_t(V); ++l) {
        const T x = p[j * V + int64_t(l)], delta = x - m1[l];
        m1[l] += delta * cj;
        m2[l] += delta * (x - m1[l]);
      }
    }
    merge(cnt, m1, m2, m0s[0], m1s[0], m2s[0]);
    int64_t mask = i + 1;
    for (int64_t j = 1; j < depth && (mask & 1) == 0; ++j) {
      merge(m0s[size_t(j - 1)], m1s[size_t(j - 1)], m2s[size_t(j - 1)], m0s[size_t(j)], m1s[size_t(j)], m2s[size_t(j)]);
      m0s[size_t(j - 1)] = 0, m1s[size_t(j - 1)] = Vec{}, m2s[size_t(j - 1)] = Vec{};
      mask >>= 1;
    }
  }
  for (int64_t i = 1; i < depth; ++i) merge(m0s[size_t(i)], m1s[size_t(i)], m2s[size_t(i)], m0s[0], m1s[0], m2s[0]);
  int64_t m0 = 0;
  T m1 = 0, m2 = 0;
  for (int64_t i = n * V; i < N; ++i) {
    const T x = X[i], delta = x - m1;
    ++m0;
    m1 += delta / T(m0);
    m2 += delta * (x - m1);
  }
  for (size_t l = 0; l < size_t(V); ++l) {  // PyTorch's scalar AddMoments, lane by lane
    const int64_t total = m0 + n;
    const T c = total == 0 ? T(0) : T(n) / T(total);
    const T delta = m1s[0][l] - m1;
    m1 += c * delta;
    m2 += m2s[0][l] + delta * delta * c * T(m0);
    m0 = total;
  }
  return {m1, m2 / T(N)};
}

// Backward (PyTorch's LayerNormBackwardKernelImpl, per row of N normalized elements, a = rstd):
//   gw = g * w;  ds = sum(gw * x);  db = sum(gw);  b = (db * mean - ds) * a^3 / N;
//   c = -b * mean - db * a / N;  grad_x = a * gw + b * x + c
//   grad_w = sum over rows of g * (a * x - a * mean);  grad_b = sum over rows of g
static void layer_norm_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Tensor x = n.saved_tensor(0), w = n.saved_tensor(1);
  Tensor mu = n.saved_tensor(2), rstd = n.saved_tensor(3);
  const int k = int(n.attrs().i0);
  IntList dims, rows;
  int64_t N = 1;
  for (int i = 0; i < x.dim(); ++i) {
    if (i >= x.dim() - k) dims.push_back(i), N *= x.shape()[i];
    else rows.push_back(i);
  }
  if (grad_enabled() && x.requires_grad()) {
    // create_graph: the saved statistics are constants; their graph in x (for the second
    // derivative) comes from computing them again as ops.
    mu = mean(x, dims, true);
    rstd = div(Tensor::scalar(1, x.dtype()), sqrt(add(var(x, dims, 0, true), Tensor::scalar(n.attrs().f0, x.dtype()))));
  }
  const Tensor scale = Tensor::scalar(1.0 / double(N), x.dtype());
  if (n.needs_input_grad(0)) {
    const Tensor gw = w.defined() ? mul(g, w) : g;
    const Tensor ds = sum(mul(gw, x), dims, true), db = sum(gw, dims, true);
    const Tensor b = mul(mul(mul(mul(sub(mul(db, mu), ds), rstd), rstd), rstd), scale);
    const Tensor c = sub(mul(neg(b), mu), mul(mul(db, rstd), scale));
    gi[0] = add(add(mul(rstd, gw), mul(b, x)), c);
  }
  // (no row dims: nothing to sum; sum(t, {}) would sum everything). PyTorch's CPU kernel adds
  // into zeroed dgamma / dbeta buffers: a -0.0 comes out +0.0.
  auto over_rows = [&](const Tensor& t) { return add(rows.empty() ? t : sum(t, rows), Tensor::scalar(0, t.dtype())); };
  if (n.needs_input_grad(1)) gi[1] = over_rows(mul(g, add(mul(x, rstd), mul(neg(rstd), mu))));
  if (n.needs_input_grad(2)) gi[2] = over_rows(g);
  // Under create_graph each gradient is an output of PyTorch's native_layer_norm_backward node
  // (NativeLayerNormBackwardBackward0), grad_b too (a zero derivative in x and w).
  const Tensor& dep = x.requires_grad() || !w.defined() ? x : w;
  const OpDef& row = TL_ROW("native_layer_norm_backward");
  // PyTorch's layer_norm_double_backward gives grad_b's gradient (ggB) to grad_output only with a
  // weight (ggB_expanded is left undefined without one), and never to x or w: None, not zeros.
  if (gi[2].defined() && !(w.defined() && g.requires_grad()))
    gi[2] = autograd::piecewise_constant(gi[2], {g, x, w}, row.grad_fn.c_str(), true);
  for (Tensor& t : gi)
    if (t.defined()) backward_op_result(t, row, g, dep);
  // Without a weight, PyTorch's layer_norm_double_backward adds the undefined ggB_expanded to the
  // grad_output gradient that ggI made: a pass that sends gradients into both grad_x and grad_b
  // fails ("Expected a proper Tensor but got None"). Here they are two nodes: the second of them
  // to run in one pass raises.
  if (!w.defined() && gi[0].defined() && gi[2].defined() && gi[0].grad_fn() && gi[2].grad_fn() &&
      gi[0].grad_fn() != gi[2].grad_fn()) {
    struct Seen {
      uint64_t pass[2] = {0, 0};
    };
    auto seen = std::make_shared<Seen>();
    for (int k = 0; k < 2; ++k) {
      Node& node = *gi[k == 0 ? 0 : 2].grad_fn();
      if (!node.pre_hooks) node.pre_hooks = std::make_shared<std::vector<GradHook>>();
      node.pre_hooks->insert(node.pre_hooks->begin(), GradHook{next_hook_id(), [seen, k](const Tensor&) -> Tensor {
        const uint64_t p = autograd::backward_pass_id();
        seen->pass[k] = p;
        TL_CHECK(seen->pass[1 - k] != p, "Expected a proper Tensor but got None (or an undefined Tensor in C++) for "
                 "argument #1 'other'");
        return Tensor();
      }});
      if (node.retained.lock()) ++node.retain_at;
    }
  }
}

Tensor layer_norm(const Tensor& x, const IntList& normalized_shape, const Tensor& weight, const Tensor& bias,
                  double eps) {
  const int k = int(normalized_shape.size());
  TL_CHECK(k >= 1, "layer_norm: Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = []");
  bool ok = x.dim() >= k;
  for (int i = 0; ok && i < k; ++i) ok = x.shape()[x.dim() - k + i] == normalized_shape[size_t(i)];
  if (!ok) {
    std::vector<int64_t> xs(x.shape().d, x.shape().d + x.dim());
    TL_FAIL("Given normalized_shape=", sizes_str(normalized_shape), ", expected input with shape [*, ",
            sizes_str(normalized_shape).substr(1), ", but got input of size", sizes_str(xs));
  }
  auto check_affine = [&](const Tensor& t, const char* what) {
    if (!t.defined()) return;
    std::vector<int64_t> ts(t.shape().d, t.shape().d + t.dim());
    TL_CHECK(ts == normalized_shape, "layer_norm: Expected ", what, " to be of same shape as normalized_shape, but got ",
             what, " of shape ", sizes_str(ts), " and normalized_shape = ", sizes_str(normalized_shape));
  };
  check_affine(weight, "weight");
  check_affine(bias, "bias");
  // PyTorch's LayerNormKernelImpl dispatches on x's dtype, then reads weight / bias as that type.
  TL_CHECK(x.is_floating_point(), "\"LayerNormKernelImpl\" not implemented for '", dtype_kernel_name(x.dtype()), "'");
  for (const Tensor* t : {&weight, &bias})
    TL_CHECK(!t->defined() || t->dtype() == x.dtype(), "expected scalar type ", dtype_kernel_name(x.dtype()),
             " but found ", dtype_kernel_name(t->dtype()));
  int64_t N = 1;
  for (int64_t d : normalized_shape) N *= d;
  Shape stat_shape = x.shape();  // mean and rstd: (*, 1, ..., 1), as PyTorch's
  for (int i = x.dim() - k; i < x.dim(); ++i) stat_shape[i] = 1;
  Tensor y = Tensor::empty(x.shape(), x.dtype()), mu = Tensor::empty(stat_shape, x.dtype()),
         rstd = Tensor::empty(stat_shape, x.dtype());
  const int64_t M = mu.numel();
  {
    NoGradGuard ng;
    const Tensor xc = x.contiguous();
    const Tensor wc = weight.defined() ? weight.contiguous() : Tensor(), bc = bias.defined() ? bias.contiguous() : Tensor();
    TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
      const T* px = xc.data_ptr<T>();
      const T* pw = wc.defined() ? wc.data_ptr<T>() : nullptr;
      const T* pb = bc.defined() ? bc.data_ptr<T>() : nullptr;
      T *py = y.data_ptr<T>(), *pm = mu.data_ptr<T>(), *pr = rstd.data_ptr<T>();
      for (int64_t i = 0; i < M; ++i) {
        const auto [mean_i, var_i] = rowwise_moments(px + i * N, N);
        // Per row fma(x, rstd, -rstd * mean), then fma(that, w, b) (not (x - mean) * rstd: an
        // element equal to the mean comes out as the rounding error of x * rstd, not 0).
        const T r = T(1) / std::sqrt(var_i + T(eps)), shift = -r * mean_i;
        pm[i] = mean_i, pr[i] = r;
        for (int64_t j = 0; j < N; ++j)
          py[i * N + j] = std::fma(std::fma(px[i * N + j], r, shift), pw ? pw[j] : T(1), pb ? pb[j] : T(0));
      }
    });
  }
  if (Node* n = record(TL_ROW("layer_norm"), {&x, &weight, &bias}, y)) {
    n->attrs().i0 = k, n->attrs().f0 = eps;
    save(n, x), save(n, weight), save(n, mu), save(n, rstd);
  }
  return y;
}

// ---- l1_loss / smooth_l1_loss / binary_cross_entropy ----  composites with PyTorch's reductions
static Tensor apply_reduction(const char* op, const Tensor& l, const std::string& reduction) {
  if (reduction == "mean") return mean(l);
  if (reduction == "sum") return sum(l);
  TL_CHECK(reduction == "none", "ValueError: ", reduction, " is not a valid value for reduction (", op, ")");
  return l;
}

// mean |x - y| (PyTorch's is the same composite: its grad_fn is MeanBackward0)
Tensor l1_loss(const Tensor& x, const Tensor& y, const std::string& reduction) {
  broadcast_shapes("l1_loss", x.shape(), y.shape());
  Tensor r = apply_reduction("l1_loss", abs(sub(x, y)), reduction);
  if (reduction != "none") label_node(r, reduction == "mean" ? TL_ROW("mean") : TL_ROW("sum"), {&x, &y});
  return r;
}

// |d| < beta: 0.5 d^2 / beta, else |d| - 0.5 beta (d = x - y; beta = 0: |d|)
Tensor smooth_l1_loss(const Tensor& x, const Tensor& y, double beta, const std::string& reduction) {
  TL_CHECK(beta >= 0, "smooth_l1_loss does not support negative values for beta.");
  broadcast_shapes("smooth_l1_loss", x.shape(), y.shape());
  Tensor d = sub(x, y), ad = abs(d);
  Tensor l = ad;
  if (beta != 0) {
    // The square's branch (NaN's too, as PyTorch's backward) sees 0 outside it: an infinite d
    // would put 0 * inf = NaN into the gradient.
    const Tensor big = ge(ad, Tensor::scalar(beta, ad.dtype()));
    const Tensor ds = where(big, Tensor::scalar(0, d.dtype()), d);
    l = where(big, sub(ad, Tensor::scalar(0.5 * beta, ad.dtype())),
              div(mul(mul(Tensor::scalar(0.5, d.dtype()), ds), ds), Tensor::scalar(beta, d.dtype())));
  }
  Tensor r = apply_reduction("smooth_l1_loss", l, reduction);
  resized_from(r, l.shape());  // PyTorch's smooth_l1_loss_out writes the loss into its result first
  label_node(r, TL_ROW("smooth_l1_loss"), {&x, &y});
  return r;
}

// -(y log x + (1 - y) log(1 - x)), each log clamped at -100 as PyTorch does; x in [0, 1].
// A primitive for PyTorch's backward (binary_cross_entropy_backward / _target_backward):
// d/dx = g (x - y) / max((1 - x) x, 1e-12), d/dy = (log(1 - x) - log(x)) g, each divided by N for 'mean'.
// The clamp keeps the gradient of a saturated sigmoid finite (0 where x(1 - x) rounds to 0).
static void bce_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0), y = n.saved_tensor(1);
  const Tensor one = Tensor::scalar(1, x.dtype());
  const bool by_count = n.attrs().i1 == 1;  // 'mean'
  const Tensor count = Tensor::scalar(double(x.numel()), g.dtype());
  if (n.needs_input_grad(0)) {
    gi[0] = div(mul(g, sub(x, y)), clamp(mul(sub(one, x), x), 1e-12, std::nullopt));
    if (by_count) gi[0] = div(gi[0], count);
    label_node(gi[0], TL_ROW("binary_cross_entropy_backward"), {&g, &x, &y});
  }
  if (n.needs_input_grad(1)) {
    gi[1] = mul(sub(log(sub(one, x)), log(x)), g);
    if (by_count) {
      gi[1] = div(gi[1], count);
      label_node(gi[1], TL_ROW("div.Scalar"), {&g, &x, &y});
    }
  }
}
Tensor binary_cross_entropy(const Tensor& x, const Tensor& y, const std::string& reduction) {
  TL_CHECK(x.shape() == y.shape(), "ValueError: Using a target size (", y.shape_str(),
           ") that is different to the input size (", x.shape_str(), ") is deprecated. Please ensure they have the same size.");
  TL_CHECK(x.is_floating_point() && y.is_floating_point(), "binary_cross_entropy: expected floating point input and target");
  Tensor r;
  {
    NoGradGuard ng;
    for (double v : x.to_vector()) TL_CHECK(v >= 0 && v <= 1, "all elements of input should be between 0 and 1");
    Tensor one = Tensor::scalar(1, x.dtype());
    Tensor l = neg(add(mul(y, clamp(log(x), -100.0, std::nullopt)), mul(sub(one, y), clamp(log(sub(one, x)), -100.0, std::nullopt))));
    r = apply_reduction("binary_cross_entropy", l, reduction);
  }
  resized_from(r, x.shape());  // PyTorch's binary_cross_entropy_out writes the loss into its result first
  if (Node* n = record(TL_ROW("binary_cross_entropy"), {&x, &y}, r)) {
    n->attrs().i1 = reduction == "mean" ? 1 : 0;
    save(n, x), save(n, y);
  }
  return r;
}

}  // namespace tl

// ---- op table rows ----
#include "engine/ops/op_table.h"
namespace tl {
void register_nn_ops(std::vector<OpDef>& t) {
  const unsigned TMF = kTorch | kMethod | kF;
  // dtype=: x converted first (PyTorch's softmax(x, dim, dtype=torch.float64) of an int tensor).
  auto as_dtype = [](const Args& a, size_t k) { return a.dtype(k) ? to_dtype(a.t(0), *a.dtype(k)) : a.t(0); };
  t.push_back({"softmax(Tensor input, int dim, *, DType? dtype=None) -> Tensor", TMF,
               [as_dtype](const Args& a) { return Value::tensor(softmax(as_dtype(a, 2), a.i(1))); }, softmax_bw,
               "grad = y (g - sum(g y))"});
  t.push_back({"log_softmax(Tensor input, int dim, *, DType? dtype=None) -> Tensor", TMF,
               [as_dtype](const Args& a) { return Value::tensor(log_softmax(as_dtype(a, 2), a.i(1))); }, log_softmax_bw,
               "grad = g - exp(y) * sum(g)"});
  t.push_back({"mse_loss(Tensor input, Tensor target) -> Tensor", kF,
               [](const Args& a) { return Value::tensor(mse_loss(a.t(0), a.t(1))); }, mse_loss_bw,
               "grad_x = 2 (x - y) g / N; grad_y = -grad_x"});
  t.push_back({"nll_loss(Tensor input, Tensor(nograd) target, *, int ignore_index=-100, str reduction='mean') -> Tensor", kF,
               [](const Args& a) {
                 return Value::tensor(nll_loss_reduced(a.t(0), a.t(1), a.i(2), a.v[3].s));
               },
               nullptr, "composite: -mean(gather(logp, target)); sum / none: -gather(logp, target)"});
  t.push_back({"cross_entropy(Tensor input, Tensor(nograd) target, Tensor? weight=None, Any size_average=None, "
               "int ignore_index=-100, Any reduce=None, str reduction='mean', float label_smoothing=0.0) -> Tensor", kF,
               [](const Args& a) {
                 TL_CHECK(a.is_none(2), "cross_entropy: weight= is not supported by tensorlens");
                 TL_CHECK(a.is_none(3) && a.is_none(5), "cross_entropy: size_average and reduce are deprecated; use reduction");
                 TL_CHECK(a.f(7) == 0.0, "cross_entropy: label_smoothing= is not supported by tensorlens");
                 return Value::tensor(cross_entropy(a.t(0), a.t(1), a.i(4), a.v[6].s));
               }, nullptr,
               "composite: nll_loss(log_softmax(x))"});
  t.push_back({"binary_cross_entropy_with_logits(Tensor input, Tensor target) -> Tensor", kF,
               [](const Args& a) { return Value::tensor(binary_cross_entropy_with_logits(a.t(0), a.t(1))); }, bce_logits_bw,
               "grad_x = g * (sigmoid(x) - y) / N; grad_y = -g * x / N"});
  t.push_back({"dropout(Tensor input, float p=0.5, bool training=True, bool inplace=False) -> Tensor", kF,
               [](const Args& a) {
                 // F.dropout checks p itself (ValueError) before calling _VF.dropout / _VF.dropout_.
                 TL_CHECK(a.f(1) >= 0 && a.f(1) <= 1, "ValueError: dropout probability has to be between 0 and 1, but got ",
                          nn::py_float(a.f(1)));
                 Tensor x = a.t(0);
                 Tensor r = a.b(3) ? dropout_(x, a.f(1), a.b(2)) : dropout(x, a.f(1), a.b(2));
                 // The input itself (in place; or p == 0 / not training: `return input`): the same
                 // Python object, as PyTorch's wrapper returns for the same tensor.
                 return r.impl() == x.impl() ? a.v[0] : Value::tensor(r);
               },
               nullptr, "composite: x * bernoulli(1 - p) / (1 - p)"});
  t.push_back({"l1_loss(Tensor input, Tensor target, Any size_average=None, Any reduce=None, str reduction='mean') -> Tensor", kF,
               [](const Args& a) {
                 TL_CHECK(a.is_none(2) && a.is_none(3), "l1_loss: size_average and reduce are deprecated; use reduction");
                 return Value::tensor(l1_loss(a.t(0), a.t(1), a.v[4].s));
               },
               nullptr, "composite: mean(|x - y|)"});
  t.push_back({"smooth_l1_loss(Tensor input, Tensor target, Any size_average=None, Any reduce=None, str reduction='mean', "
               "float beta=1.0) -> Tensor",
               kF,
               [](const Args& a) {
                 TL_CHECK(a.is_none(2) && a.is_none(3), "smooth_l1_loss: size_average and reduce are deprecated; use reduction");
                 return Value::tensor(smooth_l1_loss(a.t(0), a.t(1), a.f(5), a.v[4].s));
               },
               nullptr, "composite: where(|d| < beta, 0.5 d^2 / beta, |d| - 0.5 beta)"});
  t.push_back({"binary_cross_entropy(Tensor input, Tensor target, Tensor? weight=None, Any size_average=None, Any reduce=None, "
               "str reduction='mean') -> Tensor",
               kF,
               [](const Args& a) {
                 TL_CHECK(a.is_none(2), "binary_cross_entropy: weight= is not supported by tensorlens");
                 TL_CHECK(a.is_none(3) && a.is_none(4), "binary_cross_entropy: size_average and reduce are deprecated; use reduction");
                 return Value::tensor(binary_cross_entropy(a.t(0), a.t(1), a.v[5].s));
               },
               bce_bw, "d/dx = g (x - y) / max((1 - x) x, 1e-12); d/dy = (log(1 - x) - log x) g (each / N for mean)"});
  t.push_back({"pad(Tensor input, int[] pad, str mode='constant', float? value=None) -> Tensor", kF,
               [](const Args& a) { return Value::tensor(pad(a.t(0), a.ints(1), a.v[2].s, a.opt_f(3))); }, nullptr,
               "composite: cat with constant blocks / index_select (reflect, replicate, circular)"});
  t.push_back({"layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, Tensor? bias=None, float eps=1e-05) -> Tensor",
               kF,
               [](const Args& a) {
                 return Value::tensor(layer_norm(a.t(0), a.ints(1), a.opt_t(2), a.opt_t(3), a.f(4)));
               },
               layer_norm_bw,
               "y = (x - mean) * rstd * w + b;  grad_x = rstd * g w + b_ x + c_ (PyTorch's per-row b_, c_); "
               "grad_w = sum_rows g (x - mean) rstd;  grad_b = sum_rows g"});
}
}  // namespace tl
