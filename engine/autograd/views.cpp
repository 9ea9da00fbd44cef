// Autograd of in-place writes through views (PyTorch's view rebasing).
//
// A view op's output keeps its root base (TensorImpl::view_base). An in-place op that records on
// a view v of base b:
//   - refuses views made under no_grad, outputs of split/chunk/unbind, and views of a leaf that
//     requires grad (PyTorch's errors, check_view_inplace);
//   - gives b a CopySlices node with two inputs: b's previous history, whose gradient is g with
//     v's elements zeroed, and the op's out-of-place result r, whose gradient is g at v's
//     elements. r's own node leads on to v's previous history (a view of b's previous history),
//     so every element's gradient reaches the same places as through PyTorch's CopySlices, which
//     calls r's backward itself;
//   - regenerates v's grad_fn as AsStridedBackward0 from b's new history.
// Any other view of b whose storage was written after its grad_fn was made is regenerated the
// same way when its grad_fn is next read (Tensor::grad_fn), as PyTorch does.
#include <unordered_map>

#include "engine/autograd/node.h"
#include "engine/ops/op_table.h"
#include "engine/ops/ops.h"

namespace tl {

namespace {

// Base-linear position (row-major index into the base) of each of the view's elements, as a flat
// int64 tensor. Both share one storage; the base is usually contiguous (the general case maps
// storage offsets back through the base's own layout).
Tensor view_positions(const TensorImpl& view, const TensorImpl& base) {
  NoGradGuard ng;
  const int64_t n = view.shape.numel(), nb = base.shape.numel();
  std::vector<double> pos(static_cast<size_t>(n));
  std::unordered_map<int64_t, int64_t> where_in_base;
  const bool dense = base.is_contiguous();
  if (!dense) {
    std::vector<int64_t> idx(size_t(base.shape.n), 0);
    for (int64_t k = 0; k < nb; ++k) {
      int64_t off = base.offset;
      for (int d = 0; d < base.shape.n; ++d) off += idx[size_t(d)] * base.strides[d];
      where_in_base.emplace(off, k);
      for (int d = base.shape.n - 1; d >= 0; --d) {
        if (++idx[size_t(d)] < base.shape[d]) break;
        idx[size_t(d)] = 0;
      }
    }
  }
  std::vector<int64_t> idx(size_t(view.shape.n), 0);
  for (int64_t k = 0; k < n; ++k) {
    int64_t off = view.offset;
    for (int d = 0; d < view.shape.n; ++d) off += idx[size_t(d)] * view.strides[d];
    int64_t p = off - base.offset;
    if (!dense) {
      auto it = where_in_base.find(off);
      TL_CHECK(it != where_in_base.end(), "as_strided: a view element lies outside its base");
      p = it->second;
    }
    TL_CHECK(p >= 0 && p < nb, "as_strided: a view element lies outside its base");
    pos[size_t(k)] = double(p);
    for (int d = view.shape.n - 1; d >= 0; --d) {
      if (++idx[size_t(d)] < view.shape[d]) break;
      idx[size_t(d)] = 0;
    }
  }
  return Tensor::from_data(pos, Shape{n}, DType::Int64);
}

}  // namespace

void move_retain_hook(const std::shared_ptr<TensorImpl>& t) {
  if (!t->retains_grad) return;
  const std::shared_ptr<Node>& fn = t->grad_fn;
  auto holder = t->retain_node.lock();
  if (holder == fn) return;
  if (holder && holder->retained.lock() == t) holder->retained.reset();
  if (fn) fn->retained = t;
  t->retain_node = fn;
}

void refresh_view_grad_fn(const std::shared_ptr<TensorImpl>& view) {
  TensorImpl& v = *view;
  const std::shared_ptr<TensorImpl>& base = v.view_base;
  // PyTorch: a view without history of a base that needs no grad has nothing to regenerate yet.
  if (!v.grad_fn && !base->requires_grad) return;
  v.view_version = v.storage->version;
  Tensor b(base), out(view);  // b is no view: its edge is its node or its AccumulateGrad
  Tensor pos = view_positions(v, *base);
  const Shape base_shape = base->shape;
  auto old_fn = v.grad_fn;
  EnableGradGuard on(true);
  v.grad_fn = nullptr;
  // A view with history of a base that no longer needs grad (base.requires_grad_(False)) still
  // gets PyTorch's AsStridedBackward0, without an edge: recorded on a stand-in, whose edge goes.
  const bool base_grad = b.requires_grad();
  Tensor from = b;
  if (!base_grad) from = b.detach(), from.impl()->requires_grad = true;
  InplaceRecordGuard regen;  // PyTorch regenerates a view's node without set_history's dtype assert
  Node* n = record(TL_ROW("as_strided"), {&from}, out);
  if (!n) {
    v.grad_fn = old_fn;
    return;
  }
  if (!base_grad) n->next[0].fn = nullptr, n->inputs[0].constant = b.impl_ptr();
  // grad_base = zeros(base) with g at the view's positions: PyTorch's as_strided_backward copies g
  // in (a -0.0 stays) when the view's elements are distinct, else index_adds it (overlaps sum).
  std::vector<char> seen(size_t(base_shape.numel()), 0);
  bool overlap = false;
  const int64_t* pp = pos.data_ptr<int64_t>();
  for (int64_t i = 0; i < pos.numel() && !overlap; ++i) overlap = seen[size_t(pp[i])]++ != 0;
  n->attrs().custom = [pos, base_shape, overlap](const Tensor& g, std::vector<Tensor>& gi) {
    Tensor z = zeros(Shape{base_shape.numel()}, g.dtype()), flat = reshape(g, {g.numel()});
    gi[0] = reshape(overlap ? index_add(z, 0, pos, flat) : scatter(z, 0, pos, flat, false), base_shape.vec());
  };
  // PyTorch 1.13 moves the retains_grad hook to the new grad_fn (update_tensor_hooks_on_new_gradfn).
  if (old_fn) move_retain_hook(view);
}

bool inplace_on_leaf(const Tensor& self) { return self.requires_grad() && self.is_leaf_stored(); }

void check_view_inplace(const Tensor& self) {
  const TensorImpl* v = self.impl();
  if (!v->view_base) return;
  using M = TensorImpl::ViewMeta;
  const char* multi = "This view is the output of a function that returns multiple views. Such functions do not allow "
                      "the output views to be modified inplace. You should replace the inplace operation by an "
                      "out-of-place one.";
  if (v->view_meta == M::MultiOutput) {
    const auto& fn = self.grad_fn();
    if (fn)
      TL_FAIL("Output ", v->view_output, " of ", fn->name(), " is a view and is being modified inplace. ", multi);
    TL_FAIL("A view was created in no_grad mode and is being modified inplace with grad mode enabled. ", multi);
  }
  TL_CHECK(v->view_meta != M::NoGrad,
           "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this "
           "use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view "
           "and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or "
           "both outside (if you want the inplace to be tracked).");
  // PyTorch tests the base's is_leaf only: a base without history that needs no grad counts too
  // (a view that was given requires_grad_()).
  TL_CHECK(!(self.requires_grad() && v->view_base->grad_fn == nullptr),
           "a view of a leaf Variable that requires grad is being used in an in-place operation.");
}

// Made by the backward, not by each write: a loop of writes through views stays linear.
Tensor unwritten_mask(const Tensor& positions, const Shape& shape, DType dtype) {
  NoGradGuard ng;  // a constant: the gradient stays a differentiable product
  std::vector<double> k(size_t(shape.numel()), 1.0);
  const int64_t* pp = positions.data_ptr<int64_t>();
  for (int64_t i = 0; i < positions.numel(); ++i) k[size_t(pp[i])] = 0.0;
  return Tensor::from_data(k, shape, dtype);
}

bool rebase_view(Tensor& self, const Tensor& result, bool refresh_self, bool copied) {
  if (!self.impl()->view_base) return false;
  Tensor base(self.impl()->view_base);
  Tensor r = result.defined() ? result : Tensor::scalar(0, self.dtype());
  Tensor pos = view_positions(*self.impl(), *base.impl());
  const Shape base_shape = base.shape(), view_shape = self.shape();
  auto old_fn = self.impl()->grad_fn;
  // PyTorch's CopySlices writes the op's gradient for the view's old values into the slice; here
  // it arrives through the op's own edge to the view's old history and is added to what the base
  // gets at the slice. That is -0.0 when such an edge exists (x + -0.0 keeps x's sign, so a -0.0
  // gradient survives), else PyTorch's +0.0 (fill_, copy_ of another tensor).
  bool flows_back = false;
  if (old_fn && result.defined() && result.grad_fn()) {
    Node& rf = *result.grad_fn();
    for (size_t i = 0; i < rf.next.size(); ++i)
      if (rf.next[i].fn == old_fn) {
        // (the op's own node only: copy_'s source node may have other uses)
        if (!flows_back && !copied && i < 128) rf.view_edge = int8_t(i);
        flows_back = true;
      }
  }
  const double slice_zero = flows_back ? -0.0 : 0.0;
  const bool self_grad = self.requires_grad();
  // record() reads the base's previous edge before it makes the node the base's grad_fn.
  InplaceRecordGuard rebase;
  Node* n = record(TL_ROW("copy_slices"), {&base, &r}, base);
  if (!n) return true;
  // PyTorch's CopySlices takes the wrapped op's edges but the first (the view's), which it sends
  // to the base. A NotImplemented node of the autograd fallback (floor_divide_) has edges only for
  // the inputs that require grad: when the view needed none, its first edge is another input's,
  // which is lost (grad() finds that input unused). The node is still called (and fails) when
  // CopySlices runs. (Only a node with that one edge: the fallback ops here have two inputs.)
  std::shared_ptr<Node> dropped;
  if (const auto& rf = r.grad_fn();
      !self_grad && rf && rf->row && rf->row->grad_fn == "NotImplemented" && rf->next.size() == 1) {
    dropped = rf;
    n->next[1].fn = nullptr;
  }
  // PyTorch's CopySlices frees the op's function it holds after a backward without retain_graph
  // (release_variables), so a second backward through it fails as one through saved tensors.
  n->had_saved = true;
  if (copied) n->attrs().b0 = true;  // the wrapped op's edges are this node's (engine.cpp)
  // PyTorch's CopySlices runs the op's function inside its own: an op without a derivative fails
  // there, before CopySlices is freed (a second backward fails the same way).
  std::weak_ptr<Node> op = result.defined() ? result.grad_fn() : nullptr;
  // (the autograd fallback's NotImplemented nodes too; `dropped` keeps one whose edge was dropped)
  n->attrs().custom = [pos, base_shape, view_shape, slice_zero, op, dropped](const Tensor& g, std::vector<Tensor>& gi) {
    if (auto f = op.lock(); f && f->row && (f->row->backward == inplace_not_implemented_bw || f->row->grad_fn == "NotImplemented"))
      f->row->backward(*f, g, gi);
    gi[0] = where(unwritten_mask(pos, base_shape, DType::Bool), g, Tensor::scalar(slice_zero, g.dtype()));
    // PyTorch's CopySlices hands the op's function a contiguous clone of the gradient's slice (an
    // as_strided view of a copy of g): no view, so an in-place op on a gradient that comes out
    // unchanged (copy_'s source of the slice's shape) is no in-place op on a view made in no_grad
    // mode; under create_graph its node is CloneBackward0 after AsStridedBackward0.
    Tensor slice = reshape(index_select(reshape(g, {g.numel()}), 0, pos), view_shape.vec());
    label_node(slice, TL_ROW("as_strided"), {&g});
    gi[1] = clone(slice);
  };
  // self's grad_fn: AsStridedBackward0 from the base's new history.
  if (!refresh_self) return true;  // self's version was bumped: regenerated when read
  self.impl()->view_version = self.version() - 1;
  self.grad_fn();
  return true;
}

}  // namespace tl
