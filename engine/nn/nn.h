// torch.nn modules (PyTorch 1.13 semantics), built only on the public op API (engine/ops/ops.h):
// a module's forward is a composition of op-table ops, so autograd, the graph view and the
// gradchecks of those ops cover it; nothing here touches the autograd machinery.
//
//   auto model = nn::Sequential::make({nn::Linear::make(2, 16), nn::ReLU::make(), nn::Linear::make(16, 1)});
//   Tensor y = model->forward({x});              // (N, 1)
//   for (auto& [name, p] : model->named_parameters()) ...   // "0.weight", "0.bias", "2.weight", ...
//
// Parameters are leaf tensors that require grad, registered in PyTorch's order (so default
// initialisation draws the same random numbers in the same order as PyTorch). Each parameter's
// TensorImpl::name is its qualified name ("0.weight"): the graph view labels leaves no variable
// names with it. Modules are held by shared_ptr: a Sequential shares its children (model[0] is the
// same Linear the Sequential calls), as in Python.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/error.h"
#include "engine/core/tensor.h"
#include "engine/ops/value.h"

namespace tl {
struct ModuleScope;
}

namespace tl::nn {

class Module;
using ModulePtr = std::shared_ptr<Module>;

class Module {
 public:
  virtual ~Module() = default;
  virtual std::string type_name() const = 0;  // "Linear"
  // The call `module(*inputs)`. Most modules take one tensor; losses take (input, target).
  virtual Tensor forward(const std::vector<Tensor>& inputs) = 0;
  // PyTorch's extra_repr: "in_features=2, out_features=16, bias=True".
  virtual std::string extra_repr() const { return ""; }
  // Modules whose call is not tensors in, one tensor out (LSTM: (input, (h0, c0)) -> (output, (h, c)))
  // say so here and implement call_values; the caller passes Python values through.
  virtual bool takes_values() const { return false; }
  virtual Value call_values(const std::vector<Value>& args);
  // PyTorch's repr (nested children on their own lines, indented by two spaces).
  std::string repr() const;

  // Own parameters in registration order; an undefined tensor stands for a None parameter
  // (Linear(bias=False).bias).
  const std::vector<std::pair<std::string, Tensor>>& own_parameters() const { return params_; }
  const std::vector<std::pair<std::string, ModulePtr>>& children() const { return children_; }
  // Buffers (BatchNorm's running_mean, running_var, num_batches_tracked) in registration order:
  // state_dict entries after the module's parameters; an undefined tensor stands for None.
  const std::vector<std::pair<std::string, Tensor>>& own_buffers() const { return buffers_; }
  // Parameters of this module and its children (depth first, registration order), qualified
  // names, each tensor once (PyTorch's remove_duplicate=True), None parameters skipped.
  std::vector<std::pair<std::string, Tensor>> named_parameters() const;
  std::vector<Tensor> parameters() const;
  // Own parameter or child by attribute name; nullptr if there is none.
  const Tensor* find_parameter(const std::string& name) const;
  ModulePtr find_child(const std::string& name) const;

  bool training() const { return training_; }
  void train(bool mode = true);  // recursive, as nn.Module.train
  void eval() { train(false); }
  // nn.Module.zero_grad(set_to_none=False) of PyTorch 1.13: grads are zeroed in place (detached
  // first if they have a history); set_to_none=True drops them.
  void zero_grad(bool set_to_none = false);

 protected:
  // Registers a parameter: makes it a leaf that requires grad and names it.
  void register_parameter(const std::string& name, Tensor t);
  void register_module(const std::string& name, ModulePtr m);
  void register_buffer(const std::string& name, Tensor t) { buffers_.emplace_back(name, std::move(t)); }

  std::vector<std::pair<std::string, Tensor>> params_;
  std::vector<std::pair<std::string, Tensor>> buffers_;
  std::vector<std::pair<std::string, ModulePtr>> children_;
  bool training_ = true;
};

// The scope of one call of `m` for the graph's module clusters (autograd/node.h, ModuleScope):
// named under the enclosing module call (a child "fc1", a descendant "layers.0"), else `fallback`
// (the script's variable). Install it with a ModuleScopeGuard around the call.
std::shared_ptr<const ModuleScope> module_call_scope(const Module& m, const std::string& fallback);

// A float as Python's repr prints it (0.5, 1e-05, 0.01): for extra_repr.
std::string py_float(double v);

// ---------------- layers ----------------
// y = x W^T + b; W (out, in) = kaiming_uniform_(a=sqrt(5)), b (out) = U(-1/sqrt(in), 1/sqrt(in)).
class Linear : public Module {
 public:
  Linear(int64_t in_features, int64_t out_features, bool bias = true);
  static ModulePtr make(int64_t in, int64_t out, bool bias = true) { return std::make_shared<Linear>(in, out, bias); }
  std::string type_name() const override { return "Linear"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override;
  const Tensor& weight() const { return params_[0].second; }
  const Tensor& bias() const { return params_[1].second; }
  int64_t in_features, out_features;
};

class Sequential : public Module {
 public:
  explicit Sequential(std::vector<ModulePtr> mods);
  static std::shared_ptr<Sequential> make(std::vector<ModulePtr> mods) { return std::make_shared<Sequential>(std::move(mods)); }
  // With given child names (model[1:] keeps the names "1", "2", ... as PyTorch's slice does).
  static std::shared_ptr<Sequential> make_named(std::vector<std::pair<std::string, ModulePtr>> mods);
  std::string type_name() const override { return "Sequential"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  size_t size() const { return children_.size(); }
  // add_module(name, m): appended, or replacing the child of that name in place (PyTorch's dict).
  void add_child(const std::string& name, ModulePtr m);
  // model[i] (negative i counts from the end); throws IndexError-style tl::Error out of range.
  ModulePtr at(int64_t i) const;
};

// Parameterless activations.
class Activation : public Module {
 public:
  enum class Kind { ReLU, Tanh, Sigmoid, GELU };
  explicit Activation(Kind k) : kind(k) {}
  static ModulePtr make(Kind k) { return std::make_shared<Activation>(k); }
  std::string type_name() const override;
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override { return kind == Kind::GELU ? "approximate='none'" : ""; }
  Kind kind;
};

class LeakyReLU : public Module {
 public:
  explicit LeakyReLU(double negative_slope = 0.01) : negative_slope(negative_slope) {}
  std::string type_name() const override { return "LeakyReLU"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override { return "negative_slope=" + py_float(negative_slope); }
  double negative_slope;
};

class LogSoftmax : public Module {
 public:
  explicit LogSoftmax(int64_t dim) : dim(dim) {}
  std::string type_name() const override { return "LogSoftmax"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override { return "dim=" + std::to_string(dim); }
  int64_t dim;
};

// Flattens dims start_dim..end_dim (a view when the input is contiguous).
class Flatten : public Module {
 public:
  Flatten(int64_t start_dim = 1, int64_t end_dim = -1) : start_dim(start_dim), end_dim(end_dim) {}
  std::string type_name() const override { return "Flatten"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override {
    return "start_dim=" + std::to_string(start_dim) + ", end_dim=" + std::to_string(end_dim);
  }
  int64_t start_dim, end_dim;
};

// Its input, unchanged (a placeholder layer).
class Identity : public Module {
 public:
  std::string type_name() const override { return "Identity"; }
  Tensor forward(const std::vector<Tensor>& in) override {
    TL_CHECK(in.size() == 1, "Identity.forward() takes 1 input, got ", in.size());
    return in[0];
  }
};

// dim None (deprecated in PyTorch): the implicit dim of F.softmax (0 for 0-, 1- and 3-D inputs, else 1),
// with PyTorch's UserWarning.
class Softmax : public Module {
 public:
  explicit Softmax(std::optional<int64_t> dim) : dim(dim) {}
  std::string type_name() const override { return "Softmax"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override { return "dim=" + (dim ? std::to_string(*dim) : std::string("None")); }
  std::optional<int64_t> dim;
};

// Train: x * (bernoulli(1 - p) / (1 - p)) with a fresh mask per call (F.dropout); eval: x itself.
class Dropout : public Module {
 public:
  explicit Dropout(double p = 0.5, bool inplace = false);
  std::string type_name() const override { return "Dropout"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override { return "p=" + py_float(p) + ", inplace=" + (inplace ? "True" : "False"); }
  double p;
  bool inplace;
};

// Normalises over the last normalized_shape.size() dims: (x - mean) / sqrt(var_biased + eps) * w + b;
// w = ones, b = zeros (when elementwise_affine).
class LayerNorm : public Module {
 public:
  LayerNorm(std::vector<int64_t> normalized_shape, double eps = 1e-5, bool elementwise_affine = true);
  std::string type_name() const override { return "LayerNorm"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override;
  std::vector<int64_t> normalized_shape;
  double eps;
  bool elementwise_affine;
};

// weight (num, dim) ~ N(0, 1); forward(idx) = weight[idx] (shape idx.shape + (dim,)).
// padding_idx: that row is zeroed at init and gets no gradient (PyTorch's embedding backward skips it).
// from_pretrained: the given weight (frozen unless freeze=False).
class Embedding : public Module {
 public:
  Embedding(int64_t num_embeddings, int64_t embedding_dim, std::optional<int64_t> padding_idx = std::nullopt,
            Tensor weight = Tensor(), bool freeze = false);
  std::string type_name() const override { return "Embedding"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override {
    return std::to_string(num_embeddings) + ", " + std::to_string(embedding_dim) +
           (padding_idx ? ", padding_idx=" + std::to_string(*padding_idx) : "");
  }
  int64_t num_embeddings, embedding_dim;
  std::optional<int64_t> padding_idx;
};

// A Python value as repr prints it in a module's extra_repr: 2, (2, 3), [2, 3], None, 'same'.
std::string py_repr(const Value& v);
// Prints PyTorch's UserWarning text on stderr (stdout stays what the script prints).
void warn(const std::string& message);

// y = conv2d(x, W, b); W (out, in/groups, kh, kw) = kaiming_uniform_(a=sqrt(5)), b (out) =
// U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in = in/groups * kh * kw (nn.Linear's init, PyTorch's order).
class Conv2d : public Module {
 public:
  Conv2d(int64_t in_channels, int64_t out_channels, std::vector<int64_t> kernel_size, std::vector<int64_t> stride,
         std::vector<int64_t> padding, std::string padding_str, std::vector<int64_t> dilation, int64_t groups, bool bias);
  std::string type_name() const override { return "Conv2d"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override;
  int64_t in_channels, out_channels, groups;
  std::vector<int64_t> kernel_size, stride, padding, dilation;  // pairs
  std::string padding_str;  // 'same' / 'valid' when given as a string
};

// Pooling modules keep their arguments as given (an int or a tuple), since their repr prints them so.
class MaxPool2d : public Module {
 public:
  MaxPool2d(Value kernel_size, Value stride, Value padding, Value dilation, bool return_indices, bool ceil_mode);
  std::string type_name() const override { return "MaxPool2d"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  bool takes_values() const override { return return_indices; }  // (values, indices)
  Value call_values(const std::vector<Value>& args) override;
  std::string extra_repr() const override;
  Value kernel_size, stride, padding, dilation;
  bool return_indices, ceil_mode;
};

class AvgPool2d : public Module {
 public:
  AvgPool2d(Value kernel_size, Value stride, Value padding, bool ceil_mode, bool count_include_pad,
            std::optional<int64_t> divisor_override);
  std::string type_name() const override { return "AvgPool2d"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override;
  Value kernel_size, stride, padding;
  bool ceil_mode, count_include_pad;
  std::optional<int64_t> divisor_override;
};

class AdaptiveAvgPool2d : public Module {
 public:
  explicit AdaptiveAvgPool2d(Value output_size) : output_size(std::move(output_size)) {}
  std::string type_name() const override { return "AdaptiveAvgPool2d"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override { return "output_size=" + py_repr(output_size); }
  Value output_size;
};

// Unflatten(dim, sizes): dim of the input becomes the dims `sizes` (a view).
class Unflatten : public Module {
 public:
  Unflatten(int64_t dim, std::vector<int64_t> sizes, char style = 't') : dim(dim), sizes(std::move(sizes)), style(style) {}
  std::string type_name() const override { return "Unflatten"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override;
  int64_t dim;
  std::vector<int64_t> sizes;
  char style;  // how unflattened_size was given, for the repr: 't' tuple, 'l' list, 's' torch.Size
};

// BatchNorm1d ((N, C) or (N, C, L)) and BatchNorm2d ((N, C, H, W)): in training (or without running
// stats) normalise with the batch's mean and biased variance over all dims but C, and update
// running_mean/var with momentum (the unbiased variance; momentum None: cumulative average over
// num_batches_tracked); in eval with the running stats. weight = 1, bias = 0.
class BatchNorm : public Module {
 public:
  BatchNorm(int dims, int64_t num_features, double eps, std::optional<double> momentum, bool affine,
            bool track_running_stats);
  std::string type_name() const override { return dims == 2 ? "BatchNorm2d" : "BatchNorm1d"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override;
  int dims;  // 1 or 2
  int64_t num_features;
  double eps;
  std::optional<double> momentum;
  bool affine, track_running_stats;
};

// LSTM (PyTorch 1.13's CPU algorithm): per layer and step t, gates = (h W_hh^T + b_hh) + (x_t W_ih^T + b_ih)
// (the input part for all steps at once), chunked i, f, g, o: c' = sigmoid(f) * c + sigmoid(i) * tanh(g),
// h' = sigmoid(o) * tanh(c'). Input (T, B, I) (batch_first: (B, T, I)) or unbatched (T, I); optional
// (h0, c0) of (layers, B, H). Returns (output (T, B, H), (h_n, c_n)); dropout between layers in training.
// Every parameter ~ U(-1/sqrt(H), 1/sqrt(H)), drawn in registration order
// (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, weight_ih_l1, ...).
class LSTM : public Module {
 public:
  LSTM(int64_t input_size, int64_t hidden_size, int64_t num_layers, bool bias, bool batch_first, double dropout);
  std::string type_name() const override { return "LSTM"; }
  Tensor forward(const std::vector<Tensor>& in) override;  // output only
  bool takes_values() const override { return true; }
  Value call_values(const std::vector<Value>& args) override;
  std::string extra_repr() const override;
  // output, h_n, c_n
  std::vector<Tensor> run(const Tensor& input, const Tensor& h0, const Tensor& c0);
  int64_t input_size, hidden_size, num_layers;
  bool bias, batch_first;
  double dropout;
};

// PReLU: max(0, x) + weight * min(0, x), weight (num_parameters) = init (0.25), per channel (dim 1).
class PReLU : public Module {
 public:
  PReLU(int64_t num_parameters, double init);
  std::string type_name() const override { return "PReLU"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  std::string extra_repr() const override { return "num_parameters=" + std::to_string(num_parameters); }
  int64_t num_parameters;
};

// ---------------- losses: forward({input, target}) ----------------
enum class Reduction { None, Mean, Sum };
// "none" | "mean" | "sum"; anything else is PyTorch's ValueError.
Reduction parse_reduction(const std::string& s);
const char* reduction_name(Reduction r);

class Loss : public Module {
 public:
  explicit Loss(Reduction r) : reduction(r) {}
  std::string extra_repr() const override { return ""; }
  Reduction reduction;
  // PyTorch checks the reduction string only when the loss is called: a bad one is kept here and
  // reported by forward.
  std::string invalid_reduction;

 protected:
  void check_reduction() const;
};

class MSELoss : public Loss {
 public:
  explicit MSELoss(Reduction r = Reduction::Mean) : Loss(r) {}
  std::string type_name() const override { return "MSELoss"; }
  Tensor forward(const std::vector<Tensor>& in) override;
};

// Class-index targets (int64, (N,) or ()) or class-probability targets (floating, input's shape).
class CrossEntropyLoss : public Loss {
 public:
  explicit CrossEntropyLoss(Reduction r = Reduction::Mean, int64_t ignore_index = -100) : Loss(r), ignore_index(ignore_index) {}
  std::string type_name() const override { return "CrossEntropyLoss"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  int64_t ignore_index;
};

// Log-probability inputs (N, C) or (C,), class-index targets.
class NLLLoss : public Loss {
 public:
  explicit NLLLoss(Reduction r = Reduction::Mean, int64_t ignore_index = -100) : Loss(r), ignore_index(ignore_index) {}
  std::string type_name() const override { return "NLLLoss"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  int64_t ignore_index;
};

class BCEWithLogitsLoss : public Loss {
 public:
  explicit BCEWithLogitsLoss(Reduction r = Reduction::Mean, Tensor pos_weight = Tensor())
      : Loss(r), pos_weight(std::move(pos_weight)) {}
  std::string type_name() const override { return "BCEWithLogitsLoss"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  Tensor pos_weight;  // weights the positive term: -(p y log s(x) + (1 - y) log(1 - s(x)))
};

// mean |x - y|
class L1Loss : public Loss {
 public:
  explicit L1Loss(Reduction r = Reduction::Mean) : Loss(r) {}
  std::string type_name() const override { return "L1Loss"; }
  Tensor forward(const std::vector<Tensor>& in) override;
};

// |d| < beta: 0.5 d^2 / beta, else |d| - 0.5 beta  (d = x - y)
class SmoothL1Loss : public Loss {
 public:
  explicit SmoothL1Loss(Reduction r = Reduction::Mean, double beta = 1.0) : Loss(r), beta(beta) {}
  std::string type_name() const override { return "SmoothL1Loss"; }
  Tensor forward(const std::vector<Tensor>& in) override;
  double beta;
};

// -(y log x + (1 - y) log(1 - x)), each log clamped at -100 (PyTorch's)
class BCELoss : public Loss {
 public:
  explicit BCELoss(Reduction r = Reduction::Mean) : Loss(r) {}
  std::string type_name() const override { return "BCELoss"; }
  Tensor forward(const std::vector<Tensor>& in) override;
};

}  // namespace tl::nn
