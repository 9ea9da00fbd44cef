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

// The nodes processed by the last backward/grad call, in order (weak: they may be freed).
const std::vector<std::weak_ptr<Node>>& last_backward_order();

}  // namespace tl::autograd
