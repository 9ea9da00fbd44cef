// Autograd graph node. One node per differentiable op application; it has exactly one output
// (ops with extra outputs, like max(dim)'s indices, return them without grad).
//
// A node knows the op's backward function, the edges to the nodes of its inputs (null where an
// input needs no grad), the metadata of each input (so the engine can reduce a broadcast gradient
// back to the input's shape with one central sum_to), and the tensors backward needs.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/small_vector.h"
#include "engine/core/tensor.h"

namespace tl {

struct Node;
struct OpDef;  // engine/ops/op_table.h: the op-table row that owns a node's identity
// Returns input gradients: grads[i] for input i (left undefined where not needed).
using BackwardFn = void (*)(Node& node, const Tensor& grad_out, std::vector<Tensor>& grads);

// A gradient hook (Tensor.register_hook, grad_fn.register_prehook): gets the gradient and returns
// its replacement, or an undefined tensor to keep it. `id` is the key of the handle's remove().
struct GradHook {
  uint64_t id = 0;
  std::function<Tensor(const Tensor&)> fn;
};
uint64_t next_hook_id();

struct Edge {
  std::shared_ptr<Node> fn;  // null: this input needs no gradient
};

struct InputMeta {
  Shape shape;
  DType dtype;
  // An input that needs no gradient (a "constant" of the graph: data, a target, a tensor made
  // under no_grad), held weakly so the graph export can name and preview it while it is alive.
  std::weak_ptr<TensorImpl> constant;
};

// The nn.Module call a node was made in (the playground's module clusters). One per call: two
// calls of one module are two scopes. `owner` identifies the module only while its call runs
// (it is compared, never dereferenced, once the call has returned).
struct ModuleScope {
  uint64_t id = 0;
  std::string name;   // under the enclosing module ("fc1", "layers.0"), else the variable's name
  std::string type;   // "Linear"
  std::string extra;  // PyTorch's extra_repr: "in_features=4, out_features=8, bias=True"
  std::shared_ptr<const ModuleScope> parent;
  const void* owner = nullptr;
};

// A tensor saved for backward, with the version it had when saved.
struct SavedTensor {
  std::shared_ptr<TensorImpl> impl;  // for saved outputs: a data-only alias (no cycle)
  uint32_t version = 0;
  bool is_output = false;
  // The tensor that was saved (identity only, never dereferenced): a saved view is kept as an
  // alias without its base pointer, so a node that its own base's history reaches (b.mul_(b[0]))
  // makes no reference cycle.
  const TensorImpl* source = nullptr;
  // Saved as an argument other than `self` (addcdiv's tensor2): an in-place op on that same
  // tensor keeps it as a view of the written tensor, never as PyTorch's original_self copy.
  bool not_self = false;
  // A saved view (not an output): the view itself, weakly. PyTorch keeps the original and, when
  // unpack finds it modified, reads its grad_fn for the message: a stale view's history is
  // regenerated then (VariableHooks::grad_fn), so it is no leaf afterwards.
  std::weak_ptr<TensorImpl> original;
};

// Small op attributes (dims, scalars, shapes) so backward needs no heap of its own.
struct Attrs {
  Shape shape;            // e.g. the input shape for view/expand/reduce
  Dims dims;              // e.g. the permutation or the reduced dims
  int64_t i0 = 0, i1 = 0, i2 = 0;
  double f0 = 0, f1 = 0;
  bool b0 = false;
  // torch.autograd.Function nodes: the user's backward (custom_backward calls it).
  std::function<void(const Tensor& grad_out, std::vector<Tensor>& grads)> custom;
};
// The BackwardFn of a node whose backward is node.attrs().custom.
void custom_backward(Node& node, const Tensor& grad_out, std::vector<Tensor>& grads);

struct Node : std::enable_shared_from_this<Node> {
  // The op-table row that recorded this node: its backward, its grad_fn name and its derivative
  // text (null only for AccumulateGrad nodes).
  const OpDef* row = nullptr;
  // A grad_fn name decided when the node was made, over the row's: the name of the composite
  // whose output this node is (mean = sum + div -> MeanBackward0, set by the composite's row),
  // or a name that depends on the arguments (NllLoss2DBackward0, CopySlices, a user Function).
  const char* display = nullptr;
  uint64_t seq = 0;          // creation order; the engine runs later nodes first
  SmallVec<Edge, 2> next;
  SmallVec<InputMeta, 2> inputs;
  SmallVec<SavedTensor, 2> saved;
  // Small op attributes, allocated by the ops that set them (most nodes have none).
  Attrs& attrs() {
    if (!attrs_) attrs_.reset(new Attrs());
    return *attrs_;
  }
  bool has_attrs() const { return attrs_ != nullptr; }
  Shape out_shape;
  DType out_dtype = DType::Float32;
  std::weak_ptr<TensorImpl> retained;  // non-leaf output with retain_grad()
  // Hooks on the gradient of this node's output, in registration order, run before backward
  // (Tensor.register_hook on a non-leaf, grad_fn.register_prehook). Null: none.
  std::shared_ptr<std::vector<GradHook>> pre_hooks;
  // retain_grad() is a hook too in PyTorch 1.13: .grad sees the hooks registered before it.
  // The number of pre_hooks registered before retain_grad() was called.
  uint32_t retain_at = 0;
  // AccumulateGrad nodes: the leaf, held weakly. PyTorch holds it strongly, which makes
  // `backward(create_graph=True)` leak a cycle leaf -> .grad -> graph -> leaf; a leaf that only
  // the graph still references has a .grad nobody can read, so nothing is lost. leaf_view is a
  // data-only alias (no .grad, so no cycle) that keeps the values for graph previews.
  std::weak_ptr<TensorImpl> leaf;
  std::shared_ptr<TensorImpl> leaf_view;
  bool accumulate = false;
  int src_line = 0, src_col = 0;  // script position of the expression that made it (0: none)
  std::shared_ptr<const ModuleScope> module;  // the module call that made it (null: none)
  // Composite ops (mean = sum + div, linear = transpose + mm + add): every node one composite
  // call made carries the seq of the call's output node (0: none); the output node also has the
  // op-table name of the composite ("mean"), so a view can draw the group as one op.
  uint64_t composite = 0;
  const char* composite_op = nullptr;
  // With keep_outputs on (graph export runs): a data-only alias of the output, so the graph can
  // preview unnamed intermediates and flag NaN/Inf in them.
  std::shared_ptr<TensorImpl> out_view;
  bool had_saved = false;    // backward with saved tensors cannot run twice without retain_graph
  // The saved tensors are those PyTorch saves, also ones the formula never reads (sgn's): once
  // freed, the node fails before its formula runs (else lazily, by the formula that reads one).
  bool torch_saves = false;
  bool released = false;
  // The node of an op written through a view (rebase_view): the index of its edge to the view's
  // previous history (-1: none). PyTorch's CopySlices copies the op's gradient for the view into
  // the base's gradient (grad_slice.copy_(res[0])), which materializes an efficient zero (sgn's)
  // as +0.0; here it flows on along that edge, so the engine materializes it there.
  int8_t view_edge = -1;

  // Engine scratch space, valid during one backward pass.
  Tensor grad_buffer;
  int deps = 0;

 private:
  std::unique_ptr<Attrs> attrs_;

 public:

  Node();
  ~Node();
  bool is_accumulate() const { return accumulate; }
  // The leaf of an AccumulateGrad node: the live tensor, or its data alias once it is gone.
  Tensor leaf_tensor() const;
  // Whether backward must compute input i's gradient: it has a node and, during grad(), that node
  // leads to a requested input (PyTorch's task_should_compute_output; engine.cpp).
  bool needs_input_grad(size_t i) const;
  // Returns saved tensor i; throws PyTorch's errors if it was freed or modified in place.
  Tensor saved_tensor(size_t i);
  std::string name() const;  // PyTorch-style grad_fn name, e.g. "MulBackward0"
  const char* op() const;    // the row's op name ("mul"); "accumulate_grad"
  const char* derivative() const;  // the row's derivative formula ("" if none)
};

// Called by op forwards with their op-table row (TL_ROW("mul.Tensor"), engine/ops/op_table.h).
// If grad mode is on and any input requires grad, creates the node (edges + input metadata) whose
// backward is the row's, and attaches it to `out`. Returns the node (or null) so the op can save
// tensors and attributes after the fact.
Node* record(const OpDef& row, std::initializer_list<const Tensor*> inputs, Tensor& out);
Node* record(const OpDef& row, const std::vector<Tensor>& inputs, Tensor& out);
// PyTorch's set_history asserts that an op's output has a differentiable dtype (an integer tensor
// requires grad only through 1.13's index_put_ / fill_ quirk, and ops on it then fail); in-place
// ops rebase self's history without that assert: their forwards record under this guard.
struct InplaceRecordGuard {
  bool prev;
  InplaceRecordGuard();
  ~InplaceRecordGuard();
};
// Testing hook: called with every node record() makes (null: none).
void set_record_observer(void (*fn)(const Node&));
bool any_requires_grad(std::initializer_list<const Tensor*> inputs);
void save(Node* n, const Tensor& t);         // an input (kept whole, with its graph)
void save_output(Node* n, const Tensor& out);  // the output (kept as data, no cycle)
// An input saved as an argument other than `self` by an op whose formulas never use `self`.
void save_not_self(Node* n, const Tensor& t);
// A data-only alias of t (same storage and version counter; no grad_fn, no .grad).
std::shared_ptr<TensorImpl> data_alias(const Tensor& t);

// The script position stamped on nodes created from now on (the interpreter sets it around each
// expression it evaluates; 0, 0 = none).
void set_source_pos(int line, int col);
struct SourcePosGuard {
  int line, col;
  SourcePosGuard(int l, int c);
  ~SourcePosGuard();
};

// The module call nodes are stamped with from now on (the interpreter and nn.Sequential set it
// around each module call).
const std::shared_ptr<const ModuleScope>& current_module_scope();
struct ModuleScopeGuard {
  std::shared_ptr<const ModuleScope> prev;
  explicit ModuleScopeGuard(std::shared_ptr<const ModuleScope> s);
  ~ModuleScopeGuard();
  ModuleScopeGuard(const ModuleScopeGuard&) = delete;
  ModuleScopeGuard& operator=(const ModuleScopeGuard&) = delete;
};

// Graph export runs: nodes keep a data alias of their outputs (Node::out_view) while the bytes
// kept stay within `budget_bytes` (0: off, the default). Returns the previous budget.
int64_t set_keep_outputs(int64_t budget_bytes);

// The seq the next recorded node gets minus one (a composite call notes it before it runs).
uint64_t last_node_seq();
// Marks the nodes a composite call made as one group: `out`'s node and every node reachable from
// it whose seq is above `seq_before` (made during the call), iteratively. Nested composites:
// the outermost call marks last, so it wins. `op` is the composite's op-table name.
void mark_composite(const Tensor& out, uint64_t seq_before, const char* op);

// In-place writes through views (engine/autograd/views.cpp). check_view_inplace: PyTorch's
// refusals of a recorded in-place op on a view (made under no_grad, an output of split/chunk/
// unbind, a view of a leaf that requires grad). rebase_view: after `result` (the op's
// out-of-place result, undefined for fill_/zero_/random fills) was written into the view `self`,
// gives self's base a CopySlices node and self an AsStridedBackward0 one; false (nothing done)
// when self is no view.
void check_view_inplace(const Tensor& self);
// PyTorch's check_inplace tests is_leaf on the stored grad_fn without regenerating a view's: a view
// of a base that needed no grad has none until something reads its grad_fn, so an in-place op on
// it after the base got history is refused as one on a leaf. True: refuse self as a leaf.
bool inplace_on_leaf(const Tensor& self);
// refresh_self false: the write went through another view of self's memory (PyTorch's index_put_
// on applySlicing's view), so self keeps its stored grad_fn until read (see inplace_on_leaf).
// copied: `result` is what copy_ / fill_ wrote (their source, no node of the op's own): the
// CopySlices node stands for PyTorch's CopySlices and its wrapped CopyBackwards / FillBackward
// together, its second edge being the wrapped op's edge to the source (noted in attrs().b0).
bool rebase_view(Tensor& self, const Tensor& result, bool refresh_self = true, bool copied = false);
// copy_ / x[...] = src writes before it records, but PyTorch collects the write's edges first: a
// source that is another view of self's memory (v6 = x.view(()); x[None] = v6) must give the node
// its history from before the write, and regenerate from the base's new history afterwards (else
// it keeps the pre-write one, regenerated by the record: v6 would not see the write). Construct
// before the write; hold() after it, before recording; done() after recording.
struct PinViewSource {
  std::shared_ptr<TensorImpl> v;
  PinViewSource(const Tensor& src, const Tensor& self) {
    if (!src.defined() || !self.defined() || src.same(self) || !src.impl()->view_base ||
        src.impl()->storage != self.impl()->storage)
      return;
    (void)src.grad_fn();  // current as of now
    v = src.impl_ptr();
  }
  void hold() const {
    if (v) v->view_version = v->storage->version;
  }
  void done() const {
    if (v) v->view_version = v->storage->version - 1;
  }
};
// After an in-place op gave self a new grad_fn: self's retain_grad() moves to it (PyTorch).
void move_retained(Tensor& self, const std::shared_ptr<Node>& old_fn);
// t's retain_grad() hook (if any) moves to t's grad_fn from the node that ran it, which need not be
// the previous grad_fn (PyTorch's update_cpp_hooks_on_new_gradfn takes it out of the tensor's hooks
// list, wherever that list is).
void move_retain_hook(const std::shared_ptr<TensorImpl>& t);
// A mask of `shape`: 1 (true) where no element of the row-major `positions` (int64) was written.
Tensor unwritten_mask(const Tensor& positions, const Shape& shape, DType dtype);

// Returns (making on demand) the AccumulateGrad node of a leaf that requires grad.
std::shared_ptr<Node> grad_accumulator(const Tensor& leaf);

// Destroys a shared_ptr without recursion: long chains of nodes and tensors are torn down by a
// loop over an explicit pending list.
void defer_release(std::shared_ptr<Node>&& p);
void defer_release(std::shared_ptr<TensorImpl>&& p);

}  // namespace tl
