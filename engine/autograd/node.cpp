#include "engine/autograd/node.h"

#include "engine/ops/op_table.h"

namespace tl {

static uint64_t g_seq = 0;
static void (*g_record_observer)(const Node&) = nullptr;
static thread_local int t_src_line = 0, t_src_col = 0;
void set_source_pos(int line, int col) { t_src_line = line, t_src_col = col; }
SourcePosGuard::SourcePosGuard(int l, int c) : line(t_src_line), col(t_src_col) { set_source_pos(l, c); }
SourcePosGuard::~SourcePosGuard() { set_source_pos(line, col); }

static thread_local std::shared_ptr<const ModuleScope> t_module;
const std::shared_ptr<const ModuleScope>& current_module_scope() { return t_module; }
ModuleScopeGuard::ModuleScopeGuard(std::shared_ptr<const ModuleScope> s) : prev(std::move(t_module)) {
  t_module = std::move(s);
}
ModuleScopeGuard::~ModuleScopeGuard() { t_module = std::move(prev); }

uint64_t last_node_seq() { return g_seq; }

static thread_local int64_t t_keep_budget = 0;
int64_t set_keep_outputs(int64_t budget_bytes) {
  const int64_t prev = t_keep_budget;
  t_keep_budget = budget_bytes;
  return prev;
}

void mark_composite(const Tensor& out, uint64_t seq_before, const char* op) {
  if (!out.defined() || !out.grad_fn()) return;
  Node* head = out.grad_fn().get();
  if (head->is_accumulate() || head->seq <= seq_before) return;  // not made by this call
  std::vector<Node*> stack{head};
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    if (n->composite == head->seq) continue;  // already marked (shared inside the group)
    n->composite = head->seq;
    if (n != head) n->composite_op = nullptr;  // an inner composite's label gives way
    for (const Edge& e : n->next)
      if (e.fn && !e.fn->is_accumulate() && e.fn->seq > seq_before) stack.push_back(e.fn.get());
  }
  head->composite_op = op;
}

Node::Node() { stats().live_nodes++; }
Node::~Node() {
  stats().live_nodes--;
  // Hand everything that can own further graph to the iterative teardown.
  for (Edge& e : next)
    if (e.fn) defer_release(std::move(e.fn));
  for (SavedTensor& s : saved)
    if (s.impl) defer_release(std::move(s.impl));
  if (leaf_view) defer_release(std::move(leaf_view));
  if (out_view) defer_release(std::move(out_view));
  if (grad_buffer.defined()) {
    auto p = grad_buffer.impl_ptr();
    grad_buffer = Tensor();
    defer_release(std::move(p));
  }
}

static std::string torch_type_name(const TensorImpl& t) {
  return std::string("[torch.") + dtype_legacy_name(t.dtype) + " " + sizes_str(t.shape) + "]";
}

Tensor Node::saved_tensor(size_t i) {
  TL_CHECK(!released,
           "Trying to backward through the graph a second time (or directly access saved tensors after "
           "they have already been freed). Saved intermediate values of the graph are freed when you call "
           ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
           "graph a second time or if you need to access saved tensors after calling backward.");
  SavedTensor& s = saved.at(i);
  if (!s.impl) return Tensor();  // not needed for the gradients this node computes
  if (s.impl->storage->version != s.version) {
    // PyTorch's SavedVariable::unpack names the saved tensor's node: this one for an output, else
    // the original's grad_fn as read now (a saved view's is regenerated; a leaf has none).
    std::string of = name();
    if (!s.is_output) {
      std::shared_ptr<Node> fn = s.impl->grad_fn;
      if (auto o = s.original.lock()) fn = Tensor(o).grad_fn();
      of = fn ? fn->name() : std::string();
    }
    TL_FAIL("one of the variables needed for gradient computation has been modified by an inplace "
            "operation: ",
            torch_type_name(*s.impl), (of.empty() ? "" : ", which is output 0 of "), of, (of.empty() ? "" : ","),
            " is at version ", s.impl->storage->version, "; expected version ", s.version, " instead.");
  }
  if (!s.is_output) return Tensor(s.impl);
  // Re-attach the output to this node so formulas that use it stay differentiable.
  auto t = data_alias(Tensor(s.impl));
  t->requires_grad = true;
  t->grad_fn = shared_from_this();
  return Tensor(t);
}

Tensor Node::leaf_tensor() const {
  if (auto l = leaf.lock()) return Tensor(l);
  return Tensor(leaf_view);
}

std::string Node::name() const {
  if (is_accumulate()) return "AccumulateGrad";
  if (display) return display;
  return row->grad_fn;
}
const char* Node::op() const { return row ? row->name.c_str() : "accumulate_grad"; }
const char* Node::derivative() const { return row ? row->derivative : ""; }

bool any_requires_grad(std::initializer_list<const Tensor*> inputs) {
  for (const Tensor* t : inputs)
    if (t->defined() && t->requires_grad()) return true;
  return false;
}

void custom_backward(Node& node, const Tensor& grad_out, std::vector<Tensor>& grads) {
  TL_CHECK(node.attrs().custom, "custom backward: the function is gone");
  node.attrs().custom(grad_out, grads);
}

uint64_t next_hook_id() {
  static uint64_t id = 0;  // handles are keyed by id, like PyTorch's RemovableHandle.id
  return id++;
}

std::shared_ptr<Node> grad_accumulator(const Tensor& leaf) {
  TensorImpl* impl = leaf.impl();
  if (auto n = impl->grad_accumulator.lock()) return n;
  auto n = std::make_shared<Node>();
  n->seq = UINT64_MAX;  // as in PyTorch: accumulate as soon as ready
  n->leaf = leaf.impl_ptr();
  n->accumulate = true;
  auto v = data_alias(leaf);
  v->requires_grad = true;
  n->leaf_view = std::move(v);
  n->out_shape = impl->shape;
  n->out_dtype = impl->dtype;
  impl->grad_accumulator = n;
  return n;
}

static thread_local bool t_inplace_record = false;
InplaceRecordGuard::InplaceRecordGuard() : prev(t_inplace_record) { t_inplace_record = true; }
InplaceRecordGuard::~InplaceRecordGuard() { t_inplace_record = prev; }

template <class Range, class Get>
static Node* record_impl(const OpDef& row, const Range& inputs, size_t count, Get get, Tensor& out) {
  if (!grad_enabled()) return nullptr;
  bool any = false;
  for (const auto& x : inputs) {
    const Tensor& t = get(x);
    if (t.defined() && t.requires_grad()) {
      any = true;
      (void)t.grad_fn();  // a stale view's regenerated node is made now, so it precedes this one
    }
  }
  if (!any) return nullptr;
  TL_CHECK(row.backward, "op table: row ", row.key, " records a node but has no backward");
  TL_CHECK(t_inplace_record || is_floating(out.dtype()), "isDifferentiableType(variable.scalar_type()) INTERNAL ASSERT "
           "FAILED at \"./torch/csrc/autograd/functions/utils.h\":75, please report a bug to PyTorch. ");
  auto n = std::make_shared<Node>();
  n->row = &row;
  n->seq = ++g_seq;
  n->src_line = t_src_line, n->src_col = t_src_col;
  n->module = t_module;
  n->next.resize(count);
  n->inputs.resize(count);
  size_t i = 0;
  for (const auto& x : inputs) {
    const Tensor& t = get(x);
    if (t.defined()) {
      n->inputs[i] = InputMeta{t.shape(), t.dtype(), {}};
      // A view made under no_grad of a base that requires grad requires grad but has no edge
      // (PyTorch: no grad_fn and no AccumulateGrad of its own).
      if (t.requires_grad())
        n->next[i].fn = t.grad_fn() ? t.grad_fn() : t.impl()->requires_grad ? grad_accumulator(t) : nullptr;
      else n->inputs[i].constant = t.impl_ptr();
    }
    ++i;
  }
  n->out_shape = out.shape();
  n->out_dtype = out.dtype();
  if (t_keep_budget > 0) {
    const int64_t bytes = out.numel() * int64_t(dtype_size(out.dtype()));
    if (bytes <= t_keep_budget) n->out_view = data_alias(out), t_keep_budget -= bytes;
  }
  out.impl()->grad_fn = n;
  out.impl()->requires_grad = true;
  if (g_record_observer) g_record_observer(*n);
  return n.get();
}

Node* record(const OpDef& row, std::initializer_list<const Tensor*> inputs, Tensor& out) {
  return record_impl(row, inputs, inputs.size(), [](const Tensor* t) -> const Tensor& { return *t; }, out);
}
Node* record(const OpDef& row, const std::vector<Tensor>& inputs, Tensor& out) {
  return record_impl(row, inputs, inputs.size(), [](const Tensor& t) -> const Tensor& { return t; }, out);
}
void set_record_observer(void (*fn)(const Node&)) { g_record_observer = fn; }

void save(Node* n, const Tensor& t) {
  if (!t.defined()) {  // a slot kept so saved indices stay fixed
    n->saved.push_back(SavedTensor{});
    return;
  }
  TL_CHECK(!t.impl()->is_inference,
           "Inference tensors cannot be saved for backward. To work around you can make a clone to get a normal "
           "tensor and use it in autograd.");
  n->had_saved = true;
  if (!t.impl()->view_base) {
    n->saved.push_back(SavedTensor{t.impl_ptr(), t.version(), false, t.impl()});
    return;
  }
  auto a = data_alias(t);
  a->is_view = true;
  a->grad_fn = t.grad_fn();
  a->requires_grad = t.impl()->requires_grad;
  a->grad_accumulator = t.impl()->grad_accumulator;
  n->saved.push_back(SavedTensor{std::move(a), t.version(), false, t.impl()});
  n->saved.back().original = t.impl_ptr();
}

void save_not_self(Node* n, const Tensor& t) {
  save(n, t);
  n->saved.back().not_self = true;
}

std::shared_ptr<TensorImpl> data_alias(const Tensor& t) {
  auto a = std::make_shared<TensorImpl>();
  a->storage = t.impl()->storage;
  a->shape = t.shape();
  a->strides = t.strides();
  a->offset = t.impl()->offset;
  a->dtype = t.dtype();
  a->is_zero = t.impl()->is_zero;
  return a;
}

void save_output(Node* n, const Tensor& out) {
  n->had_saved = true;
  n->saved.push_back(SavedTensor{data_alias(out), out.version(), true});
}

}  // namespace tl
