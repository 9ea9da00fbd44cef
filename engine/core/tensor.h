// Storage, TensorImpl and the Tensor handle.
//
// A Tensor is a shared handle to a TensorImpl: shape, strides and offset (in elements) over a
// shared Storage. Views share the Storage (and so its version counter, bumped by every in-place
// op, which is what saved-tensor checks compare against).
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/dtype.h"
#include "engine/core/shape.h"

namespace tl {

struct Node;      // autograd graph node (engine/autograd/node.h)
struct GradHook;  // Tensor.register_hook (engine/autograd/node.h)
struct TensorImpl;
// A view whose storage was written since its grad_fn was made: its grad_fn becomes an
// AsStridedBackward0 node from its base's current history (engine/autograd/views.cpp).
void refresh_view_grad_fn(const std::shared_ptr<TensorImpl>& view);

// Process-wide counters, for leak tests and the JS `memory()` call.
struct Stats {
  int64_t live_tensors = 0;
  int64_t live_storages = 0;
  int64_t storage_bytes = 0;
  int64_t live_nodes = 0;
  int64_t pooled_bytes = 0;  // freed buffers kept for reuse (see Storage)
};
// Returns every pooled buffer to the system allocator.
void release_buffer_pool();
Stats& stats();

// Allocation cap: asking for a tensor larger than this many elements is a tl::Error.
int64_t max_elements();
void set_max_elements(int64_t n);

// Data buffer shared by a tensor and its views. Tiny buffers (scalars, the Python numbers of
// `y * 1.0001`) live inside the object: no second allocation. Larger ones come from a
// size-class pool, so a training loop reuses the same buffers instead of paying malloc + page
// faults for every temporary.
struct Storage {
  void* data = nullptr;
  size_t nbytes = 0;
  uint32_t version = 0;  // bumped by in-place ops on any view of this storage
  alignas(16) unsigned char inline_buf[16];
  explicit Storage(size_t nbytes);
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
};

struct TensorImpl {
  std::shared_ptr<Storage> storage;
  Shape shape;
  Dims strides;  // in elements
  int64_t offset = 0;
  DType dtype = DType::Float32;
  bool requires_grad = false;
  bool retains_grad = false;
  bool is_view = false;  // shares storage with the tensor it was viewed from
  // A view op's output (PyTorch's differentiable view): the root tensor it views, the storage
  // version its grad_fn was made at (an in-place op on the base or on any view of it since then
  // makes grad_fn() regenerate it as AsStridedBackward0 from the base's current history), and how
  // it was made (an in-place op that records on it is refused for views made under no_grad and
  // for outputs of split/chunk/unbind, as PyTorch does). Null for non-views and detach().
  std::shared_ptr<TensorImpl> view_base;
  uint32_t view_version = 0;
  enum class ViewMeta : uint8_t { Default, NoGrad, MultiOutput } view_meta = ViewMeta::Default;
  uint16_t view_output = 0;  // MultiOutput: the output's index
  bool is_param = false;  // an nn.Parameter (prints "Parameter containing:")
  bool is_inference = false;  // made under torch.inference_mode() (Tensor.is_inference())
  // PyTorch 1.13's "efficient zero" (at::_efficientzerotensor, the gradient sgn's backward returns
  // for a real input): zeros here, which mul/div/add/sub and the views keep as such (so 0 * NaN
  // stays 0) and an in-place write refuses; any other op sees plain zeros (ops.h: efficient_zeros).
  bool is_zero = false;
  // An elementwise result computed row-major whose PyTorch counterpart TensorIterator allocates in
  // its inputs' memory order (x.t() + 1): those strides, applied (the result restrided in place)
  // only when an op row returns it to the script (op_table.cpp call_op), so the engine's internal
  // readers of its own intermediates keep row-major results. Null: row-major.
  std::shared_ptr<const Dims> ti_strides;
  std::shared_ptr<Node> grad_fn;           // null for leaves
  std::shared_ptr<TensorImpl> grad;        // .grad of leaves (and retain_grad non-leaves)
  std::weak_ptr<Node> grad_accumulator;    // leaves: the AccumulateGrad node, made on demand
  std::string name;                        // variable name given by the script (graph labels)
  // Leaves: Tensor.register_hook hooks, run on the gradient before it is accumulated into .grad
  // (non-leaf hooks live on grad_fn, see Node::pre_hooks). Null: none (the common case).
  std::shared_ptr<std::vector<GradHook>> hooks;
  // retain_grad(): the node that runs its hook (Node::retained), which is not always grad_fn: a
  // write through a view gives the base CopySlices and leaves the hook on the base's previous node
  // (PyTorch's hooks list stays there until the tensor's own grad_fn changes again).
  std::weak_ptr<Node> retain_node;
  // PyTorch keeps sizes in a small inline array that a rank change shrinks without clearing: a
  // tensor made 0-d from a larger shape in place (squeeze_(), an out= resize, the results of ops
  // that resize or squeeze_ their output: max/min/kthvalue/mode(dim), mse_loss, ...) still holds
  // its old sizes[0], which setitem's lone-slice fast path reads (engine/lang/indexing.cpp).
  // 0 for tensors made 0-d; meaningless for others.
  int64_t size0_left = 0;
  // An in-place shape change (keeps the sizes[0] PyTorch leaves behind).
  void set_shape(const Shape& s) {
    if (s.n == 0 && shape.n > 0) size0_left = shape[0];
    shape = s;
  }

  TensorImpl();
  ~TensorImpl();
  TensorImpl(const TensorImpl&) = delete;
  TensorImpl& operator=(const TensorImpl&) = delete;
  int64_t numel() const { return shape.numel(); }
  bool is_contiguous() const;
  template <class T>
  T* data() const {
    return static_cast<T*>(storage->data) + offset;
  }
};

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  // ---- creation (engine/ops/creation.cpp) ----
  static Tensor empty(const Shape& shape, DType dtype = DType::Float32);
  static Tensor from_data(const std::vector<double>& values, const Shape& shape,
                          DType dtype = DType::Float32);
  static Tensor scalar(double v, DType dtype = DType::Float32);

  // ---- metadata ----
  bool defined() const { return impl_ != nullptr; }
  TensorImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& impl_ptr() const { return impl_; }
  const Shape& shape() const { return impl_->shape; }
  const Dims& strides() const { return impl_->strides; }
  int dim() const { return impl_->shape.n; }
  int64_t size(int64_t d) const;
  int64_t numel() const { return impl_->numel(); }
  DType dtype() const { return impl_->dtype; }
  bool is_contiguous() const { return impl_->is_contiguous(); }
  bool is_floating_point() const { return is_floating(dtype()); }
  std::string shape_str() const { return tl::shape_str(shape()); }
  template <class T>
  T* data_ptr() const { return impl_->data<T>(); }
  uint32_t version() const { return impl_->storage->version; }
  void bump_version() const { ++impl_->storage->version; }
  bool same(const Tensor& o) const { return impl_ == o.impl_; }

  // ---- values ----
  double item() const;                   // one-element tensors only
  std::vector<double> to_vector() const; // flat, row-major
  std::vector<int64_t> to_int_vector() const;

  // ---- autograd ----
  // A view requires grad when its base does (PyTorch: even a view made under no_grad).
  bool requires_grad() const {
    return impl_->requires_grad || (impl_->view_base && impl_->view_base->requires_grad);
  }
  Tensor& requires_grad_(bool r = true);
  bool is_leaf() const { return grad_fn() == nullptr; }
  // PyTorch's C++ is_leaf, which autograd's check_inplace tests: the stored grad_fn, not
  // regenerated. A view of a base that needed no grad, given history by a write through another
  // view, is still refused as a leaf that requires grad until its grad_fn is read (PyTorch 1.13).
  bool is_leaf_stored() const { return impl_->grad_fn == nullptr; }
  const std::shared_ptr<Node>& grad_fn() const {
    if (impl_->view_base && impl_->view_version != impl_->storage->version) refresh_view_grad_fn(impl_);
    return impl_->grad_fn;
  }
  Tensor grad() const { return Tensor(impl_->grad); }
  void set_grad(const Tensor& g);
  void retain_grad();
  bool retains_grad() const { return impl_->retains_grad; }
  void backward(const Tensor& gradient = Tensor(), bool retain_graph = false,
                bool create_graph = false) const;
  Tensor detach() const;

  // ---- common ops as methods (the full set is in engine/ops/ops.h) ----
  Tensor operator-() const;
  Tensor sum() const;
  Tensor mean() const;
  Tensor relu() const;
  Tensor mm(const Tensor& o) const;
  Tensor matmul(const Tensor& o) const;
  Tensor exp() const;
  Tensor log() const;
  Tensor tanh() const;
  Tensor sigmoid() const;
  Tensor pow(double e) const;
  Tensor reshape(const Shape& s) const;
  Tensor view(const Shape& s) const;
  Tensor transpose(int64_t a, int64_t b) const;
  Tensor t() const;
  Tensor contiguous() const;
  Tensor to(DType t) const;
  Tensor clone() const;

  // In-place (bump the version counter).
  Tensor& add_(const Tensor& o);
  Tensor& sub_(const Tensor& o);
  Tensor& mul_(const Tensor& o);
  Tensor& div_(const Tensor& o);
  Tensor& zero_();
  Tensor& fill_(double v);
  Tensor& copy_(const Tensor& src);

 private:
  std::shared_ptr<TensorImpl> impl_;
};

// out is PyTorch's result resized (or squeeze_()d) in place from the shape `from`: a 0-d out
// keeps from's sizes[0] (TensorImpl::size0_left).
inline void resized_from(const Tensor& out, const Shape& from) {
  if (out.dim() == 0 && from.n > 0) out.impl()->size0_left = from[0];
}

Tensor operator+(const Tensor& a, const Tensor& b);
Tensor operator-(const Tensor& a, const Tensor& b);
Tensor operator*(const Tensor& a, const Tensor& b);
Tensor operator/(const Tensor& a, const Tensor& b);
Tensor operator+(const Tensor& a, double b);
Tensor operator-(const Tensor& a, double b);
Tensor operator*(const Tensor& a, double b);
Tensor operator/(const Tensor& a, double b);
Tensor operator+(double a, const Tensor& b);
Tensor operator-(double a, const Tensor& b);
Tensor operator*(double a, const Tensor& b);
Tensor operator/(double a, const Tensor& b);

// Grad mode (thread-local). NoGradGuard nests like torch.no_grad().
bool grad_enabled();
void set_grad_enabled(bool on);
// torch.inference_mode(): tensors made while it is on are inference tensors (TensorImpl::
// is_inference); grad mode is off meanwhile (the interpreter's context manager sets both).
bool inference_mode();
void set_inference_mode(bool on);
struct InferenceModeGuard {
  bool prev;
  explicit InferenceModeGuard(bool on) : prev(inference_mode()) { set_inference_mode(on); }
  ~InferenceModeGuard() { set_inference_mode(prev); }
};
struct NoGradGuard {
  bool prev;
  NoGradGuard() : prev(grad_enabled()) { set_grad_enabled(false); }
  ~NoGradGuard() { set_grad_enabled(prev); }
};
struct EnableGradGuard {
  bool prev;
  explicit EnableGradGuard(bool on) : prev(grad_enabled()) { set_grad_enabled(on); }
  ~EnableGradGuard() { set_grad_enabled(prev); }
};

}  // namespace tl
