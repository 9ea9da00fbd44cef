// torch.nn modules on the public op API. See nn.h.
#include "engine/nn/nn.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

#include "engine/core/error.h"
#include "engine/ops/op_table.h"
#include "engine/ops/ops.h"

namespace tl::nn {

std::string py_float(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  for (int prec = 1; prec <= 17; ++prec) {  // shortest round-trip, as Python's repr
    std::snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string s = buf;
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

// ---------------- Module ----------------
std::string Module::repr() const {
  std::string r = type_name() + "(" + extra_repr();
  if (children_.empty()) return r + ")";
  r += extra_repr().empty() ? "\n" : ",\n";  // unreachable ',' case for our modules; kept for shape
  for (const auto& [name, m] : children_) {
    std::string c = m->repr(), ind;
    for (char ch : c) ind += ch == '\n' ? std::string("\n  ") : std::string(1, ch);
    r += "  (" + name + "): " + ind + "\n";
  }
  return r + ")";
}

std::vector<std::pair<std::string, Tensor>> Module::named_parameters() const {
  std::vector<std::pair<std::string, Tensor>> out;
  std::unordered_set<const TensorImpl*> seen;
  // Depth first over (module, prefix), children in registration order, with an explicit stack.
  std::vector<std::pair<const Module*, std::string>> stack{{this, ""}};
  while (!stack.empty()) {
    auto [m, prefix] = stack.back();
    stack.pop_back();
    for (const auto& [n, t] : m->params_)
      if (t.defined() && seen.insert(t.impl()).second) out.emplace_back(prefix + n, t);
    for (auto it = m->children_.rbegin(); it != m->children_.rend(); ++it)
      stack.emplace_back(it->second.get(), prefix + it->first + ".");
  }
  return out;
}

std::vector<Tensor> Module::parameters() const {
  std::vector<Tensor> out;
  for (auto& [n, t] : named_parameters()) out.push_back(t);
  return out;
}

const Tensor* Module::find_parameter(const std::string& name) const {
  for (const auto& [n, t] : params_)
    if (n == name) return &t;
  return nullptr;
}

ModulePtr Module::find_child(const std::string& name) const {
  for (const auto& [n, m] : children_)
    if (n == name) return m;
  return nullptr;
}

void Module::train(bool mode) {
  std::vector<Module*> stack{this};
  while (!stack.empty()) {
    Module* m = stack.back();
    stack.pop_back();
    m->training_ = mode;
    for (auto& [n, c] : m->children_) stack.push_back(c.get());
  }
}

void Module::zero_grad(bool set_to_none) {
  for (Tensor& p : parameters()) {
    Tensor g = p.grad();
    if (!g.defined()) continue;
    if (set_to_none) {
      p.set_grad(Tensor());
      continue;
    }
    if (g.grad_fn()) {  // p.grad.detach_(): keep the values, drop the history
      g = g.detach();
      p.set_grad(g);
    }
    NoGradGuard ng;
    zero_(g);
  }
}

void Module::register_parameter(const std::string& name, Tensor t) {
  if (t.defined()) {
    t.requires_grad_(true);
    t.impl()->name = name;
    t.impl()->is_param = true;
  }
  params_.emplace_back(name, std::move(t));
}

void Module::register_module(const std::string& name, ModulePtr m) {
  TL_CHECK(m != nullptr, "register_module: module '", name, "' is None");
  // Qualified names for the graph view: "0.weight", "1.0.bias", ...
  for (auto& [n, t] : m->named_parameters()) t.impl()->name = name + "." + n;
  children_.emplace_back(name, std::move(m));
}

// ---------------- layers ----------------
static const Tensor& one_input(const std::vector<Tensor>& in, const char* who) {
  TL_CHECK(in.size() == 1, who, ".forward() takes 1 positional argument but ", in.size(), " were given");
  TL_CHECK(in[0].defined(), who, ".forward(): expected a Tensor");
  return in[0];
}

Linear::Linear(int64_t in, int64_t out, bool bias) : in_features(in), out_features(out) {
  TL_CHECK(in >= 0 && out >= 0, "Trying to create tensor with negative dimension ", in < 0 ? in : out, ": [",
           out, ", ", in, "]");
  Tensor w = Tensor::empty(Shape{out, in}, default_float_dtype());  // torch.get_default_dtype()
  Tensor b = bias ? Tensor::empty(Shape{out}, default_float_dtype()) : Tensor();
  linear_reset_parameters(w, b);  // kaiming_uniform_(w, sqrt(5)), then b: PyTorch's draw order
  register_parameter("weight", w);
  register_parameter("bias", b);
}

Tensor Linear::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, "Linear");
  TL_CHECK(x.dim() >= 1 && x.shape()[x.dim() - 1] == in_features, "mat1 and mat2 shapes cannot be multiplied (",
           x.dim() >= 2 ? x.numel() / std::max<int64_t>(1, x.shape()[x.dim() - 1]) : 1, "x",
           x.dim() >= 1 ? x.shape()[x.dim() - 1] : 0, " and ", in_features, "x", out_features, ")");
  Tensor y = linear(x, weight(), bias());
  if (x.dim() == 2) label_node(y, bias().defined() ? "AddmmBackward0" : "MmBackward0", {&x});
  return y;
}

std::string Linear::extra_repr() const {
  return "in_features=" + std::to_string(in_features) + ", out_features=" + std::to_string(out_features) +
         ", bias=" + (bias().defined() ? "True" : "False");
}

Sequential::Sequential(std::vector<ModulePtr> mods) {
  for (size_t i = 0; i < mods.size(); ++i) register_module(std::to_string(i), std::move(mods[i]));
}

Tensor Sequential::forward(const std::vector<Tensor>& in) {
  TL_CHECK(in.size() == 1, "Sequential.forward() takes 1 positional argument but ", in.size(), " were given");
  Tensor x = in[0];
  for (auto& [n, m] : children_) x = m->forward({x});
  return x;
}

ModulePtr Sequential::at(int64_t i) const {
  const int64_t n = int64_t(children_.size());
  TL_CHECK(i >= -n && i < n, "IndexError: index ", i, " is out of range");
  return children_[size_t(i < 0 ? i + n : i)].second;
}

std::string Activation::type_name() const {
  switch (kind) {
    case Kind::ReLU: return "ReLU";
    case Kind::Tanh: return "Tanh";
    case Kind::Sigmoid: return "Sigmoid";
    case Kind::GELU: return "GELU";
  }
  return "?";
}

Tensor Activation::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, type_name().c_str());
  switch (kind) {
    case Kind::ReLU: return relu(x);
    case Kind::Tanh: return tanh(x);
    case Kind::Sigmoid: return sigmoid(x);
    case Kind::GELU: {
      Tensor y = gelu(x);
      label_node(y, "GeluBackward0", {&x});
      return y;
    }
  }
  return x;
}

Tensor LeakyReLU::forward(const std::vector<Tensor>& in) { return leaky_relu(one_input(in, "LeakyReLU"), negative_slope); }
Tensor Softmax::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, "Softmax");
  Tensor y = softmax(x, dim);
  label_node(y, "SoftmaxBackward0", {&x});
  return y;
}

Tensor LogSoftmax::forward(const std::vector<Tensor>& in) { return log_softmax(one_input(in, "LogSoftmax"), dim); }

Tensor Flatten::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, "Flatten");
  Tensor y = flatten(x, start_dim, end_dim);
  label_node(y, y.impl()->storage == x.impl()->storage ? "ViewBackward0" : "UnsafeViewBackward0", {&x});
  return y;
}


Dropout::Dropout(double p) : p(p) {
  TL_CHECK(p >= 0 && p <= 1, "ValueError: dropout probability has to be between 0 and 1, but got ", py_float(p));
}
Tensor Dropout::forward(const std::vector<Tensor>& in) { return dropout(one_input(in, "Dropout"), p, training_); }

LayerNorm::LayerNorm(std::vector<int64_t> shape, double eps, bool affine)
    : normalized_shape(std::move(shape)), eps(eps), elementwise_affine(affine) {
  Shape s(normalized_shape);
  if (affine) {
    register_parameter("weight", ones(s, default_float_dtype()));
    register_parameter("bias", zeros(s, default_float_dtype()));
  } else {
    register_parameter("weight", Tensor());
    register_parameter("bias", Tensor());
  }
}

Tensor LayerNorm::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, "LayerNorm");
  Tensor y = layer_norm(x, normalized_shape, params_[0].second, params_[1].second, eps);
  label_node(y, "NativeLayerNormBackward0", {&x});
  return y;
}

std::string LayerNorm::extra_repr() const {
  std::string r = "(";
  for (size_t i = 0; i < normalized_shape.size(); ++i) r += (i ? ", " : "") + std::to_string(normalized_shape[i]);
  r += normalized_shape.size() == 1 ? ",)" : ")";
  return r + ", eps=" + py_float(eps) + ", elementwise_affine=" + (elementwise_affine ? "True" : "False");
}

Embedding::Embedding(int64_t num, int64_t dim) : num_embeddings(num), embedding_dim(dim) {
  TL_CHECK(num >= 0 && dim >= 0, "Trying to create tensor with negative dimension ", num < 0 ? num : dim, ": [", num,
           ", ", dim, "]");
  Tensor w = Tensor::empty(Shape{num, dim}, default_float_dtype());
  normal_(w, 0, 1);  // init.normal_(self.weight)
  register_parameter("weight", w);
}

// F.embedding: a composite: index_select of rows (its backward is index_add of the grads).
static Tensor embedding(const Tensor& indices, const Tensor& weight) {
  TL_CHECK(weight.dim() == 2, "embedding: 'weight' must be 2-D, got shape ", weight.shape_str());
  TL_CHECK(indices.dtype() == DType::Int64,
           "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got ",
           dtype_name(indices.dtype()), " instead (while checking arguments for embedding)");
  const int64_t num = weight.shape()[0];
  for (int64_t v : indices.to_int_vector()) TL_CHECK(v >= 0 && v < num, "index out of range in self");
  Tensor rows = index_select(weight, 0, reshape(indices, {-1}));
  IntList out(indices.shape().d, indices.shape().d + indices.dim());
  out.push_back(weight.shape()[1]);
  return reshape(rows, out);
}

Tensor Embedding::forward(const std::vector<Tensor>& in) { return embedding(one_input(in, "Embedding"), params_[0].second); }

// ---------------- losses ----------------
Reduction parse_reduction(const std::string& s) {
  if (s == "mean") return Reduction::Mean;
  if (s == "sum") return Reduction::Sum;
  if (s == "none") return Reduction::None;
  TL_FAIL("ValueError: ", s, " is not a valid value for reduction");
}

const char* reduction_name(Reduction r) {
  switch (r) {
    case Reduction::None: return "none";
    case Reduction::Mean: return "mean";
    case Reduction::Sum: return "sum";
  }
  return "?";
}

void Loss::check_reduction() const {
  if (!invalid_reduction.empty()) parse_reduction(invalid_reduction);  // throws PyTorch's ValueError
}

static void two_inputs(const std::vector<Tensor>& in, const char* who) {
  TL_CHECK(in.size() == 2, who, ".forward() takes 2 positional arguments (input, target) but ", in.size(),
           " were given");
  TL_CHECK(in[0].defined() && in[1].defined(), who, ".forward(): expected Tensors");
}

static Tensor reduce(const Tensor& l, Reduction r) {
  return r == Reduction::Mean ? mean(l) : r == Reduction::Sum ? sum(l) : l;
}

Tensor MSELoss::forward(const std::vector<Tensor>& in) {
  check_reduction();
  two_inputs(in, "MSELoss");
  if (reduction == Reduction::Mean) {
    Tensor y = mse_loss(in[0], in[1]);
    label_node(y, "MseLossBackward0", {&in[0], &in[1]});
    return y;
  }
  broadcast_shapes("mse_loss", in[0].shape(), in[1].shape());
  Tensor d = sub(in[0], in[1]);
  return reduce(mul(d, d), reduction);
}

Tensor CrossEntropyLoss::forward(const std::vector<Tensor>& in) {
  check_reduction();
  two_inputs(in, "CrossEntropyLoss");
  const Tensor &x = in[0], &y = in[1];
  if (reduction == Reduction::Mean) {
    Tensor l = cross_entropy(x, y, ignore_index);
    label_node(l, "NllLossBackward0", {&x, &y});
    return l;
  }
  const int cdim = x.dim() == 1 ? 0 : 1;
  if (y.is_floating_point()) {  // class probabilities
    TL_CHECK(y.shape() == x.shape(), "cross_entropy: expected target of shape ", x.shape_str(),
             " for class probabilities, got ", y.shape_str());
    return reduce(neg(sum(mul(y, log_softmax(x, cdim)), {cdim})), reduction);
  }
  // Class indices: validation (shapes, bounds) as nll_loss does, then -logp[i, y_i] (0 where ignored).
  TL_CHECK(y.dtype() == DType::Int64, "nll_loss: expected target of dtype int64, but got ", dtype_name(y.dtype()));
  TL_CHECK(x.dim() == 1 || x.dim() == 2, "nll_loss: expected input of 1 or 2 dimensions, got shape ", x.shape_str());
  Tensor lp = log_softmax(x, cdim);
  if (x.dim() == 1) lp = unsqueeze(lp, 0);
  Tensor tg = y.dim() == 0 ? unsqueeze(y, 0) : y;
  TL_CHECK(tg.dim() == 1 && tg.shape()[0] == lp.shape()[0], "ValueError: nll_loss: expected input batch_size (", lp.shape()[0],
           ") to match target batch_size (", tg.dim() ? tg.shape()[0] : 0, ")");
  const int64_t C = lp.shape()[1];
  for (int64_t v : tg.to_int_vector())
    TL_CHECK(v == ignore_index || (v >= 0 && v < C), "IndexError: nll_loss: Target ", v, " is out of bounds.");
  Tensor keep = ne(tg, Tensor::scalar(double(ignore_index), DType::Int64));
  Tensor safe = where(keep, tg, Tensor::scalar(0, DType::Int64));
  Tensor l = neg(mul(squeeze(gather(lp, 1, unsqueeze(safe, 1)), 1), to_dtype(keep, x.dtype())));
  if (y.dim() == 0) l = squeeze(l, 0);
  return reduce(l, reduction);
}

Tensor BCEWithLogitsLoss::forward(const std::vector<Tensor>& in) {
  check_reduction();
  two_inputs(in, "BCEWithLogitsLoss");
  const Tensor &x = in[0], &y = in[1];
  if (reduction == Reduction::Mean) return binary_cross_entropy_with_logits(x, y);
  TL_CHECK(x.shape() == y.shape(), "ValueError: binary_cross_entropy_with_logits: Target size (", y.shape_str(),
           ") must be the same as input size (", x.shape_str(), ")");
  // PyTorch's formula: (1 - y) x + m + log(e^-m + e^(-x-m)), m = max(-x, 0). Its gradient is
  // sigmoid(x) - y whatever m's subgradient is.
  Tensor m = clamp(neg(x), 0.0, std::nullopt);
  Tensor l = add(add(mul(sub(Tensor::scalar(1, x.dtype()), y), x), m), log(add(exp(neg(m)), exp(sub(neg(x), m)))));
  return reduce(l, reduction);
}

Tensor NLLLoss::forward(const std::vector<Tensor>& in) {
  check_reduction();
  two_inputs(in, "NLLLoss");
  TL_CHECK(reduction == Reduction::Mean, "NLLLoss(reduction='", reduction_name(reduction),
           "') is not supported by tensorlens (only 'mean')");
  Tensor l = nll_loss(in[0], in[1], ignore_index);
  label_node(l, "NllLossBackward0", {&in[0], &in[1]});
  return l;
}

}  // namespace tl::nn
