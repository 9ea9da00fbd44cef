// The backward engine: topological order by dependency counts with an explicit stack and a
// ready queue (never recursion), gradient accumulation, and the one central place where a
// gradient is reduced to its input's shape (sum_to) and cast to its dtype.
#pragma once
#include <memory>
#include <optional>
#include <vector>

#include "engine/autograd/node.h"

namespace tl::autograd {

// The nodes backward would process for these roots, in processing order: a node runs only
// after every node that feeds it a gradient; among ready nodes the most recently created runs
// first (PyTorch's order), and AccumulateGrad nodes (leaves) run as soon as they are ready.
std::vector<std::shared_ptr<Node>> backward_order(const std::vector<std::shared_ptr<Node>>& roots);

// torch.autograd.backward: accumulates into the .grad of leaves (and retain_grad tensors).
void backward(const std::vector<Tensor>& outputs, const std::vector<Tensor>& grad_outputs = {},
              bool retain_graph = false, bool create_graph = false);

// torch.autograd.grad: returns d(outputs)/d(inputs) without touching .grad. retain_graph
// defaults to create_graph. Unused inputs give an error unless allow_unused (then undefined).
std::vector<Tensor> grad(const std::vector<Tensor>& outputs, const std::vector<Tensor>& inputs,
                         const std::vector<Tensor>& grad_outputs = {}, std::optional<bool> retain_graph = {},
                         bool create_graph = false, bool allow_unused = false);

// A gradient formula's factor that is piecewise constant in `from` (fmod's trunc(a / b)): with
// grad mode on (create_graph) and any of `from` requiring grad, an alias of v with a node named
// `name` whose inputs are `from` and whose backward is zero, as PyTorch's differentiable (zero-
// derivative) op there; else v itself. no_grad: the node's backward gives `from` no gradient at
// all (None, not zeros), as a PyTorch double-backward formula that leaves them undefined.
Tensor piecewise_constant(const Tensor& v, const std::vector<Tensor>& from, const char* name, bool no_grad = false);

// A number that changes with each backward/grad call (nested ones too): which pass a node runs in.
uint64_t backward_pass_id();

// PyTorch's check of a given gradient against its output's shape (RuntimeError "Mismatch in shape").
void check_grad_output(const Tensor& out, const Tensor& g, size_t i);

// The nodes processed by the last backward/grad call, in order (weak: they may be freed).
const std::vector<std::weak_ptr<Node>>& last_backward_order();

// backward(create_graph=True) leaves .grad tensors that carry a graph; that graph saves the
// parameter, so parameter -> .grad -> graph -> parameter is a reference cycle (PyTorch has the
// same one and warns about it). This replaces every such .grad made since the last call by a
// detached copy of its values, breaking the cycles. The interpreter calls it when a run ends.
void release_grad_graphs();
// Registers a tensor whose .grad was assigned by hand (`x.grad = y`), which can close a cycle
// too (`x.grad = x`, or a y whose graph saved x); release_grad_graphs() detaches those as well.
void note_assigned_grad(const std::shared_ptr<TensorImpl>& owner);

// Optional trace of what each backward step did, for the playground's step-through view. Off by
// default (one branch per node when off).
struct TraceInput {
  int index = 0;                      // which input of the node
  std::weak_ptr<Node> to;             // the node the gradient flows to
  Tensor grad;                        // the gradient as it arrives (after sum_to and cast)
  Shape produced_shape;               // the shape the op's backward produced
  std::vector<int64_t> summed_dims;   // dims summed away by the engine's sum_to (broadcast)
  bool accumulated = false;           // added to a gradient that was already waiting there
  Tensor produced_grad;               // with summed_dims: the contribution before the sum_to
};
struct TraceStep {
  std::weak_ptr<Node> node;
  Tensor grad_out;                    // the gradient flowing into this node
  std::vector<TraceInput> inputs;
};
void set_trace_enabled(bool on);
const std::vector<TraceStep>& last_backward_trace();

}  // namespace tl::autograd
