// Computation-graph export of a script's result, for the CLI (`tensorlens graph`) and the
// playground.
//
// graph_json(result, var) returns:
//   {"var": "e",                 // the variable drawn ("" if the root has no name)
//    "root": 7,                  // id of the root tensor node
//    "nodes": [
//      {"id": 0, "kind": "tensor", "name": "a", "op": "", "grad_fn": "",
//       "shape": [2, 2], "dtype": "float32", "requires_grad": true, "is_leaf": true,
//       "value": [1.0, 2.0, 3.0, 4.0] | null, "grad": [...] | null,   // first <= 6 values
//       "numel": 4, "span": {"line": 1, "col": 5} | null, "backward_order": 5,
//       "derivative": ""},
//      {"id": 2, "kind": "op", "name": "", "op": "mm", "grad_fn": "MmBackward0", ...,
//       "derivative": "grad_a = g @ b^T; ...", "backward_order": 1}, ...],
//    "edges": [{"from": 0, "to": 2}, ...],   // input -> op -> output tensor
//    "backward_order": [7, 2, 0, ...],       // node ids in the order backward processes them
//    "modules": [{"id": 1, "parent": 0, "name": "fc1", "type": "Linear",
//                 "extra": "in_features=4, out_features=8, bias=True"}, ...],
//    "composites": [{"id": 1, "head": 3, "op": "mean", "grad_fn": "MeanBackward0"}, ...],
//    "steps": [...]}                         // the last backward, step by step (trace_backward runs)
// and on nodes, only where set (absent: false / 0 / no NaN or Inf):
//       "constant": true,        // an input that needs no gradient (data, targets, no_grad results)
//       "module": 2,             // the nn.Module call that made it (modules[].id)
//       "composite": 1,          // the composite call that made it (composites[].id)
//       "nonfinite": {"value": true | false | null, "grad": ...}   // a NaN/Inf in ALL elements of one
//
// Modules: one entry per module *call* (two calls of fc1 are two entries), parents listed before
// their children; `name` is the attribute path under the enclosing call ("fc1", "layers.0"), or
// the script's variable for a call from the script ("net"). Composites: ops that record several
// autograd nodes (mean = sum + div, nn.Linear = transpose + mm + add); `head` is the op node of
// the composite's output, `op` the op-table name (or, for nn modules, derived from grad_fn:
// "addmm", "mse_loss"). A named intermediate tensor node carries its producer's grad_fn (what
// print(t.grad_fn) shows). Constants: one node per input tensor that needs no gradient, named and
// previewed while alive (an unnamed 0-d one that is gone, a wrapped scalar, is left out).
// Op nodes' "value" previews the op's output also when it is unnamed: graph runs
// (RunOptions::trace_backward) keep ops' outputs as data aliases, 64 MiB at most.
// Steps carry "grad_nonfinite": true and step inputs "nonfinite": true where there is a NaN/Inf.
//
// Nodes: one "op" node per autograd Node (its op-table name, grad_fn name and the op row's
// derivative formula); one "tensor" node per leaf in the graph and per op output that was bound
// to a variable (plus the root tensor). Where an op's output has no tensor node, the edge runs
// op -> op. "value"/"grad" are null when the tensor is no longer alive (an unnamed intermediate).
// "span" is where the script created the tensor/op (the operator or callee of the expression).
// "backward_order" is the node's position in autograd::backward_order({root}) — for op nodes the
// op's own position, for a leaf its AccumulateGrad node's, for a named intermediate its
// producing op's (when its gradient is complete) — and -1 when backward would not reach it.
// Non-finite numbers are the strings "nan", "inf", "-inf".
//
// graph_dot(result, var) renders the same graph for Graphviz (`dot -Tsvg`): top-down, tensors as
// boxes (leaves that require grad blue, other leaves grey, named intermediates yellow, the root
// bold), ops as ellipses.
//
// Both walk the autograd graph iteratively (explicit stack), visiting shared subgraphs once.
// `var` names a tensor variable of the result; empty means the tensor backward() was last
// called on, else the last assigned tensor. Throws tl::Error when there is no such tensor.
#pragma once
#include <string>

#include "engine/lang/interpreter.h"

namespace tl::lang {

std::string graph_json(const RunResult& result, const std::string& var = "");
std::string graph_dot(const RunResult& result, const std::string& var = "");

}  // namespace tl::lang
