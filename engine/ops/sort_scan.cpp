// Ops along one dimension and selections: cumsum, sort / argsort / topk / kthvalue / median,
// flip, roll, tril / triu, diag / trace, norm, dot / outer. The raw row loops run on a copy with the
// dim moved last; the differentiable results are then taken from the input with gather /
// index_select (their backward scatters the gradient back), so only cumsum and norm need a
// backward of their own. Nodes carry PyTorch's grad_fn names (SortBackward0, TopkBackward0, ...).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

#include "engine/autograd/node.h"
#include "engine/kernels/libstdcxx_select.h"
#include "engine/ops/op_table.h"
#include "engine/ops/ops.h"

namespace tl {

namespace {

// x with `dim` moved last, contiguous: rows of length x.size(dim) (a 0-d x is one row of 1).
Tensor rows_of(const Tensor& x, int64_t dim) {
  NoGradGuard ng;
  if (x.dim() == 0) return reshape(x, {1});
  return contiguous(transpose(x, dim, x.dim() - 1));
}
// The inverse of rows_of for a result laid out the same way (with `len` elements per row).
Tensor from_rows(const Tensor& r, const Tensor& like, int64_t dim, int64_t len) {
  NoGradGuard ng;
  if (like.dim() == 0) return reshape(r, {});
  IntList s(like.shape().begin(), like.shape().end());
  std::swap(s[size_t(dim)], s.back());
  s.back() = len;
  Tensor t = contiguous(transpose(reshape(r, s), dim, like.dim() - 1));
  // A fresh result with PyTorch's contiguous strides (the transpose leaves a size-1 dim's own,
  // which the copy overlap check of x[None] = x compares).
  const Dims want = contiguous_strides(t.shape());
  if (t.strides() == want) return t;
  auto a = data_alias(t);
  a->strides = want;
  return Tensor(a);
}

// PyTorch's sort order: NaN is larger than everything; stable for ties.
template <class T>
bool less_nan(T a, T b) {
  if constexpr (std::is_floating_point<T>::value) {
    if (a != a) return false;
    if (b != b) return true;
  }
  return a < b;
}

template <class T>
bool isnan_any(T a) {
  if constexpr (std::is_floating_point<T>::value) return a != a;
  else return false;
}

// Indices (int64) that sort each row along dim. Not stable: PyTorch 1.13's sort_kernel, std::sort
// of (value, index) pairs with its KeyValueCompAsc/Desc (NaN the largest), which reorders equal
// values in rows longer than 16 (libstdc++'s algorithm, libstdcxx_select.h, gives PyTorch's indices).
Tensor argsort_rows(const Tensor& x, int64_t dim, bool descending, bool stable = true) {
  Tensor rows = rows_of(x, dim);
  const int64_t len = x.dim() == 0 ? 1 : x.size(dim);
  Tensor idx = Tensor::empty(rows.shape(), DType::Int64);
  const int64_t nrows = len == 0 ? 0 : rows.numel() / len;
  TL_DISPATCH(rows.dtype(), T, [&] {
    const T* p = rows.data_ptr<T>();
    int64_t* o = idx.data_ptr<int64_t>();
    for (int64_t r = 0; r < nrows; ++r) {
      const T* row = p + r * len;
      int64_t* out = o + r * len;
      std::iota(out, out + len, int64_t(0));
      if (!stable) {
        std::vector<std::pair<T, int64_t>> kv(static_cast<size_t>(len));
        for (int64_t i = 0; i < len; ++i) kv[size_t(i)] = {row[i], i};
        if (descending)
          kernels::libstdcxx::sort(kv.begin(), kv.end(), [](const auto& a, const auto& b) {
            return (isnan_any(a.first) && !isnan_any(b.first)) || a.first > b.first;
          });
        else
          kernels::libstdcxx::sort(kv.begin(), kv.end(), [](const auto& a, const auto& b) {
            return (!isnan_any(a.first) && isnan_any(b.first)) || a.first < b.first;
          });
        for (int64_t i = 0; i < len; ++i) out[i] = kv[size_t(i)].second;
      } else if (descending)
        std::stable_sort(out, out + len, [row](int64_t a, int64_t b) { return less_nan(row[b], row[a]); });
      else
        std::stable_sort(out, out + len, [row](int64_t a, int64_t b) { return less_nan(row[a], row[b]); });
    }
  });
  return from_rows(idx, x, dim, len);
}

Value return_type(const char* name, const Tensor& values, const Tensor& indices) {
  Value r = Value::tuple({Value::tensor(values), Value::tensor(indices)});
  r.s = std::string("torch.return_types.") + name;
  return r;
}

Tensor take_along(const Tensor& x, int64_t dim, const Tensor& idx, const OpDef& row) {
  // A new tensor, as PyTorch; a 0-d input too, whose grad is also a fresh zeros().scatter_() (not
  // the incoming grad or a view of it: an in-place op on it is allowed).
  Tensor v = x.dim() == 0 && !idx.numel() ? reshape(x, {0}) : gather(x, dim, idx);
  if (v.grad_fn() && v.grad_fn() != x.grad_fn()) v.grad_fn()->attrs().b0 = true;  // (gather_bw)
  label_node(v, row, {&x});
  return v;
}

std::pair<Tensor, Tensor> sort(const Tensor& x, int64_t dim, bool descending, bool stable) {
  dim = wrap_dim("sort", dim, x.dim());
  Tensor idx = argsort_rows(x, dim, descending, stable);
  return {take_along(x, dim, idx, TL_ROW("sort")), idx};
}

// PyTorch's topk_impl_loop: (value, index) pairs (values widened to double / int64) through the
// standard library's partial_sort when k * 64 <= n, else nth_element and (sorted) a sort of the
// first k - 1; NaN counts as the largest. Equal values come out in those algorithms' order
// (libstdc++'s, which PyTorch is built with: libstdcxx_select.h, so the wasm build on libc++
// gives them too).
static Tensor topk_rows(const Tensor& x, int64_t dim, int64_t k, bool largest, bool sorted) {
  const Tensor rows = rows_of(x, dim);
  const int64_t len = x.size(dim), nrows = len == 0 ? 0 : rows.numel() / len;
  Tensor idx = Tensor::empty(Shape{nrows, k}, DType::Int64);
  TL_DISPATCH(rows.dtype(), T, [&] {
    using A = std::conditional_t<std::is_floating_point<T>::value, double, int64_t>;
    using E = std::pair<A, int64_t>;
    auto nan = [](A v) { return v != v; };
    auto gt = [&](const E& a, const E& b) { return (nan(a.first) && !nan(b.first)) || a.first > b.first; };
    auto lt = [&](const E& a, const E& b) { return (!nan(a.first) && nan(b.first)) || a.first < b.first; };
    std::vector<E> q(static_cast<size_t>(len));
    for (int64_t r = 0; r < nrows && k > 0; ++r) {
      const T* row = rows.data_ptr<T>() + r * len;
      for (int64_t j = 0; j < len; ++j) q[size_t(j)] = E(A(row[j]), j);
      auto run = [&](auto cmp) {
        if (k * 64 <= len) {
          kernels::libstdcxx::partial_sort(q.begin(), q.begin() + k, q.end(), cmp);
        } else {
          kernels::libstdcxx::nth_element(q.begin(), q.begin() + (k - 1), q.end(), cmp);
          if (sorted) kernels::libstdcxx::sort(q.begin(), q.begin() + (k - 1), cmp);
        }
      };
      if (largest) run(gt);
      else run(lt);
      for (int64_t j = 0; j < k; ++j) idx.data_ptr<int64_t>()[r * k + j] = q[size_t(j)].second;
    }
  });
  return from_rows(idx, x, dim, k);
}

std::pair<Tensor, Tensor> topk(const Tensor& x, int64_t k, int64_t dim, bool largest, bool sorted) {
  dim = wrap_dim("topk", dim, x.dim());
  const int64_t len = x.dim() == 0 ? 1 : x.size(dim);
  TL_CHECK(k >= 0 && k <= len, "topk: selected index k out of range");
  // PyTorch 1.13: a 0-d tensor returns before the kernel's dtype dispatch (topk(tensor(True), 1) works).
  TL_CHECK(x.dim() == 0 || x.dtype() != DType::Bool, "\"topk_cpu\" not implemented for 'Bool'");
  Tensor idx = x.dim() == 0 ? argsort_rows(x, dim, largest) : topk_rows(x, dim, k, largest, sorted);
  return {take_along(x, dim, idx, TL_ROW("topk")), idx};
}

// PyTorch's quick_select_template (kthvalue): the index of the k-th (0-based) smallest of a row,
// NaN largest; which of equal values comes out follows its median-of-three partitioning
// (kthvalue(ones(4), 1) is index 1).
template <class T>
int64_t quick_select_index(const T* row, int64_t len, int64_t k) {
  using S = std::conditional_t<std::is_same<T, bool>::value, uint8_t, T>;  // (not vector<bool>)
  std::vector<S> v(row, row + len);
  std::vector<int64_t> ix(static_cast<size_t>(len));
  std::iota(ix.begin(), ix.end(), int64_t(0));
  auto gt = [](S x, S y) { return less_nan(y, x); };  // x > y, NaN above everything
  auto swp = [&](int64_t i, int64_t j) { std::swap(v[size_t(i)], v[size_t(j)]), std::swap(ix[size_t(i)], ix[size_t(j)]); };
  int64_t L = 0, R = len - 1;
  while (R > L) {
    if (R == L + 1) {
      if (gt(v[size_t(L)], v[size_t(R)])) swp(L, R);
      break;
    }
    const int64_t P = L + (R - L) / 2;
    swp(P, L + 1);
    if (gt(v[size_t(L + 1)], v[size_t(R)])) swp(L + 1, R);
    if (gt(v[size_t(L)], v[size_t(R)])) swp(L, R);
    if (gt(v[size_t(L + 1)], v[size_t(L)])) swp(L + 1, L);
    int64_t i = L + 1, j = R;
    const S piv = v[size_t(L)];
    for (;;) {
      do ++i; while (gt(piv, v[size_t(i)]));
      do --j; while (gt(v[size_t(j)], piv));
      if (j < i) break;
      swp(i, j);
    }
    swp(L, j);
    if (j <= k) L = i;
    if (j >= k) R = j - 1;
  }
  return ix[size_t(k)];
}

// k-th smallest (1-based) along dim, or the lower median.
std::pair<Tensor, Tensor> kth(const char* op, const OpDef& row, const Tensor& x, int64_t k, int64_t dim, bool keepdim) {
  dim = wrap_dim(op, dim, x.dim());
  const int64_t len = x.dim() == 0 ? 1 : x.size(dim);
  TL_CHECK(k >= 1 && k <= len, op, "(): selected number k out of range for dimension ", dim);
  Tensor idx = argsort_rows(x, dim, false);
  if (x.dim() > 0 && std::strcmp(op, "median") == 0 && x.is_floating_point()) {
    // PyTorch's median propagates NaN: a row with NaN gives its first NaN (the sort puts NaN last,
    // stably, so it sits right after the row's other values), else the k-th value.
    NoGradGuard ng;
    Tensor xd = x.detach();
    Tensor finite_or_inf = to_dtype(eq(xd, xd), DType::Int64);  // 1 where not NaN
    Tensor count = sum(finite_or_inf, {dim}, true);
    Tensor kth_pos = full(count.shape(), double(k - 1), DType::Int64);
    Tensor pos = where(lt(count, full(count.shape(), double(len), DType::Int64)), count, kth_pos);
    idx = contiguous(gather(idx, dim, pos));
  } else if (x.dim() > 0 && std::strcmp(op, "kthvalue") == 0) {
    Tensor rows = rows_of(x.detach(), dim);
    Tensor o = Tensor::empty(Shape{len == 0 ? 0 : rows.numel() / len}, DType::Int64);
    TL_DISPATCH(rows.dtype(), T, [&] {
      const T* p = rows.data_ptr<T>();
      for (int64_t r = 0; r < o.numel(); ++r) o.data_ptr<int64_t>()[r] = quick_select_index(p + r * len, len, k - 1);
    });
    idx = from_rows(o, x, dim, 1);
  } else if (x.dim() > 0) {
    idx = contiguous(slice(idx, dim, k - 1, k));
  }
  Tensor v = take_along(x, dim, idx, row);
  if (!keepdim && x.dim() > 0) {
    const Shape kept = v.shape();
    v = squeeze(v, dim), idx = squeeze(idx, dim);
    if (std::strcmp(op, "kthvalue") == 0) resized_from(v, kept), resized_from(idx, kept);  // PyTorch's squeeze_
    label_node(v, row, {&x});
  }
  return {v, idx};
}

// PyTorch 1.13's median() of all elements: NaN if there is one, else std::nth_element (operator<)
// at (n - 1) / 2 of a clone in its memory order (clone keeps the strides of a non-overlapping
// dense input). Which of -0.0 and +0.0 comes out depends on that algorithm and order.
static Tensor median_all(const Tensor& x) {
  std::vector<int64_t> perm(size_t(x.dim()));
  std::iota(perm.begin(), perm.end(), int64_t(0));
  std::stable_sort(perm.begin(), perm.end(), [&](int64_t a, int64_t b) { return x.strides()[a] > x.strides()[b]; });
  bool dense = true;  // the strides, largest first, describe a contiguous layout (size-1 dims aside)
  for (int64_t i = x.dim() - 1, want = 1; i >= 0; --i) {
    const int64_t d = perm[size_t(i)];
    if (x.size(d) == 1) continue;
    dense = dense && x.strides()[d] == want;
    want *= x.size(d);
  }
  Tensor flat = contiguous(reshape(contiguous(dense ? permute(x, IntList(perm.begin(), perm.end())) : x), {-1}));
  Tensor v = Tensor::empty(Shape{}, x.dtype());
  TL_DISPATCH(x.dtype(), T, [&] {
    using S = std::conditional_t<std::is_same<T, bool>::value, uint8_t, T>;  // (not vector<bool>)
    const T* p = flat.data_ptr<T>();
    std::vector<S> buf(p, p + flat.numel());
    if constexpr (std::is_floating_point<T>::value)
      if (std::any_of(buf.begin(), buf.end(), [](T a) { return a != a; })) {
        *v.data_ptr<T>() = std::numeric_limits<T>::quiet_NaN();
        return;
      }
    kernels::libstdcxx::nth_element(buf.begin(), buf.begin() + (flat.numel() - 1) / 2, buf.end(), std::less<S>());
    *v.data_ptr<T>() = T(buf[size_t((flat.numel() - 1) / 2)]);
  });
  return v;
}

// ---- cumsum ----  d/dx_j sum_{i<=k} x_i: grad = reverse cumulative sum of g
Tensor cumsum(const Tensor& x, int64_t dim, std::optional<DType> dtype);
Tensor flip(const Tensor& x, const IntList& dims);
void cumsum_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const int64_t d = n.attrs().i0;
  // PyTorch's trivial case returns g itself (so an expanded seed stays a view of it).
  if (g.numel() <= 1 || g.size(d) == 1) {
    gi[0] = g;
    return;
  }
  // PyTorch's reversed_cumsum: flip(cumsum(flip(g))), a FlipBackward0 under create_graph
  gi[0] = flip(cumsum(flip(g, {d}), d, std::nullopt), {d});
}
Tensor cumsum(const Tensor& x, int64_t dim, std::optional<DType> dtype) {
  dim = wrap_dim("cumsum", dim, x.dim());
  DType out_t = dtype ? *dtype : x.is_floating_point() ? x.dtype() : DType::Int64;
  // dtype=torch.bool: PyTorch's kernel has none, but a 0-d input is only filled and an empty one
  // zeroed without it.
  TL_CHECK(out_t != DType::Bool || x.dim() == 0 || x.numel() == 0, "\"cumsum_out_cpu\" not implemented for 'Bool'");
  // PyTorch fills the result with a 0-d input's item(): a checked conversion to an integral dtype.
  if (x.dim() == 0 && is_int(out_t)) check_number_fits(item_number(x), out_t);
  Tensor rows = rows_of(x.dtype() == out_t ? x : to_dtype(x.detach(), out_t), dim);
  const int64_t len = x.dim() == 0 ? 1 : x.size(dim);
  Tensor o = Tensor::empty(rows.shape(), out_t);
  const int64_t nrows = len == 0 ? 0 : rows.numel() / len;
  TL_DISPATCH(out_t, T, [&] {
    // PyTorch accumulates floating types in double on the CPU (acc_type), integers in int64.
    using A = std::conditional_t<std::is_floating_point<T>::value, double, int64_t>;
    const T* p = rows.data_ptr<T>();
    T* q = o.data_ptr<T>();
    for (int64_t r = 0; r < nrows; ++r) {
      A acc = 0;
      // A 0-d input is copied (PyTorch fills the result with it: a -0.0 stays -0.0).
      if (x.dim() == 0) {
        q[0] = p[0];
        continue;
      }
      for (int64_t j = 0; j < len; ++j) {
        if constexpr (std::is_floating_point<T>::value) acc += A(p[r * len + j]);
        else acc = A(uint64_t(acc) + uint64_t(A(p[r * len + j])));
        q[r * len + j] = T(acc);
      }
    }
  });
  Tensor out = from_rows(o, x, dim, len);
  if (is_floating(out_t))
    if (Node* n = record(TL_ROW("cumsum"), {&x}, out)) n->attrs().i0 = dim;
  return out;
}

// ---- flip ----  d/dx flip(x, dims) = flip(g, dims). A primitive as PyTorch's FlipBackward0, which
// saves no tensor (a second backward works) and records FlipBackward0 again under create_graph.
void flip_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = flip(g, IntList(n.attrs().dims.begin(), n.attrs().dims.end()));
}
Tensor flip(const Tensor& x, const IntList& dims) {
  Tensor r = x;
  std::vector<int64_t> seen;
  {
    NoGradGuard ng;
    for (int64_t d0 : dims) {
      const int64_t d = wrap_dim("flip", d0, x.dim());
      TL_CHECK(std::find(seen.begin(), seen.end(), d) == seen.end(), "dim ", d, " appears multiple times in the list of dims");
      seen.push_back(d);
      if (x.dim() == 0) continue;
      r = index_select(r, d, arange(double(x.size(d) - 1), -1, -1, DType::Int64));
    }
    if (r.same(x)) r = clone(x);
  }
  if (Node* n = record(TL_ROW("flip"), {&x}, r))
    for (int64_t d : seen) n->attrs().dims.push_back(d);
  return r;
}

static Tensor roll_values(const Tensor& x, const IntList& shifts, const IntList& dims);
// A primitive as PyTorch's RollBackward0, whose backward rolls the gradient back (a new tensor,
// also where the shifts are 0: not g itself, which may be an expanded gradient).
Tensor roll(const Tensor& x, const IntList& shifts, const IntList& dims) {
  Tensor r;
  {
    NoGradGuard ng;
    r = roll_values(x, shifts, dims);
  }
  r.impl()->view_base.reset();  // new memory (maybe reshaped): no view, also as a gradient
  r.impl()->is_view = false;
  if (Node* n = record(TL_ROW("roll"), {&x}, r))
    n->attrs().custom = [shifts, dims](const Tensor& g, std::vector<Tensor>& gi) {
      IntList back(shifts.rbegin(), shifts.rend()), back_dims(dims.rbegin(), dims.rend());
      for (int64_t& s : back) s = -s;
      gi[0] = roll(g, back, back_dims);
    };
  return r;
}

static Tensor roll_values(const Tensor& x, const IntList& shifts, const IntList& dims) {
  TL_CHECK(!shifts.empty(), "roll: `shifts` required");
  if (dims.empty()) {
    TL_CHECK(shifts.size() == 1, "roll: shifts and dimensions must align. shifts: ", shifts.size(), ", dims:0");
    return reshape(roll_values(reshape(x, {-1}), shifts, {0}), IntList(x.shape().begin(), x.shape().end()));
  }
  TL_CHECK(shifts.size() == dims.size(), "roll: shifts and dimensions must align. shifts: ", shifts.size(),
           ", dims:", dims.size());
  Tensor r = x;
  for (size_t k = 0; k < dims.size(); ++k) {
    // PyTorch's roll_cpu returns a clone of an empty tensor before looking at the dim; a 0-d
    // tensor with explicit dims fails in self.size(dim).
    if (x.numel() == 0) continue;
    TL_CHECK(x.dim() > 0, "IndexError: Dimension specified as ", dims[k], " but tensor has no dimensions");
    const int64_t d = wrap_dim("roll", dims[k], x.dim());
    const int64_t n = x.size(d);
    const int64_t s = ((shifts[k] % n) + n) % n;
    if (s == 0) continue;
    r = cat({slice(r, d, n - s, n), slice(r, d, 0, n - s)}, d);
  }
  if (r.same(x)) r = clone(x);
  return r;
}

// tril keeps j - i <= k, triu keeps j - i >= k (the last two dims). A primitive as PyTorch's
// TrilBackward0 / TriuBackward0: they save no tensor (a second backward works) and their backward
// is g.tril(k) / g.triu(k), the same node again under create_graph.
Tensor tri(bool lower, const Tensor& x, int64_t k);
static void tri_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = tri(n.attrs().b0, g, n.attrs().i0); }
Tensor tri(bool lower, const Tensor& x, int64_t k) {
  TL_CHECK(x.dim() > 0, "IndexError: Dimension specified as -2 but tensor has no dimensions");
  // PyTorch returns an empty input (even 1-d) before checking its rank.
  TL_CHECK(x.dim() >= 2 || x.numel() == 0, "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got -2)");
  Tensor out;
  {
    NoGradGuard ng;
    if (x.dim() < 2) {
      out = clone(x);
    } else {
      const int64_t r = x.size(-2), c = x.size(-1);
      std::vector<double> m(size_t(r * c));
      for (int64_t i = 0; i < r; ++i)
        for (int64_t j = 0; j < c; ++j) m[size_t(i * c + j)] = lower ? (j - i <= k) : (j - i >= k);
      Tensor mask = Tensor::from_data(m, Shape{r, c}, DType::Bool);
      out = where(mask, x, Tensor::scalar(0, x.dtype()));
    }
  }
  out.impl()->ti_strides.reset();  // PyTorch's empty_like(self, LEGACY_CONTIGUOUS_MEMORY_FORMAT): row-major
  if (Node* n = record(lower ? TL_ROW("tril") : TL_ROW("triu"), {&x}, out)) n->attrs().b0 = lower, n->attrs().i0 = k;
  return out;
}

// The flat positions of the diagonal k of an r x c matrix, and a tensor of them.
static Tensor diag_positions(int64_t r, int64_t c, int64_t k) {
  std::vector<double> pos;
  for (int64_t i = 0; i < r; ++i)
    if (i + k >= 0 && i + k < c) pos.push_back(double(i * c + i + k));
  return Tensor::from_data(pos, Shape{int64_t(pos.size())}, DType::Int64);
}
// An r x c matrix of zeros with the flat positions `pos` set from v (scattered, not added: 0 +
// -0.0 would lose the sign of a zero). A view of the flat zeros, as PyTorch's trace_backward; with
// fresh, a new tensor as PyTorch's diag and diag_backward return (a view made without recording is
// one "created in no_grad mode", which an in-place write with grad mode on must not refuse).
static Tensor zeros_with(int64_t r, int64_t c, const Tensor& pos, const Tensor& v, bool fresh = false) {
  Tensor out = view(scatter(zeros(Shape{r * c}, v.dtype()), 0, pos, v, false), {r, c});
  if (fresh && !out.requires_grad()) return Tensor(data_alias(out));
  return out;
}

// ---- diag ----  A primitive as PyTorch's DiagBackward0, which saves only the sizes (a second
// backward works): g.diag(k) for a 1-D or square input, else PyTorch's diagonal_backward.
Tensor diag(const Tensor& x, int64_t k);
static void diag_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Attrs& at = n.attrs();
  if (at.shape.size() == 1 || at.shape[0] == at.shape[1]) {
    gi[0] = diag(g, at.i0);
    return;
  }
  gi[0] = zeros_with(at.shape[0], at.shape[1], diag_positions(at.shape[0], at.shape[1], at.i0), g, true);
  label_node(gi[0], TL_ROW("diagonal_backward"), {&g});
}
Tensor diag(const Tensor& x, int64_t k) {
  TL_CHECK(x.dim() == 1 || x.dim() == 2, "diag(): Supports 1D or 2D tensors. Got ", x.dim(), "D");
  Tensor out;
  {
    NoGradGuard ng;
    if (x.dim() == 1) {
      const int64_t n = x.size(0), m = n + std::abs(k);
      out = zeros_with(m, m, diag_positions(m, m, k), x, true);
    } else {
      const int64_t r = x.size(0), c = x.size(1);
      // PyTorch sizes the result min(r + k, c) / min(r, c - k): beyond [-r, c] negative (its error)
      TL_CHECK(k >= -r && k <= c, "numel: integer multiplication overflow");
      out = index_select(reshape(x, {-1}), 0, diag_positions(r, c, k));
    }
  }
  if (Node* n = record(TL_ROW("diag"), {&x}, out)) n->attrs().shape = x.shape(), n->attrs().i0 = k;
  return out;
}

// ---- trace ----  A primitive as PyTorch's TraceBackward0 (saves only the sizes). Its 1.13
// trace_backward fills every (c + 1)-th element of the flattened r x c input with g, which for
// r > c + 1 also reaches rows below the diagonal (x of 3 x 1 gets g at [0, 0] and [2, 0]): matched.
static void trace_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const int64_t r = n.attrs().shape[0], c = n.attrs().shape[1];
  Tensor pos = arange(0, double(r * c), double(c + 1), DType::Int64);
  gi[0] = zeros_with(r, c, pos, expand(g, {pos.numel()}));
}
static Tensor trace(const Tensor& x) {
  TL_CHECK(x.dtype() != DType::Bool, "\"trace\" not implemented for 'Bool'");  // checked before the rank
  TL_CHECK(x.dim() == 2, "trace: expected a matrix, but got tensor with dim ", x.dim());
  Tensor r;
  {
    NoGradGuard ng;
    if (is_floating(x.dtype())) {
      // PyTorch 1.13's trace_cpu adds the diagonal in order in acc_type<scalar_t, false> (double
      // for float32 too) and rounds once: float32 [-0.1, -2.25, 1.6] gives -0.75, not the float32
      // running sum's -0.74999988 (nor sum()'s cascade).
      Tensor d = diag(x, 0).contiguous();
      double acc = 0;
      const int64_t n = d.numel();
      if (d.dtype() == DType::Float32) {
        const float* p = d.data_ptr<float>();
        for (int64_t i = 0; i < n; ++i) acc += double(p[i]);
      } else {
        const double* p = d.data_ptr<double>();
        for (int64_t i = 0; i < n; ++i) acc += p[i];
      }
      r = Tensor::scalar(acc, x.dtype());
    } else {
      r = sum(diag(x, 0));  // integers: int64, exact in any order
    }
  }
  if (Node* n = record(TL_ROW("trace"), {&x}, r)) n->attrs().shape = x.shape();
  return r;
}

// ---- norm ----  p = 2: grad = g x / y (0 where y = 0);  p = 1: g sign(x);
// p = inf: g sign(x) [|x| = y] / count;  other p: g x |x|^(p-2) / y^(p-1) (0 where y = 0)
Tensor norm(const Tensor& x, double p, const IntList& dims, bool keepdim);
void norm_bw(Node& n, const Tensor& g0, std::vector<Tensor>& gi) {
  Tensor x = n.saved_tensor(0), y = n.saved_tensor(1), g = g0;
  const double p = n.attrs().f0;
  if (!n.attrs().b0 && x.dim() > 0) {
    IntList dims(n.attrs().dims.begin(), n.attrs().dims.end());
    if (dims.empty())
      for (int64_t d = 0; d < x.dim(); ++d) dims.push_back(d);
    std::sort(dims.begin(), dims.end());
    for (int64_t d : dims) g = unsqueeze(g, d), y = unsqueeze(y, d);
  }
  Tensor zero = Tensor::scalar(0, x.dtype());
  if (p == 1) {
    gi[0] = mul(sgn(x), g);  // PyTorch 1.13's norm_backward: self.sgn() * grad
  } else if (std::isinf(p)) {
    Tensor mask = to_dtype(eq(abs(x), y), x.dtype());
    Tensor cnt = sum(mask, IntList(n.attrs().dims.begin(), n.attrs().dims.end()), true);
    gi[0] = mul(sgn(x), mul(div(g, cnt), mask));
  } else if (p == 2) {  // PyTorch 1.13's norm_backward: g * (x / y masked to 0 where y == 0)
    gi[0] = mul(g, where(eq(y, zero), zero, div(x, y)));
  } else {
    Tensor num = mul(x, pow(abs(x), p - 2));  // PyTorch: (x |x|^(p-2)) * (g / y^(p-1) masked)
    gi[0] = mul(num, where(eq(y, zero), zero, div(g, pow(y, p - 1))));
  }
}
Tensor norm(const Tensor& x, double p, const IntList& dims0, bool keepdim) {
  TL_CHECK(x.is_floating_point(), "norm(): input dtype should be either floating point or complex. Got ",
           dtype_name(x.dtype()), " instead.");
  IntList dims;
  for (int64_t d : dims0) dims.push_back(wrap_dim("norm", d, x.dim()));
  Tensor out;
  {
    NoGradGuard ng;
    Tensor xd = abs(to_dtype(x.detach(), DType::Float64));
    Tensor r;
    if (p == 2) r = sqrt(sum(mul(xd, xd), dims, keepdim));
    else if (p == 1) r = sum(xd, dims, keepdim);
    else if (std::isinf(p)) r = p > 0 ? amax(xd, dims, keepdim) : amin(xd, dims, keepdim);
    else if (p == 0) r = sum(to_dtype(ne(xd, Tensor::scalar(0, DType::Float64)), DType::Float64), dims, keepdim);
    else r = pow(sum(pow(xd, p), dims, keepdim), 1.0 / p);
    out = to_dtype(r, x.dtype());
  }
  if (p != 0)
    if (Node* n = record(TL_ROW("norm"), {&x}, out)) {
      save(n, x), save_output(n, out);
      n->attrs().f0 = p;
      n->attrs().b0 = keepdim;
      for (int64_t d : dims) n->attrs().dims.push_back(d);
    }
  return out;
}

double norm_p(const Value& v) {
  if (v.is_none()) return 2;
  if (v.kind == Value::Kind::Str) {
    TL_CHECK(v.s == "fro", "norm: p='", v.s, "' is not supported by tensorlens (use 'fro' or a number)");
    return 2;
  }
  TL_CHECK(v.is_number(), "norm(): argument 'p' must be a number or 'fro', not ", v.type_name());
  return v.as_double();
}

Tensor dot(const Tensor& a, const Tensor& b) {
  TL_CHECK(a.dim() == 1 && b.dim() == 1, "1D tensors expected, but got ", a.dim(), "D and ", b.dim(), "D tensors");
  TL_CHECK(a.dtype() == b.dtype(), "dot : expected both vectors to have same dtype, but found ", dtype_name(a.dtype()),
           " and ", dtype_name(b.dtype()));
  TL_CHECK(a.numel() == b.numel(), "inconsistent tensor size, expected tensor [", a.numel(), "] and src [", b.numel(),
           "] to have the same number of elements, but got ", a.numel(), " and ", b.numel(), " elements respectively");
  return matmul(a, b);  // matmul names a 1-D @ 1-D output after the dot row itself
}

}  // namespace

// The indices of the k largest values along the last dim (torch.topk's, ties in its order):
// multinomial without replacement (shape_more.cpp).
Tensor topk_indices(const Tensor& x, int64_t k) { return topk(x, k, -1, true, true).second; }

void register_sort_scan_ops(std::vector<OpDef>& t) {
  const unsigned TM = kTorch | kMethod;
  t.push_back({"cumsum(Tensor input, int dim, *, DType? dtype=None) -> Tensor", TM,
               [](const Args& a) {
                 Tensor r = cumsum(a.t(0), a.i(1), a.dtype(2));
                 check_dtype_differentiable(a.t(0), a.dtype(2));  // reduce.cpp
                 return Value::tensor(r);
               }, cumsum_bw,
               "grad = reverse cumulative sum of g"});
  // sort / argsort: PyTorch's two overloads each; with stable= the others are keyword-only
  // (x.sort(0, stable=True) is a TypeError), argsort's stable is a bool (None: TypeError) and
  // sort's stable=None fails PyTorch 1.13's internal assert (a RuntimeError). Without stable=True
  // (and with stable=False) PyTorch's CPU sort is std::sort: see argsort_rows.
  t.push_back({"sort(Tensor input, int dim=-1, bool descending=False) -> (Tensor, Tensor(nograd))", TM,
               [](const Args& a) {
                 auto r = sort(a.t(0), a.i(1), a.b(2), false);
                 return return_type("sort", r.first, r.second);
               }, nullptr, "composite: gather(x, dim, argsort(x))"});
  t.push_back({"sort.stable(Tensor input, *, bool? stable, int dim=-1, bool descending=False) -> (Tensor, Tensor(nograd))", TM,
               [](const Args& a) {
                 TL_CHECK(!a.is_none(1), "stable.has_value() INTERNAL ASSERT FAILED: sort(stable=None) fails in PyTorch 1.13 "
                                         "(pass stable=True/False, or leave it out)");
                 auto r = sort(a.t(0), a.i(2), a.b(3), a.b(1));
                 return return_type("sort", r.first, r.second);
               }, nullptr, "composite: gather(x, dim, argsort(x))"});
  t.push_back({"argsort(Tensor input, int dim=-1, bool descending=False) -> Tensor(nograd)", TM,
               [](const Args& a) {
                 return Value::tensor(argsort_rows(a.t(0), wrap_dim("argsort", a.i(1), a.t(0).dim()), a.b(2), false));
               }});
  t.push_back({"argsort.stable(Tensor input, *, bool stable, int dim=-1, bool descending=False) -> Tensor(nograd)", TM,
               [](const Args& a) {
                 return Value::tensor(argsort_rows(a.t(0), wrap_dim("argsort", a.i(2), a.t(0).dim()), a.b(3), a.b(1)));
               }});
  t.push_back({"topk(Tensor input, int k, int dim=-1, bool largest=True, bool sorted=True) -> (Tensor, Tensor(nograd))", TM,
               [](const Args& a) {
                 auto r = topk(a.t(0), a.i(1), a.i(2), a.b(3), a.b(4));
                 return return_type("topk", r.first, r.second);
               }, nullptr, "composite: gather(x, dim, first k of argsort(x))"});
  t.push_back({"kthvalue(Tensor input, int k, int dim=-1, bool keepdim=False) -> (Tensor, Tensor(nograd))", TM,
               [](const Args& a) {
                 // PyTorch's order: wrap the dim (IndexError), an empty reduction dim (IndexError),
                 // k's range, then the dtype dispatch, which a 0-d tensor skips (it is copied).
                 const Tensor& x = a.t(0);
                 const int64_t d = wrap_dim("kthvalue", a.i(2), x.dim());
                 TL_CHECK(x.dim() == 0 || x.size(d) > 0, "IndexError: kthvalue(): Expected reduction dim ", d,
                          " to have non-zero size.");
                 const int64_t len = x.dim() == 0 ? 1 : x.size(d);
                 TL_CHECK(a.i(1) >= 1 && a.i(1) <= len, "kthvalue(): selected number k out of range for dimension ", d);
                 TL_CHECK(x.dim() == 0 || x.dtype() != DType::Bool, "\"kthvalue_cpu\" not implemented for 'Bool'");
                 auto r = kth("kthvalue", TL_ROW("kthvalue"), a.t(0), a.i(1), a.i(2), a.b(3));
                 return return_type("kthvalue", r.first, r.second);
               }, nullptr, "composite: gather(x, dim, k-th of argsort(x))"});
  // median(): a primitive (PyTorch's evenly_distribute_backward, like max(): every element equal
  // to the median shares the gradient; it saves the input and the result).
  t.push_back({"median(Tensor input) -> Tensor", TM, [](const Args& a) {
                 const Tensor& x = a.t(0);
                 // An empty tensor returns NaN converted to its dtype before the kernel's dtype
                 // dispatch (median of an empty bool tensor is True).
                 TL_CHECK(x.numel() == 0 || x.dtype() != DType::Bool, "\"median_cpu\" not implemented for 'Bool'");
                 Tensor v;
                 {
                   NoGradGuard ng;
                   if (x.numel() == 0)  // PyTorch: NaN (an integer type: NaN converted, its minimum)
                     v = to_dtype(Tensor::scalar(NAN, DType::Float64), x.dtype());
                   else
                     v = median_all(x.detach());
                 }
                 if (Node* n = record(TL_ROW("median"), {&x}, v)) save(n, x), save_output(n, v);
                 return Value::tensor(v);
               }, max_all_bw, "grad shared evenly by the elements equal to the result (the NaNs for a NaN result)"});
  t.push_back({"median.dim(Tensor input, int dim, bool keepdim=False) -> (Tensor, Tensor(nograd))", TM,
               [](const Args& a) {
                 const Tensor& x = a.t(0);
                 const int64_t d = wrap_dim("median", a.i(1), x.dim());
                 const int64_t len = x.dim() == 0 ? 1 : x.size(d);
                 TL_CHECK(len > 0, "IndexError: median(): Expected reduction dim ", d, " to have non-zero size.");
                 TL_CHECK(x.dtype() != DType::Bool, "\"median_out\" not implemented for 'Bool'");
                 auto r = kth("median", TL_ROW("median.dim"), x, (len + 1) / 2, d, a.b(2));
                 return return_type("median", r.first, r.second);
               }, nullptr, "composite: the lower middle of the sorted values"});
  // int...: x.flip(0, 1) as PyTorch's method; torch.flip(x, 0) is a TypeError (a tuple needed).
  t.push_back({"flip(Tensor input, int... dims) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(flip(a.t(0), a.ints(1))); }, flip_bw,
               "grad = flip(g, dims)"});
  t.push_back({"roll(Tensor input, int[] shifts, int[] dims=[]) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(roll(a.t(0), a.ints(1), a.ints(2))); }, custom_backward,
               "grad = roll(g, -shifts, dims)"});
  for (bool lower : {true, false})
    t.push_back({std::string(lower ? "tril" : "triu") + "(Tensor input, int diagonal=0) -> Tensor", TM,
                 [lower](const Args& a) { return Value::tensor(tri(lower, a.t(0), a.i(1))); }, tri_bw,
                 lower ? "grad = g.tril(diagonal)" : "grad = g.triu(diagonal)"});
  t.push_back({"diag(Tensor input, int diagonal=0) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(diag(a.t(0), a.i(1))); }, diag_bw,
               "grad = g.diag(diagonal) (a non-square input: zeros with g on that diagonal)"});
  t.push_back({"trace(Tensor input) -> Tensor", TM, [](const Args& a) { return Value::tensor(trace(a.t(0))); }, trace_bw,
               "grad = zeros with g at every (cols + 1)-th element"});
  t.push_back({"norm(Tensor input, Any p='fro', int[]? dim=None, bool keepdim=False, *, DType? dtype=None) -> Tensor", TM,
               [](const Args& a) {
                 Tensor x = a.dtype(4) ? to_dtype(a.t(0), *a.dtype(4)) : a.t(0);
                 return Value::tensor(norm(x, norm_p(a.v[1]), a.ints(2), a.b(3)));
               }, norm_bw, "p = 2: grad = g x / ||x||"});
  t.push_back({"dot(Tensor input, Tensor other) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(dot(a.t(0), a.t(1))); }, nullptr, "composite: matmul of 1-D"});
}

}  // namespace tl
