// Shape ops and indexing. view/reshape/squeeze/unsqueeze/transpose/permute/expand/slice/select
// return views (shared storage) wherever PyTorch's do.
#include <cstring>
#include <exception>
#include <algorithm>

#include "engine/autograd/node.h"
#include "engine/ops/op_table.h"
#include "engine/kernels/elementwise.h"
#include "engine/ops/ops.h"

namespace tl {

namespace {

Tensor make_view(const Tensor& x, const Shape& s, const Dims& st, int64_t offset) {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = x.impl()->storage;
  impl->shape = s;
  impl->strides = st;
  impl->offset = offset;
  impl->dtype = x.dtype();
  impl->is_view = true;
  impl->is_inference |= x.impl()->is_inference;  // a view of an inference tensor is one too
  impl->is_zero = x.impl()->is_zero;  // PyTorch's views keep an efficient zero
  const TensorImpl* xi = x.impl();
  impl->view_base = xi->view_base ? xi->view_base : x.impl_ptr();
  impl->view_version = xi->storage->version;
  impl->view_meta = !grad_enabled() ? TensorImpl::ViewMeta::NoGrad : xi->view_base ? xi->view_meta
                                                                                 : TensorImpl::ViewMeta::Default;
  return Tensor(std::move(impl));
}

std::string list_str(const IntList& v) {
  std::string r = "(";
  for (size_t i = 0; i < v.size(); ++i) r += (i ? "," : "") + std::to_string(v[i]);
  if (v.size() == 1) r += ",";
  return r + ")";
}

// Resolves one -1 and checks the element count.
Shape infer_shape(const char* op, const IntList& req, int64_t numel) {
  TL_CHECK(req.size() <= size_t(kMaxDims), op, ": tensors have at most ", kMaxDims, " dimensions");
  Shape s;
  int infer = -1;
  int64_t known = 1;
  for (size_t i = 0; i < req.size(); ++i) {
    if (req[i] == -1) {
      TL_CHECK(infer < 0, op, ": only one dimension can be inferred");
      infer = int(i);
      s.push_back(1);
      continue;
    }
    TL_CHECK(req[i] >= 0, op, ": invalid shape dimension ", req[i]);
    known *= req[i];
    s.push_back(req[i]);
  }
  if (infer >= 0) {
    TL_CHECK(known != 0 && numel % known == 0, op, ": shape ", list_str(req), " is invalid for input of size ", numel);
    s[infer] = numel / known;
  }
  TL_CHECK(s.numel() == numel, op, ": shape ", list_str(req), " is invalid for input of size ", numel);
  return s;
}

// PyTorch's computeStride: strides for viewing (shape, strides) as new_shape without a copy,
// or false when the memory layout does not allow it.
bool view_strides(const Shape& old_s, const Dims& old_st, const Shape& new_s, Dims& out) {
  out.n = new_s.n;
  if (old_s.numel() == 0 || old_s.n == 0) {
    out = contiguous_strides(new_s);
    return true;
  }
  int view_d = new_s.n - 1;
  int64_t chunk_base_stride = old_st.n ? old_st[old_st.n - 1] : 1;
  int64_t tensor_numel = 1, view_numel = 1;
  for (int tensor_d = old_s.n - 1; tensor_d >= 0; --tensor_d) {
    tensor_numel *= old_s[tensor_d];
    if (tensor_d == 0 || (old_s[tensor_d - 1] != 1 && old_st[tensor_d - 1] != tensor_numel * chunk_base_stride)) {
      while (view_d >= 0 && (view_numel < tensor_numel || new_s[view_d] == 1)) {
        out[view_d] = view_numel * chunk_base_stride;
        view_numel *= new_s[view_d];
        view_d--;
      }
      if (view_numel != tensor_numel) return false;
      if (tensor_d > 0) {
        chunk_base_stride = old_st[tensor_d - 1];
        tensor_numel = 1;
        view_numel = 1;
      }
    }
  }
  return view_d == -1;
}

}  // namespace

// ---- view ----  d/dx view(x) = the gradient viewed back to x's shape
// The node that names the gradient under create_graph is PyTorch's formula's: view's is
// g.reshape(sizes) (_reshape_alias, or _unsafe_view of a copy), unsqueeze's g.squeeze(dim),
// squeeze's g.unsqueeze(dim) for each dropped dim (g itself when none was).
static void view_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Shape& in = n.attrs().shape;
  const bool squeeze_row = n.row == &TL_ROW("squeeze") || n.row == &TL_ROW("squeeze.dim");
  if (squeeze_row && g.shape() == in) {
    gi[0] = g;
    return;
  }
  gi[0] = reshape(g, in.vec());
  const OpDef& named = n.row == &TL_ROW("unsqueeze") ? TL_ROW("squeeze.dim")
                       : squeeze_row                 ? TL_ROW("unsqueeze")
                       : gi[0].impl()->storage == g.impl()->storage ? TL_ROW("_reshape_alias")
                                                                    : TL_ROW("_unsafe_view");
  label_node(gi[0], named, {&g});
}
static Tensor view_as(const OpDef& row, const Tensor& x, const Shape& s, const Dims& st) {
  Tensor out = make_view(x, s, st, x.impl()->offset);
  if (Node* n = record(row, {&x}, out)) n->attrs().shape = x.shape();
  return out;
}
Tensor view(const Tensor& x, const IntList& shape) {
  Shape s = infer_shape("view", shape, x.numel());
  Dims st;
  TL_CHECK(view_strides(x.shape(), x.strides(), s, st),
           "view: view size is not compatible with input tensor's size and stride (at least one dimension "
           "spans across two contiguous subspaces). Use .reshape(...) instead.");
  return view_as(TL_ROW("view"), x, s, st);
}
Tensor reshape(const Tensor& x, const IntList& shape) {
  Shape s = infer_shape("reshape", shape, x.numel());
  Dims st;
  if (view_strides(x.shape(), x.strides(), s, st)) return view_as(TL_ROW("view"), x, s, st);
  return view(clone(x), shape);
}
Tensor flatten(const Tensor& x, int64_t start, int64_t end) {
  if (x.dim() == 0) {  // the dims still have to name dim 0 (or -1)
    wrap_dim("flatten", start, 0), wrap_dim("flatten", end, 0);
    return reshape(x, {1});
  }
  int s = wrap_dim("flatten", start, x.dim()), e = wrap_dim("flatten", end, x.dim());
  TL_CHECK(s <= e, "flatten: start_dim cannot come after end_dim");
  if (s == e) return x;  // nothing to merge: PyTorch returns the input itself
  IntList shape;
  for (int i = 0; i < s; ++i) shape.push_back(x.shape()[i]);
  int64_t p = 1;
  for (int i = s; i <= e; ++i) p *= x.shape()[i];
  shape.push_back(p);
  for (int i = e + 1; i < x.dim(); ++i) shape.push_back(x.shape()[i]);
  return reshape(x, shape);
}
Tensor squeeze(const Tensor& x, std::optional<int64_t> dim) {
  Shape s;
  Dims st;
  int d = dim ? wrap_dim("squeeze", *dim, x.dim()) : -1;
  for (int i = 0; i < x.dim(); ++i) {
    bool drop = x.shape()[i] == 1 && (d < 0 || d == i);
    if (!drop) s.push_back(x.shape()[i]), st.push_back(x.strides()[i]);
  }
  return view_as(dim ? TL_ROW("squeeze.dim") : TL_ROW("squeeze"), x, s, st);
}
Tensor unsqueeze(const Tensor& x, int64_t dim) {
  int d = wrap_dim("unsqueeze", dim, x.dim() + 1);
  Shape s = x.shape();
  Dims st = x.strides();
  int64_t stride = d < x.dim() ? x.shape()[d] * x.strides()[d] : 1;
  s.insert(d, 1);
  st.insert(d, stride);
  return view_as(TL_ROW("unsqueeze"), x, s, st);
}

// ---- transpose ----  d/dx = transpose the gradient back
static void transpose_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = transpose(g, n.attrs().i0, n.attrs().i1);
  // t's and t_'s nodes (transposes that the t / t_ rows named): PyTorch's formula for both is
  // g.t() (TBackward0)
  if (n.display == TL_ROW("t").grad_fn.c_str() || n.display == TL_ROW("t_").grad_fn.c_str())
    label_node(gi[0], TL_ROW("t"), {&g});
}
Tensor transpose(const Tensor& x, int64_t d0, int64_t d1) {
  int a = wrap_dim("transpose", d0, x.dim()), b = wrap_dim("transpose", d1, x.dim());
  Shape s = x.shape();
  Dims st = x.strides();
  if (x.dim() > 0) std::swap(s[a], s[b]), std::swap(st[a], st[b]);
  Tensor out = make_view(x, s, st, x.impl()->offset);
  if (Node* n = record(TL_ROW("transpose"), {&x}, out)) n->attrs().i0 = a, n->attrs().i1 = b;
  return out;
}
Tensor t(const Tensor& x) {
  TL_CHECK(x.dim() <= 2, "t: expects a tensor with <= 2 dimensions, but self is ", x.dim(), "D");
  Tensor out = x.dim() < 2 ? transpose(x, 0, 0) : transpose(x, 0, 1);
  label_node(out, TL_ROW("t"), {&x});  // TBackward0 also where C++ calls t (F.linear's weight.t())
  return out;
}

// ---- permute ----  d/dx = permute the gradient by the inverse permutation
static void permute_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  IntList inv(size_t(n.attrs().dims.n));
  for (int i = 0; i < n.attrs().dims.n; ++i) inv[size_t(n.attrs().dims[i])] = i;
  gi[0] = permute(g, inv);
}
Tensor permute(const Tensor& x, const IntList& perm) {
  TL_CHECK(int(perm.size()) == x.dim(), "permute: number of dims don't match in permute (got ", perm.size(),
           " dims for a tensor of shape ", x.shape_str(), ")");
  Shape s;
  Dims st, p;
  bool seen[kMaxDims] = {};
  for (int64_t d0 : perm) {
    int d = wrap_dim("permute", d0, x.dim());
    TL_CHECK(!seen[d], "permute: repeated dim ", d, " in permutation");
    seen[d] = true;
    s.push_back(x.shape()[d]), st.push_back(x.strides()[d]), p.push_back(d);
  }
  Tensor out = make_view(x, s, st, x.impl()->offset);
  if (Node* n = record(TL_ROW("permute"), {&x}, out)) n->attrs().dims = p;
  return out;
}

// ---- expand ----  d/dx = the gradient summed back over the expanded dims
// PyTorch's at::sum_to returns grad.sum() for a 0-d target even when grad is 0-d too: a -0.0
// gradient of a 0-d input expanded to 0-d comes back +0.0 (0 + -0.0).
static void expand_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = n.attrs().shape.n == 0 ? sum(g) : sum_to(g, n.attrs().shape);
}
Tensor expand(const Tensor& x, const IntList& shape) {
  // (PyTorch's messages: copy_to and addmm's bias checks are this one)
  TL_CHECK(int(shape.size()) >= x.dim(), "expand(torch.", dtype_legacy_name(x.dtype()), "{", sizes_str(x.shape()),
           "}, size=", sizes_str(shape), "): the number of sizes provided (", shape.size(),
           ") must be greater or equal to the number of dimensions in the tensor (", x.dim(), ")");
  TL_CHECK(shape.size() <= size_t(kMaxDims), "expand: tensors have at most ", kMaxDims, " dimensions");
  Shape s;
  Dims st;
  const int lead = int(shape.size()) - x.dim();
  // PyTorch's inferExpandGeometry checks the dims from the last one.
  for (int i = int(shape.size()) - 1; i >= 0; --i) {
    const int64_t want = shape[size_t(i)];
    if (i < lead) {
      TL_CHECK(want >= 0, "The expanded size of the tensor (", want, ") isn't allowed in a leading, non-existing dimension ", i);
    } else {
      const int64_t have = x.shape()[i - lead];
      TL_CHECK(want == -1 || have == want || have == 1, "The expanded size of the tensor (", want,
               ") must match the existing size (", have, ") at non-singleton dimension ", i, ".  Target sizes: ",
               sizes_str(shape), ".  Tensor sizes: ", sizes_str(x.shape()));
    }
  }
  for (int i = 0; i < int(shape.size()); ++i) {
    int64_t want = shape[size_t(i)];
    if (i < lead) {
      s.push_back(want), st.push_back(0);
      continue;
    }
    const int64_t have = x.shape()[i - lead];
    if (want == -1) want = have;
    s.push_back(want), st.push_back(have == want ? x.strides()[i - lead] : 0);
  }
  // A new leading dim of size 1 gets the stride it would have in a contiguous layout of the dims
  // after it (PyTorch's inferExpandGeometry; a 0-d tensor's stay 0), so x[None] = x sees the same
  // strides on both sides.
  if (x.dim() > 0)
    for (int i = lead - 1; i >= 0; --i)
      if (s[i] == 1) st[i] = s[i + 1] * st[i + 1];
  // Always a new view, even to the same shape (as at::expand: x.expand_as(x) is no leaf).
  Tensor out = make_view(x, s, st, x.impl()->offset);
  if (Node* n = record(TL_ROW("expand"), {&x}, out)) n->attrs().shape = x.shape();
  return out;
}

// ---- clone / contiguous ----  d/dx = 1
static void clone_bw(Node&, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = g; }
Tensor clone(const Tensor& x) {
  Tensor out = Tensor::empty(x.shape(), x.dtype());
  TL_DISPATCH_BYSIZE(x.dtype(), T, [&] { kernels::copy_convert<T, T>(x, out.data_ptr<T>()); });
  record(TL_ROW("clone"), {&x}, out);
  return out;
}
// An empty tensor is contiguous whatever its strides (PyTorch's compute_contiguous): itself.
Tensor contiguous(const Tensor& x) {
  // row-major, also when returned to the script (no TensorIterator layout noted on it)
  if (x.is_contiguous() || x.numel() == 0) {
    x.impl()->ti_strides.reset();
    return x;
  }
  Tensor r = clone(x);
  r.impl()->ti_strides.reset();
  return r;
}

// ---- cat ----  d/dx_i = the slice of the gradient that x_i filled
// PyTorch's legacy rule: a 1-d empty tensor (shape [0]) is skipped: it neither wraps `dim` nor has
// to match the other shapes (when every input is one, the result is the first input's shape and
// `dim` is not checked).
static bool cat_skipped(const Shape& s) { return s.size() == 1 && s[0] == 0; }
static void cat_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  int64_t start = 0;
  for (size_t i = 0; i < n.inputs.size(); ++i) {
    if (cat_skipped(n.inputs[i].shape)) {  // a legacy empty input was skipped: its gradient is zeros(0)
      if (n.needs_input_grad(i)) gi[i] = zeros(Shape{0}, g.dtype());
      continue;
    }
    int64_t len = n.inputs[i].shape[int(n.attrs().i0)];
    if (n.needs_input_grad(i)) gi[i] = slice(g, n.attrs().i0, start, start + len, 1);
    start += len;
  }
}
Tensor cat(const std::vector<Tensor>& xs, int64_t dim) {
  TL_CHECK(!xs.empty(), "cat: expected a non-empty list of Tensors");
  for (size_t i = 0; i < xs.size(); ++i)
    TL_CHECK(xs[i].dim() > 0, "cat: zero-dimensional tensor (at position ", i, ") cannot be concatenated");
  size_t valid = 0;  // the first input that is not skipped (xs.size() when all are)
  while (valid < xs.size() && cat_skipped(xs[valid].shape())) ++valid;
  const Tensor& x0 = xs[valid < xs.size() ? valid : 0];
  int d = valid < xs.size() ? wrap_dim("cat", dim, x0.dim()) : 0;
  DType dt = xs[0].dtype();
  Shape s = x0.shape();
  if (valid < xs.size()) s[d] = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    const Tensor& x = xs[i];
    dt = promote(dt, x.dtype());
    if (cat_skipped(x.shape())) continue;
    TL_CHECK(x.dim() == x0.dim(), "cat: tensors must have same number of dimensions: got ", x0.dim(), " and ",
             x.dim());
    for (int k = 0; k < x.dim(); ++k)
      TL_CHECK(k == d || x.shape()[k] == x0.shape()[k], "cat: sizes of tensors must match except in dimension ",
               d, ". Expected size ", x0.shape()[k], " but got size ", x.shape()[k], " for tensor number ", i,
               " in the list.");
    s[d] += x.shape()[d];
  }
  Tensor out = Tensor::empty(s, dt);
  int64_t start = 0;
  for (const Tensor& x0i : xs) {
    if (valid == xs.size() || cat_skipped(x0i.shape())) continue;
    Tensor x = to_dtype(x0i.detach(), dt);
    Tensor dst = slice(out, d, start, start + x.shape()[d], 1);
    TL_DISPATCH_BYSIZE(dt, T, [&] {
      Dims st[2] = {dst.strides(), x.strides()};
      const int64_t base[2] = {0, 0};
      T* po = dst.data_ptr<T>();
      const T* px = x.data_ptr<T>();
      kernels::for_each_row<2>(x.shape(), st, base, [&](int64_t cnt, const int64_t* off, const int64_t* step) {
        for (int64_t j = 0; j < cnt; ++j) po[off[0] + j * step[0]] = px[off[1] + j * step[1]];
      });
    });
    start += x.shape()[d];
  }
  if (Node* n = record(TL_ROW("cat"), xs, out)) n->attrs().i0 = d;
  return out;
}
// ---- stack ----  d/dx_i = g.select(dim, i) (PyTorch's stack_tensors_backward: SelectBackward0
// names each gradient under create_graph, not the squeeze of a slice of cat's backward)
static void stack_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  for (size_t i = 0; i < n.inputs.size(); ++i)
    if (n.needs_input_grad(i)) {
      gi[i] = select(g, n.attrs().i0, int64_t(i));
      label_node(gi[i], TL_ROW("select"), {&g});
    }
}
Tensor stack(const std::vector<Tensor>& xs, int64_t dim) {
  TL_CHECK(!xs.empty(), "stack: expected a non-empty list of Tensors");
  int d = wrap_dim("stack", dim, xs[0].dim() + 1);
  std::vector<Tensor> u;
  for (size_t i = 0; i < xs.size(); ++i)
    TL_CHECK(xs[i].shape() == xs[0].shape(), "stack: expects each tensor to be equal size, but got ",
             xs[0].shape_str(), " at entry 0 and ", xs[i].shape_str(), " at entry ", i);
  Tensor out;
  {
    NoGradGuard ng;
    for (const Tensor& x : xs) u.push_back(unsqueeze(x, d));
    out = cat(u, d);
  }
  if (Node* n = record(TL_ROW("stack"), xs, out)) n->attrs().i0 = d;
  return out;
}

// ---- slice ----  d/dx = the gradient placed into zeros at the sliced positions
static void slice_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = slice_backward(g, n.attrs().shape, n.attrs().i0, n.attrs().i1, n.attrs().i2);
  // a select's slice (b0): PyTorch's select_backward names the gradient under create_graph
  if (n.attrs().b0) label_node(gi[0], TL_ROW("select_backward"), {&g});
}
Tensor slice(const Tensor& x, int64_t dim, std::optional<int64_t> start0, std::optional<int64_t> end0, int64_t step) {
  TL_CHECK(x.dim() > 0, "slice: cannot slice a 0-d tensor");
  int d = wrap_dim("slice", dim, x.dim());
  TL_CHECK(step > 0, "slice: step must be greater than zero");
  const int64_t len = x.shape()[d];
  int64_t start = start0 ? *start0 : 0, end = end0 ? *end0 : len;
  if (start < 0) start += len;
  if (end < 0) end += len;
  start = std::clamp<int64_t>(start, 0, len);
  end = std::clamp<int64_t>(end, start, len);
  Shape s = x.shape();
  Dims st = x.strides();
  s[d] = (end - start + step - 1) / step;
  st[d] = x.strides()[d] * step;
  Tensor out = make_view(x, s, st, x.impl()->offset + start * x.strides()[d]);
  if (Node* n = record(TL_ROW("slice"), {&x}, out))
    n->attrs().shape = x.shape(), n->attrs().i0 = d, n->attrs().i1 = start, n->attrs().i2 = step;
  return out;
}
// The gradient of a view that may repeat or skip elements (diagonal, Tensor.unfold): zeros of
// the base's shape s with g added at the elements the view reads (index_add: differentiable in
// g). view_of applies the same view to a tensor of element indices.
template <class F>
// write: the view's elements are distinct and g is copied in (scatter: a -0.0 stays).
static Tensor view_grad_by_index(const Shape& s, const Tensor& g, F view_of, bool write) {
  Tensor pos;
  {
    NoGradGuard ng;
    Tensor idx = view(arange(0, double(s.numel()), 1, DType::Int64), s.vec());
    pos = reshape(contiguous(view_of(idx)), {-1});
  }
  Tensor z = zeros(Shape{s.numel()}, g.dtype());
  Tensor flat = reshape(contiguous(g), {-1});
  return reshape(write ? scatter(z, 0, pos, flat, false) : index_add(z, 0, pos, flat), s.vec());
}
// ---- diagonal (a view) ----  the elements (i, i + offset) of dims d1, d2, as the last dim.
// d/dx: zeros with g on that diagonal.
// PyTorch's diagonal_backward: zeros whose diagonal view is copy_'d from g (a fresh tensor, whose
// node under create_graph is DiagonalBackwardBackward0, grad.diagonal(...) of g).
static void diagonal_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Attrs& at = n.attrs();
  Tensor z = zeros(at.shape, g.dtype());
  {
    NoGradGuard ng;
    Tensor d = diagonal(z, at.i0, at.i1, at.i2);
    copy_(d, g);
  }
  // one node (PyTorch's diagonal_backward op) whose backward is g's diagonal
  if (Node* nd = record(TL_ROW("diagonal_backward"), {&g}, z)) {
    const int64_t off = at.i0, d1 = at.i1, d2 = at.i2;
    nd->attrs().custom = [off, d1, d2](const Tensor& gg, std::vector<Tensor>& r) { r[0] = diagonal(gg, off, d1, d2); };
  }
  gi[0] = z;
}
// ---- Tensor.unfold (a view) ----  the windows of `size` elements every `step` along dim d, as a
// new last dim (a 0-d tensor is one element along dim 0). d/dx: g summed back at each window's
// elements (windows may overlap).
static Tensor unfold_view(const Tensor& x, int64_t dim, int64_t size, int64_t step) {
  const int lim = std::max(x.dim(), 1);  // PyTorch's maybe_wrap_dim message
  TL_CHECK(dim >= -lim && dim < lim, "IndexError: Dimension out of range (expected to be in range of [", -lim, ", ", lim - 1,
           "], but got ", dim, ")");
  const int d = int(dim < 0 ? dim + lim : dim);
  const int64_t n = x.dim() ? x.shape()[d] : 1;
  TL_CHECK(size <= n, "maximum size for tensor at dimension ", d, " is ", n, " but size is ", size);
  TL_CHECK(size >= 0, "size is ", size, " but must be >= 0");
  TL_CHECK(step > 0, "step is ", step, " but must be > 0");
  Shape s = x.shape();
  Dims st = x.strides();
  const int64_t stride = x.dim() ? x.strides()[d] : 1;
  if (x.dim()) s[d] = (n - size) / step + 1, st[d] = step * stride;
  s.push_back(size), st.push_back(stride);
  Tensor out = make_view(x, s, st, x.impl()->offset);
  if (Node* nd = record(TL_ROW("unfold.Tensor"), {&x}, out))
    nd->attrs().shape = x.shape(), nd->attrs().i0 = d, nd->attrs().i1 = size, nd->attrs().i2 = step;
  return out;
}
static void unfold_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Attrs& at = n.attrs();
  // PyTorch's unfold_backward copies g into the zeros' unfold view when step >= size (no overlap)
  gi[0] = view_grad_by_index(at.shape, g, [&](const Tensor& idx) { return unfold_view(idx, at.i0, at.i1, at.i2); },
                             at.i2 >= at.i1);
  label_node(gi[0], TL_ROW("unfold_backward"), {&g});  // PyTorch's node under create_graph
}
Tensor diagonal(const Tensor& x, int64_t offset, int64_t dim1, int64_t dim2) {
  const int d1 = wrap_dim("diagonal", dim1, x.dim()), d2 = wrap_dim("diagonal", dim2, x.dim());
  TL_CHECK(d1 != d2, "diagonal dimensions cannot be identical ", dim1, ", ", dim2);
  const int64_t n1 = x.shape()[d1], n2 = x.shape()[d2];
  int64_t len = offset >= 0 ? std::min(n1, n2 - offset) : std::min(n1 + offset, n2);
  len = std::max<int64_t>(len, 0);
  int64_t off = x.impl()->offset;
  if (len > 0) off += offset >= 0 ? offset * x.strides()[d2] : -offset * x.strides()[d1];
  Shape s;
  Dims st;
  for (int k = 0; k < x.dim(); ++k)
    if (k != d1 && k != d2) s.push_back(x.shape()[k]), st.push_back(x.strides()[k]);
  s.push_back(len), st.push_back(x.strides()[d1] + x.strides()[d2]);
  Tensor out = make_view(x, s, st, off);
  if (Node* n = record(TL_ROW("diagonal"), {&x}, out))
    n->attrs().shape = x.shape(), n->attrs().i0 = offset, n->attrs().i1 = d1, n->attrs().i2 = d2;
  return out;
}

Tensor select(const Tensor& x, int64_t dim, int64_t index) {
  TL_CHECK(x.dim() > 0, "IndexError: select: invalid index of a 0-dim tensor. Use `tensor.item()` to convert a 0-dim tensor "
           "to a number");
  int d = wrap_dim("select", dim, x.dim());
  const int64_t len = x.shape()[d];
  TL_CHECK(index >= -len && index < len, "IndexError: index ", index, " is out of bounds for dimension ", d, " with size ", len);
  if (index < 0) index += len;
  Tensor part = slice(x, d, index, index + 1, 1);
  if (part.grad_fn() && part.grad_fn() != x.grad_fn()) part.grad_fn()->attrs().b0 = true;  // see slice_bw
  return squeeze(part, d);
}

// ---- slice_backward ----  zeros of in_shape with g at the slice; d/dg = slice of the gradient
static void slice_backward_bw(Node& n, const Tensor& gg, std::vector<Tensor>& gi) {
  gi[0] = slice(gg, n.attrs().i0, n.attrs().i1, n.attrs().i1 + n.attrs().i2 * n.attrs().shape[int(n.attrs().i0)], n.attrs().i2);
}
Tensor slice_backward(const Tensor& g, const Shape& in_shape, int64_t dim, int64_t start, int64_t step) {
  Tensor out = zeros(in_shape, g.dtype());
  {
    NoGradGuard ng;
    Tensor dst = slice(out, dim, start, start + step * g.shape()[int(dim)], step);
    TL_CHECK(dst.shape() == g.shape(), "slice_backward: gradient of shape ", g.shape_str(), " does not fit ",
             dst.shape_str());
    TL_DISPATCH_BYSIZE(g.dtype(), T, [&] {
      Dims st[2] = {dst.strides(), g.strides()};
      const int64_t base[2] = {0, 0};
      T* po = dst.data_ptr<T>();
      const T* pg = g.data_ptr<T>();
      kernels::for_each_row<2>(g.shape(), st, base, [&](int64_t cnt, const int64_t* off, const int64_t* stp) {
        for (int64_t j = 0; j < cnt; ++j) po[off[0] + j * stp[0]] = pg[off[1] + j * stp[1]];
      });
    });
  }
  if (Node* n = record(TL_ROW("slice_backward"), {&g}, out))
    n->attrs().shape = g.shape(), n->attrs().i0 = dim, n->attrs().i1 = start, n->attrs().i2 = step;
  return out;
}

// ---- index_select / index_add ----
namespace {
std::vector<int64_t> check_index(const char* op, const Tensor& index, int64_t size, int d) {
  TL_CHECK(index.dtype() == DType::Int64, op, ": expected an int64 index tensor, got ", dtype_name(index.dtype()));
  std::vector<int64_t> idx = index.to_int_vector();
  for (int64_t i : idx)
    TL_CHECK(i >= 0 && i < size, "IndexError: ", op, ": index ", i, " is out of bounds for dimension ", d, " with size ", size);
  return idx;
}
// Copies (add=false) or adds (add=true) sub-tensor src_sel of `src` into dst_sel of `dst`, where
// the selection picks slice `i` along dim d.
template <class T>
void move_slice(const Tensor& dst, int d, int64_t di, const Tensor& src, int64_t si, bool add) {
  Shape s = src.shape();
  s.erase(d);
  Dims std_ = dst.strides(), sts = src.strides();
  std_.erase(d), sts.erase(d);
  Dims st[2] = {std_, sts};
  const int64_t base[2] = {di * dst.strides()[d], si * src.strides()[d]};
  T* po = dst.data_ptr<T>();
  const T* ps = src.data_ptr<T>();
  kernels::for_each_row<2>(s, st, base, [&](int64_t cnt, const int64_t* off, const int64_t* step) {
    if (add) for (int64_t j = 0; j < cnt; ++j) po[off[0] + j * step[0]] += ps[off[1] + j * step[1]];
    else for (int64_t j = 0; j < cnt; ++j) po[off[0] + j * step[0]] = ps[off[1] + j * step[1]];
  });
}
}  // namespace

// d/dx index_select(x, idx) = index_add(zeros, idx, g): repeated indices accumulate
static void index_select_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = index_add(zeros(n.attrs().shape, g.dtype()), n.attrs().i0, n.saved_tensor(0), g);
}
Tensor index_select(const Tensor& x, int64_t dim, const Tensor& index) {
  TL_CHECK(index.dim() <= 1, "IndexError: index_select(): Index is supposed to be a vector");
  if (x.dim() == 0) {  // PyTorch: a 0-d input gives a 0-d copy when every index is 0
    wrap_dim("index_select", dim, 0);
    TL_CHECK(index.dtype() == DType::Int64, "index_select: expected an int64 index tensor, got ", dtype_name(index.dtype()));
    for (int64_t v : index.to_int_vector()) TL_CHECK(v == 0, "IndexError: index out of range in self");
    Tensor out;
    {
      NoGradGuard ng;
      out = clone(x);
    }
    // PyTorch's node, whose backward (index_add_ of g into a 0-d zeros) fails for more than one index
    if (Node* n = record(TL_ROW("index_select"), {&x}, out))
      n->attrs().shape = x.shape(), n->attrs().i0 = 0, save(n, index);
    return out;
  }
  const Tensor& xv = x;
  int d = wrap_dim("index_select", dim, xv.dim());
  TL_CHECK(index.dtype() == DType::Int64, "index_select: expected an int64 index tensor, got ", dtype_name(index.dtype()));
  // PyTorch's CPU kernel, for x of 2+ dims and a non-empty index: an empty x needs size(dim) > 0
  // and has its own bounds check, as dim 1 has (RuntimeErrors); otherwise the bounds check is an
  // IndexError.
  const int64_t size = xv.shape()[d];
  const std::vector<int64_t> iv = index.to_int_vector();
  if (xv.dim() > 1 && !iv.empty()) {
    TL_CHECK(xv.numel() > 0 || size > 0, "index_select(): self indexing axis dim should be positive");
    if (xv.numel() == 0 || d == 1)
      for (int64_t v : iv) TL_CHECK(v >= 0 && v < size, "INDICES element is out of DATA bounds, id=", v, " axis_dim=", size);
  }
  for (int64_t v : iv) TL_CHECK(v >= 0 && v < size, "IndexError: index out of range in self");
  std::vector<int64_t> idx = check_index("index_select", index, xv.shape()[d], d);
  Shape s = xv.shape();
  s[d] = int64_t(idx.size());
  Tensor out = Tensor::empty(s, x.dtype());
  TL_DISPATCH_BYSIZE(x.dtype(), T, [&] {
    for (size_t k = 0; k < idx.size(); ++k) move_slice<T>(out, d, int64_t(k), xv, idx[k], false);
  });
  if (Node* n = record(TL_ROW("index_select"), {&x}, out))
    n->attrs().shape = x.shape(), n->attrs().i0 = d, save(n, index);
  return out;
}

// index_add / scatter_add: PyTorch saves the index (with the source) only for the source's gradient,
// and once freed fails also for self's alone (which reads neither).
static void save_index_for_src(Node* n, int dim, const Tensor& index, const Tensor& src) {
  n->attrs().i0 = dim;
  save(n, src.requires_grad() ? index : Tensor());
  n->torch_saves = true;
}

// index_add(base, idx, src) = base with src's slices added at idx.
// d/dbase = 1;  d/dsrc = index_select(g, idx) expanded to src's shape (PyTorch's formula: a src
// that was broadcast into base's slices fails there, as in PyTorch)
static void index_add_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = g;
  if (!n.needs_input_grad(1)) return;
  const Shape& src_shape = n.inputs[1].shape;
  Tensor gs = index_select(g, n.attrs().i0, n.saved_tensor(0));
  gi[1] = src_shape.n == 0 ? reshape(gs, {}) : expand(gs, src_shape.vec());
}
Tensor index_add(const Tensor& base, int64_t dim, const Tensor& index, const Tensor& src) {
  int d = wrap_dim("index_add", dim, base.dim());
  // PyTorch's order (index_add's meta function): index rank, index dtype, same dtypes, dim within
  // the source's dims, the count of indices; then its CPU kernel's checks.
  TL_CHECK(index.dim() <= 1, "IndexError: index_add_(): Index is supposed to be a vector, but got dim: ", index.dim(),
           " with type: ", dtype_kernel_name(index.dtype()), " and size: ", shape_str(index.shape()));
  TL_CHECK(index.dtype() == DType::Int64, "index_add_(): Expected dtype int32/int64 for index but got: ",
           dtype_kernel_name(index.dtype()));
  TL_CHECK(base.dtype() == src.dtype(), "index_add_(): self (", dtype_kernel_name(base.dtype()), ") and source (",
           dtype_kernel_name(src.dtype()), ") must have the same scalar type");
  TL_CHECK(d == 0 || d < src.dim(), "index_add_(): Indexing dim ", d, " is out of bounds of the source tensor with dim ",
           src.dim());
  // (the message of the count check reads source.size(dim): an IndexError for a 0-d source)
  TL_CHECK(src.dim() > 0 || index.numel() == 1, "IndexError: Dimension specified as 0 but tensor has no dimensions");
  const int64_t src_n = src.dim() == 0 ? 1 : src.shape()[d];
  TL_CHECK(index.numel() == src_n, "index_add_(): Number of indices (", index.numel(),
           ") should be equal to source.size(dim): (", src_n, "), for dim: ", d);
  Tensor out = clone(base.detach());
  Tensor s = src.detach();
  const std::vector<int64_t> idx = index.to_int_vector();
  if (base.dim() > 1) {
    // add_ of each source slice into the self slice at its index (a TensorIterator built once,
    // before the indices are read: the source slice broadcasts to the self slice).
    if (!idx.empty()) {  // the slices at index 0 of self, then of the source, are selected first
      TL_CHECK(base.shape()[d] > 0, "IndexError: select(): index 0 out of range for tensor of size ",
               shape_str(base.shape()), " at dimension ", d);
      TL_CHECK(src.dim() > 0, "IndexError: select() cannot be applied to a 0-dim tensor.");
      Shape self_slice = base.shape(), src_slice = src.shape();
      self_slice.erase(d), src_slice.erase(d);
      const Shape b = broadcast_shapes("index_add_", self_slice, src_slice);
      TL_CHECK(b == self_slice, "output with shape ", shape_str(self_slice), " doesn't match the broadcast shape ", shape_str(b));
      for (int64_t i : idx) TL_CHECK(i >= 0 && i < base.shape()[d], "IndexError: index out of range in self");
      // src as base's shape with idx.size() along d: dim d to the front, the slices padded with
      // leading 1s and expanded, dim d back in place.
      IntList front{d}, padded{int64_t(idx.size())}, sizes{int64_t(idx.size())}, back;
      for (int k = self_slice.n - src_slice.n; k > 0; --k) padded.push_back(1);
      for (int k = 0; k < src.dim(); ++k)
        if (k != d) front.push_back(k), padded.push_back(src.shape()[k]);
      for (int64_t v : self_slice) sizes.push_back(v);
      for (int k = 0; k < base.dim(); ++k) back.push_back(k < d ? k + 1 : k == d ? 0 : k);
      s = permute(expand(reshape(permute(s, front), padded), sizes), back);
    }
  } else {
    TL_CHECK(src.dim() <= 1, "source.dim() (", src.dim(), ") must one or zero for given self.dim() (", base.dim(), ")");
    for (int64_t i : idx) TL_CHECK(i >= 0 && i < base.numel(), "IndexError: index out of range in self");
  }
  TL_DISPATCH(base.dtype(), T, [&] {
    if (base.dim() > 1) {
      for (size_t k = 0; k < idx.size(); ++k) move_slice<T>(out, d, idx[k], s, int64_t(k), true);
      return;
    }
    T* po = out.data_ptr<T>();  // a 0-d or 1-d self: element k of the source at idx[k]
    const T* ps = s.data_ptr<T>();
    const int64_t os = out.dim() ? out.strides()[0] : 0, ss = s.dim() ? s.strides()[0] : 0;
    for (size_t k = 0; k < idx.size(); ++k) po[idx[k] * os] += ps[int64_t(k) * ss];
  });
  if (Node* n = record(TL_ROW("index_add"), {&base, &src}, out)) save_index_for_src(n, d, index, src);
  return out;
}

// ---- gather / scatter_add ----
template <class F>
static void for_each_gather(const Tensor& index, int d, F f) {
  // f(flat position in index, offset of the element in a contiguous tensor of index's shape
  //   with dim d replaced by the index value ...) -- callers compute their own offsets.
  const int64_t* pi = index.data_ptr<int64_t>();
  Shape s = index.shape();
  Dims cst = contiguous_strides(s);
  int64_t n = index.numel();
  (void)d;
  for (int64_t k = 0; k < n; ++k) {
    int64_t rem = k, off = 0;
    int64_t coord[kMaxDims] = {};  // a 0-d index is one element at coordinate 0
    for (int i = 0; i < s.n; ++i) coord[i] = rem / cst[i], rem %= cst[i];
    for (int i = 0; i < s.n; ++i) off += coord[i] * index.strides()[i];
    f(k, coord, pi[off]);
  }
}
static void check_gather(const char* op, const Tensor& x, int d, const Tensor& index) {
  // As PyTorch (ensure_nonempty_dim): a 0-d tensor counts as 1-d, and an empty index passes (its
  // dtype unchecked).
  if (index.numel() == 0) return;
  TL_CHECK(index.dtype() == DType::Int64, op, ": expected an int64 index tensor, got ", dtype_name(index.dtype()));
  TL_CHECK(std::max(index.dim(), 1) == std::max(x.dim(), 1), op,
           ": Index tensor must have the same number of dimensions as input tensor");
  for (int i = 0; i < std::min(x.dim(), index.dim()); ++i)
    TL_CHECK(i == d || index.shape()[i] <= x.shape()[i], op, ": Size does not match at dimension ", i,
             " expected index ", index.shape_str(), " to be smaller than self ", x.shape_str(),
             " apart from dimension ", d);
}

// d/dx gather(x, idx) = scatter_add(zeros, idx, g): repeated indices accumulate. attrs().b0: the
// gather of sort / topk / kthvalue / median (distinct indices), whose PyTorch backward
// (value_selecting_reduction_backward) scatters g into zeros: a -0.0 stays -0.0.
static void gather_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Shape& xs = n.attrs().shape;
  const Tensor& idx = n.saved_tensor(0);
  const bool assign = n.attrs().b0;
  auto put = [&](const Tensor& base, int64_t dim, const Tensor& index, const Tensor& src) {
    return assign ? scatter(base, dim, index, src, false) : scatter_add(base, dim, index, src);
  };
  // A 0-d input or index counts as 1-d (scatter's ensure_nonempty_dim), as in PyTorch's
  // zeros(sizes).scatter_add_(): a fresh tensor, not a view.
  gi[0] = put(zeros(xs, g.dtype()), n.attrs().i0, idx, g);
}
Tensor gather(const Tensor& x, int64_t dim, const Tensor& index) {
  int d = wrap_dim("gather", dim, x.dim());
  check_gather("gather", x, d, index);
  Tensor out = Tensor::empty(index.shape(), x.dtype());
  TL_DISPATCH_BYSIZE(x.dtype(), T, [&] {
    const T* px = x.data_ptr<T>();
    T* po = out.data_ptr<T>();
    for_each_gather(index, d, [&](int64_t k, const int64_t* coord, int64_t v) {
      TL_CHECK(v >= 0 && v < (x.dim() ? x.shape()[d] : 1), "gather: index ", v, " is out of bounds for dimension ",
               d, " with size ", x.dim() ? x.shape()[d] : 1);
      int64_t off = 0;
      for (int i = 0; i < x.dim(); ++i) off += (i == d ? v : coord[i]) * x.strides()[i];
      po[k] = px[off];
    });
  });
  if (Node* n = record(TL_ROW("gather"), {&x}, out)) n->attrs().shape = x.shape(), n->attrs().i0 = d, save(n, index);
  return out;
}

// PyTorch 1.13's scatter / scatter_add CPU loop (cpu_scatter_gather_base_kernel): a
// TensorIterator over index's shape with dim d squashed (operands self, src, index; `out`, base's
// out-of-place copy, is written); along each of its inner rows the d-th index dim is the inner
// loop when d is self's last dim, else the outer one. Each index is checked as it is read: f(out
// offset, src offset) for each good one, then a bad one raises, the elements before it written
// (PartialWriteError: scatter_ leaves them in self).
template <class F>
static void scatter_loop(const Tensor& base, const Tensor& out, int d, const Tensor& index, const Tensor* src, F f) {
  Shape shape = index.shape();
  if (shape.n > 0) shape[d] = 1;
  Dims st[4];  // base (the order), src, index, out
  for (int k = 0; k < shape.n; ++k) {
    st[0].push_back(k < base.dim() ? base.strides()[k] : 0);
    st[1].push_back(src && k < src->dim() ? src->strides()[k] : 0);
    st[2].push_back(index.strides()[k]);
    st[3].push_back(k < out.dim() ? out.strides()[k] : 0);
  }
  kernels::ti_layout(shape, st, 4);
  // ensure_nonempty_size / _stride: a 0-d tensor counts as one element of stride 1
  const int64_t isize = index.dim() ? index.shape()[d] : 1, istride = index.dim() ? index.strides()[d] : 1;
  const int64_t bound = base.dim() ? base.shape()[d] : 1, ostride = out.dim() ? out.strides()[d] : 1;
  const int64_t sstride = !src ? 0 : src->dim() ? src->strides()[d] : 1;  // no src: the value, one element
  const bool last = d == base.dim() - 1;
  const int64_t* pi = index.data_ptr<int64_t>();
  std::string bad;
  const int64_t start[4] = {};
  kernels::for_each_row<4>(shape, st, start, [&](int64_t cnt, const int64_t* off, const int64_t* step) {
    auto one = [&](int64_t e, int64_t i) {
      const int64_t v = pi[off[2] + e * step[2] + i * istride];
      if (v < 0 || v >= bound) {
        bad = "index " + std::to_string(v) + " is out of bounds for dimension " + std::to_string(d) + " with size " +
              std::to_string(bound);
        return false;
      }
      f(off[3] + e * step[3] + v * ostride, off[1] + e * step[1] + i * sstride);
      return true;
    };
    if (!bad.empty()) return;
    for (int64_t a = 0; a < (last ? cnt : isize); ++a)
      for (int64_t b = 0; b < (last ? isize : cnt); ++b)
        if (!(last ? one(a, b) : one(b, a))) return;
  });
  if (!bad.empty()) throw PartialWriteError(bad, out);
}

// PyTorch 1.13's scatter / scatter_add checks (scatter_gather_dtype_check, scatter_shape_check),
// in its order; src null for scatter's value form. A 0-d tensor counts as 1-d of size 1
// (ensure_nonempty_dim / _size); an empty index skips the shape checks.
static void scatter_check(const Tensor& base, int d, const Tensor& index, const Tensor* src) {
  TL_CHECK(index.numel() == 0 || index.dtype() == DType::Int64, "scatter(): Expected dtype int64 for index");
  TL_CHECK(!src || src->dtype() == base.dtype(), "scatter(): Expected self.dtype to be equal to src.dtype");
  if (index.numel() == 0) return;
  const int nd = std::max(base.dim(), 1);
  TL_CHECK(std::max(index.dim(), 1) == nd, "Index tensor must have the same number of dimensions as self tensor");
  auto size = [](const Tensor& t, int k) {
    if (t.dim() == 0) return int64_t(1);
    TL_CHECK(k < t.dim(), "IndexError: Dimension out of range (expected to be in range of [", -t.dim(), ", ", t.dim() - 1,
             "], but got ", k, ")");
    return t.shape()[k];
  };
  bool wrong = false;
  for (int k = 0; k < nd && !wrong; ++k) wrong = k != d && size(index, k) > size(base, k);
  for (int k = 0; src && k < nd && !wrong; ++k) wrong = size(index, k) > size(*src, k);
  if (src) {
    TL_CHECK(std::max(src->dim(), 1) == nd, "Index tensor must have the same number of dimensions as src tensor");
    TL_CHECK(!wrong, "Expected index ", sizes_str(index.shape()), " to be smaller than self ", sizes_str(base.shape()),
             " apart from dimension ", d, " and to be smaller size than src ", sizes_str(src->shape()));
  }
  TL_CHECK(!wrong, "Expected index ", sizes_str(index.shape()), " to be smaller than self ", sizes_str(base.shape()),
           " apart from dimension ", d);
}

// scatter_add(base, idx, src): base with src[k] added at idx[k] along dim.
// d/dbase = 1;  d/dsrc = gather(g, idx)
static void scatter_add_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  gi[0] = g;
  if (n.needs_input_grad(1)) gi[1] = gather(g, n.attrs().i0, n.saved_tensor(0));
}
Tensor scatter_add(const Tensor& base, int64_t dim, const Tensor& index, const Tensor& src) {
  int d = wrap_dim("scatter_add", dim, base.dim());
  scatter_check(base, d, index, &src);
  Tensor out = clone(base.detach());
  Tensor s = to_dtype(src.detach(), base.dtype());
  TL_DISPATCH(base.dtype(), T, [&] {
    const T* ps = s.data_ptr<T>();
    T* po = out.data_ptr<T>();
    scatter_loop(base, out, d, index, &s, [&](int64_t o, int64_t so) { po[o] += ps[so]; });
  });
  if (Node* n = record(TL_ROW("scatter_add"), {&base, &src}, out)) save_index_for_src(n, d, index, src);
  return out;
}

// scatter(base, idx, src | value): base with src[k] (or the number) written at idx[k] along dim;
// with repeated indices the last write wins (PyTorch's serial CPU order).
// d/dbase = g with the written positions zeroed;  d/dsrc = gather(g, idx)
static void scatter_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const Tensor idx = n.saved_tensor(0);
  const int64_t d = n.attrs().i0;
  if (n.needs_input_grad(0)) gi[0] = scatter(g, d, idx, Tensor::scalar(0, g.dtype()), true);
  if (gi.size() > 1 && n.needs_input_grad(1)) gi[1] = gather(g, d, idx);
}
Tensor scatter(const Tensor& base, int64_t dim, const Tensor& index, const Tensor& src, bool is_value) {
  int d = wrap_dim("scatter", dim, base.dim());
  scatter_check(base, d, index, is_value ? nullptr : &src);
  Tensor out = clone(base.detach());
  Tensor s = to_dtype(src.detach(), base.dtype());
  TL_DISPATCH_BYSIZE(base.dtype(), T, [&] {
    const T* ps = s.data_ptr<T>();
    T* po = out.data_ptr<T>();
    scatter_loop(base, out, d, index, is_value ? nullptr : &s, [&](int64_t o, int64_t so) { po[o] = ps[so]; });
  });
  Node* n = is_value ? record(TL_ROW("scatter.value"), {&base}, out)
                     : record(TL_ROW("scatter.src"), {&base, &src}, out);
  if (n) n->attrs().i0 = d, save(n, index);
  return out;
}

}  // namespace tl

// ---- op table rows ----
#include "engine/ops/op_table.h"
namespace tl {
// In-place view ops (unsqueeze_, squeeze_, t_, transpose_): self takes the view's shape and
// strides over the same storage (no data is written, but the version is bumped, as PyTorch's); when
// recording, self's history is rebased onto the view's node, which gets PyTorch's name for the
// in-place overload (UnsqueezeBackward1, ...). As PyTorch, a leaf that requires grad is refused.
static Value view_inplace(const Args& a, const OpDef& row, Tensor (*f)(const Args&)) {
  Tensor self = a.t(0);
  const bool recording = grad_enabled() && self.requires_grad();
  TL_CHECK(!(recording && inplace_on_leaf(self)), "a leaf Variable that requires grad is being used in an in-place operation.");
  if (recording) check_view_inplace(self);
  Tensor r;
  std::shared_ptr<Node> fn;
  std::exception_ptr failed;
  if (!recording) {
    r = f(a);
  } else {
    { NoGradGuard ng; r = f(a); }  // the arguments' errors come before any change of self
    // PyTorch changes self's metadata and bumps its version before it records: a recording that
    // fails (a non-differentiable dtype's assert) leaves self changed, with its old node.
    try {
      Tensor rr = f(a);
      // The view's node, read before self's shape and version change (after them, rr would look
      // like a stale view of self and get a regenerated node with self's new shape as its base's).
      fn = rr.grad_fn();
      r = rr;
    } catch (...) {
      failed = std::current_exception();
    }
  }
  TensorImpl* s = self.impl();
  s->set_shape(r.shape());
  s->strides = r.strides();
  s->offset = r.impl()->offset;
  self.bump_version();  // PyTorch counts a metadata change as an in-place op too
  // The node made just now is current. Without one (not recording), the view's node stays stale,
  // as PyTorch's attr_version: read after its base needs grad (or after no_grad), it is
  // regenerated as AsStridedBackward0 of the view's new geometry.
  if (s->view_base && fn) s->view_version = s->storage->version;
  if (failed) std::rethrow_exception(failed);
  if (fn) {
    fn->display = row.grad_fn.c_str();
    // PyTorch's set_history (not rebase_history): a retain_grad() hook stays where it was.
    s->grad_fn = fn;
  }
  return a.v[0];
}

// alias: a view of all of x (x[...]); d/dx = the gradient itself
static void alias_bw(Node&, const Tensor& g, std::vector<Tensor>& gi) { gi[0] = g; }
Tensor alias(const Tensor& x) {
  Tensor out = make_view(x, x.shape(), x.strides(), x.impl()->offset);
  record(TL_ROW("alias"), {&x}, out);
  return out;
}

void register_shape_ops(std::vector<OpDef>& t) {
  const unsigned TM = kTorch | kMethod;
  t.push_back({"alias(Tensor input) -> Tensor(view)", kInternal, [](const Args& a) { return Value::tensor(alias(a.t(0))); },
               alias_bw, "grad = g"});
  t.push_back({"view(Tensor input, int... size) -> Tensor(view)", kMethod,
               [](const Args& a) { return Value::tensor(view(a.t(0), a.ints(1))); }, view_bw, "grad = g viewed as the input's shape"});
  t.push_back({"reshape(Tensor input, int... shape) -> Tensor(view)", TM,
               [](const Args& a) { return Value::tensor(reshape(a.t(0), a.ints(1))); }, nullptr, "composite: view, or clone + view"});
  t.push_back({"flatten(Tensor input, int start_dim=0, int end_dim=-1) -> Tensor(view)", TM,
               [](const Args& a) { return Value::tensor(flatten(a.t(0), a.i(1), a.i(2))); }, nullptr, "composite: reshape"});
  t.push_back({"squeeze(Tensor input) -> Tensor(view)", TM, [](const Args& a) { return Value::tensor(squeeze(a.t(0))); }, view_bw,
               "grad = g viewed as the input's shape"});
  t.push_back({"squeeze.dim(Tensor input, int dim) -> Tensor(view)", TM,
               [](const Args& a) { return Value::tensor(squeeze(a.t(0), a.i(1))); }, view_bw, "grad = g viewed as the input's shape"});
  t.push_back({"unsqueeze(Tensor input, int dim) -> Tensor(view)", TM,
               [](const Args& a) { return Value::tensor(unsqueeze(a.t(0), a.i(1))); }, view_bw, "grad = g viewed as the input's shape"});
  t.push_back({"transpose(Tensor input, int dim0, int dim1) -> Tensor(view)", TM,
               [](const Args& a) { return Value::tensor(transpose(a.t(0), a.i(1), a.i(2))); }, transpose_bw,
               "grad = g transposed back"});
  t.push_back({"unsqueeze_(Tensor input, int dim) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 return view_inplace(a, TL_ROW("unsqueeze_"),
                                     [](const Args& b) { return unsqueeze(b.t(0), b.i(1)); });
               }});
  t.push_back({"squeeze_(Tensor input) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 return view_inplace(a, TL_ROW("squeeze_"), [](const Args& b) { return squeeze(b.t(0)); });
               }});
  t.push_back({"squeeze_.dim(Tensor input, int dim) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 return view_inplace(a, TL_ROW("squeeze_.dim"),
                                     [](const Args& b) { return squeeze(b.t(0), b.i(1)); });
               }});
  t.push_back({"t_(Tensor input) -> Tensor(inplace)", kMethod, [](const Args& a) {
                 return view_inplace(a, TL_ROW("t_"), [](const Args& b) { return tl::t(b.t(0)); });
               }});
  for (const char* nm : {"transpose_", "swapaxes_", "swapdims_"})
    t.push_back({std::string(nm) + "(Tensor input, int dim0, int dim1) -> Tensor(inplace)", kMethod, [nm](const Args& a) {
                   return view_inplace(a, op_row(nm),
                                       [](const Args& b) { return transpose(b.t(0), b.i(1), b.i(2)); });
                 }});
  t.push_back({"permute(Tensor input, int... dims) -> Tensor(view)", TM,
               [](const Args& a) { return Value::tensor(permute(a.t(0), a.ints(1))); }, permute_bw,
               "grad = g permuted by the inverse permutation"});
  t.push_back({"expand(Tensor input, int... size) -> Tensor(view)", kMethod,
               [](const Args& a) { return Value::tensor(expand(a.t(0), a.ints(1))); }, expand_bw,
               "grad = g summed over the expanded dims"});
  // broadcast_to: expand (PyTorch's composite, ExpandBackward0).
  t.push_back({"broadcast_to(Tensor input, int... size) -> Tensor(view)", TM,
               [](const Args& a) { return Value::tensor(expand(a.t(0), a.ints(1))); }, nullptr, "composite: expand"});
  // ravel: contiguous().view(-1) as PyTorch (a view of a contiguous input, else of a copy).
  t.push_back({"ravel(Tensor input) -> Tensor(view)", TM,
               [](const Args& a) { return Value::tensor(view(contiguous(a.t(0)), {-1})); }, nullptr,
               "composite: contiguous + view"});
  // Tensor.unfold (a method only; F.unfold is the im2col row "unfold").
  t.push_back({"unfold.Tensor(Tensor input, int dimension, int size, int step) -> Tensor(view)", kMethod,
               [](const Args& a) { return Value::tensor(unfold_view(a.t(0), a.i(1), a.i(2), a.i(3))); }, unfold_bw,
               "grad = g added back at each window's elements"});
  t.push_back({"contiguous(Tensor input) -> Tensor", kMethod, [](const Args& a) { return Value::tensor(contiguous(a.t(0))); },
               nullptr, "composite: self or clone"});
  t.push_back({"clone(Tensor input) -> Tensor", TM, [](const Args& a) {
                 // clone(preserve_format)'s layout for the script's clone only: the ops built on an internal
                 // clone (scatter, index_put, ...) return row-major results as PyTorch's do
                 return Value::tensor(ti_layout_hint(clone(a.t(0)), {&a.t(0)}));
               }, clone_bw, "grad = g"});
  t.push_back({"cat(Tensor[] tensors, int dim=0) -> Tensor", kTorch,
               [](const Args& a) { return Value::tensor(cat(a.tensors(0), a.i(1))); }, cat_bw,
               "grad_i = the slice of g that input i filled"});
  t.push_back({"stack(Tensor[] tensors, int dim=0) -> Tensor", kTorch,
               [](const Args& a) { return Value::tensor(stack(a.tensors(0), a.i(1))); }, stack_bw,
               "grad_i = g.select(dim, i)"});
  t.push_back({"diagonal(Tensor input, int offset=0, int dim1=0, int dim2=1) -> Tensor(view)", TM,
               [](const Args& a) { return Value::tensor(diagonal(a.t(0), a.i(1), a.i(2), a.i(3))); }, diagonal_bw,
               "grad = zeros of the input's shape with g on the diagonal"});
  t.push_back({"select(Tensor input, int dim, int index) -> Tensor(view)", TM | kInternal,
               [](const Args& a) { return Value::tensor(select(a.t(0), a.i(1), a.i(2))); }, nullptr, "composite: slice + squeeze"});
  t.push_back({"slice(Tensor input, int dim, int? start=None, int? end=None, int step=1) -> Tensor(view)", kInternal,
               [](const Args& a) { return Value::tensor(slice(a.t(0), a.i(1), a.opt_i(2), a.opt_i(3), a.i(4))); }, slice_bw,
               "grad = zeros with g placed at the slice"});
  t.push_back({"slice_backward(Tensor grad, int[] input_sizes, int dim, int start, int step) -> Tensor", kInternal,
               [](const Args& a) {
                 return Value::tensor(slice_backward(a.t(0), Shape(a.ints(1)), a.i(2), a.i(3), a.i(4)));
               }, slice_backward_bw, "grad = the slice of g"});
  t.push_back({"index_select(Tensor input, int dim, Tensor(nograd) index) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(index_select(a.t(0), a.i(1), a.t(2))); }, index_select_bw,
               "grad = index_add(zeros, index, g): repeated indices accumulate"});
  t.push_back({"index_add(Tensor input, int dim, Tensor(nograd) index, Tensor source) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(index_add(a.t(0), a.i(1), a.t(2), a.t(3))); }, index_add_bw,
               "grad_input = g; grad_source = index_select(g, index)"});
  t.push_back({"gather(Tensor input, int dim, Tensor(nograd) index) -> Tensor", TM,
               [](const Args& a) {
                 Tensor r = gather(a.t(0), a.i(1), a.t(2));
                 // PyTorch's GatherBackward0 saves self too (gather_backward's argument): an in-place
                 // change of the input fails its backward, even for an empty index. (Not in the
                 // gather inside sort / topk / ..., whose PyTorch nodes save the indices only.)
                 if (const auto& fn = r.grad_fn(); fn && fn->row == &TL_ROW("gather")) save(fn.get(), a.t(0));
                 return Value::tensor(r);
               }, gather_bw,
               "grad = scatter_add(zeros, index, g): repeated indices accumulate"});
  t.push_back({"scatter_add(Tensor input, int dim, Tensor(nograd) index, Tensor src) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(scatter_add(a.t(0), a.i(1), a.t(2), a.t(3))); }, scatter_add_bw,
               "grad_input = g; grad_src = gather(g, index)"});
  t.push_back({"scatter.src(Tensor input, int dim, Tensor(nograd) index, Tensor src) -> Tensor", TM,
               [](const Args& a) { return Value::tensor(scatter(a.t(0), a.i(1), a.t(2), a.t(3), false)); }, scatter_bw,
               "grad_input = g with the written positions zeroed; grad_src = gather(g, index)"});
  t.push_back({"scatter.value(Tensor input, int dim, Tensor(nograd) index, Number value) -> Tensor", TM,
               [](const Args& a) {
                 // PyTorch's order: the meta checks (dim, index dims and dtype), an empty index returns,
                 // then the kernel converts the number (c10::checked_convert: 1e300 into float32
                 // overflows), then the bounds of each index.
                 const Tensor& base = a.t(0);
                 const Tensor& index = a.t(2);
                 scatter_check(base, wrap_dim("scatter", a.i(1), base.dim()), index, nullptr);
                 if (index.numel() > 0) check_number_fits(a.v[3], base.dtype());
                 return Value::tensor(scatter(base, a.i(1), index, a.num_or_t(3, 0), true));
               }, scatter_bw, "grad_input = g with the written positions zeroed"});
}
}  // namespace tl
