// The Python-facing constructors of torch.nn modules and torch.optim optimizers: PyTorch 1.13's
// signatures as op-table-style schemas, so arguments bind (positional, keyword, defaults) and fail
// with the same messages as op calls. Used by the script interpreter (and any other binding).
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/nn/nn.h"
#include "engine/ops/value.h"
#include "engine/optim/optim.h"

namespace tl::nn {

using KwArgs = std::vector<std::pair<std::string, Value>>;

// True for the names of torch.nn classes tensorlens implements ("Linear", "ReLU", ...,
// "Sequential"); `module_classes()` lists them.
bool is_module_class(const std::string& name);
const std::vector<std::string>& module_classes();
// nn.NAME(*pos, **kw) for every class but Sequential (whose arguments are modules, which only
// the caller can unwrap). Throws tl::Error on a bad call.
ModulePtr make_module(const std::string& name, const std::vector<Value>& pos, const KwArgs& kw);

// The constructors' schemas ("Linear(int in_features, ...) -> Module"), for bindings that
// describe them (the npm module's types and docs).
const std::vector<std::string>& constructor_schemas();

bool is_optimizer_class(const std::string& name);  // "SGD", "Adam", "AdamW"
// torch.optim.NAME(params, *pos, **kw); `params` already unwrapped to tensors.
std::shared_ptr<optim::Optimizer> make_optimizer(const std::string& name, std::vector<Tensor> params,
                                                 const std::vector<Value>& pos, const KwArgs& kw);

}  // namespace tl::nn
