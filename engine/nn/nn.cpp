// torch.nn modules on the public op API. See nn.h.
#include "engine/nn/nn.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

#include "engine/autograd/node.h"
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
  return y;
}

std::string Linear::extra_repr() const {
  return "in_features=" + std::to_string(in_features) + ", out_features=" + std::to_string(out_features) +
         ", bias=" + (bias().defined() ? "True" : "False");
}

Sequential::Sequential(std::vector<ModulePtr> mods) {
  for (size_t i = 0; i < mods.size(); ++i) register_module(std::to_string(i), std::move(mods[i]));
}

std::shared_ptr<Sequential> Sequential::make_named(std::vector<std::pair<std::string, ModulePtr>> mods) {
  auto s = std::make_shared<Sequential>(std::vector<ModulePtr>{});
  for (auto& [n, m] : mods) s->register_module(n, std::move(m));
  return s;
}

Tensor Sequential::forward(const std::vector<Tensor>& in) {
  TL_CHECK(in.size() == 1, "Sequential.forward() takes 1 positional argument but ", in.size(), " were given");
  Tensor x = in[0];
  for (auto& [n, m] : children_) {
    ModuleScopeGuard scope(module_call_scope(*m, n));
    x = m->forward({x});
  }
  return x;
}

std::shared_ptr<const ModuleScope> module_call_scope(const Module& m, const std::string& fallback) {
  static uint64_t calls = 0;
  auto s = std::make_shared<ModuleScope>();
  s->id = ++calls;
  s->type = m.type_name();
  s->extra = m.extra_repr();
  s->owner = &m;
  s->parent = current_module_scope();
  s->name = fallback;
  // The enclosing call's module is alive (its call is running): search its tree, iteratively.
  if (s->parent && s->parent->owner) {
    std::vector<std::pair<const Module*, std::string>> stack{{static_cast<const Module*>(s->parent->owner), ""}};
    for (size_t steps = 0; !stack.empty() && steps < 100000; ++steps) {
      auto [mod, prefix] = std::move(stack.back());
      stack.pop_back();
      const auto& kids = mod->children();
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) {  // reversed: popped in order
        std::string q = prefix.empty() ? it->first : prefix + "." + it->first;
        if (it->second.get() == &m) {
          s->name = q;
          return s;
        }
        if (it->second) stack.emplace_back(it->second.get(), std::move(q));
      }
    }
  }
  return s;
}

void Sequential::add_child(const std::string& name, ModulePtr m) {
  TL_CHECK(m != nullptr, "add_module: module '", name, "' is None");
  for (auto& [n, c] : children_)
    if (n == name) {
      for (auto& [pn, t] : m->named_parameters()) t.impl()->name = name + "." + pn;
      c = std::move(m);
      return;
    }
  register_module(name, std::move(m));
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
      label_node(y, TL_ROW("gelu"), {&x});
      return y;
    }
  }
  return x;
}

Tensor LeakyReLU::forward(const std::vector<Tensor>& in) { return leaky_relu(one_input(in, "LeakyReLU"), negative_slope); }
Tensor Softmax::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, "Softmax");
  int64_t d = dim ? *dim : 0;
  if (!dim) {  // F.softmax's _get_softmax_dim
    warn("UserWarning: Implicit dimension choice for softmax has been deprecated. Change the call to include dim=X as an argument.");
    d = (x.dim() == 0 || x.dim() == 1 || x.dim() == 3) ? 0 : 1;
  }
  Tensor y = softmax(x, d);
  label_node(y, TL_ROW("softmax"), {&x});
  return y;
}

Tensor LogSoftmax::forward(const std::vector<Tensor>& in) { return log_softmax(one_input(in, "LogSoftmax"), dim); }

Tensor Flatten::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, "Flatten");
  Tensor y = flatten(x, start_dim, end_dim);
  label_node(y, y.impl()->storage == x.impl()->storage ? TL_ROW("_reshape_alias") : TL_ROW("_unsafe_view"), {&x});
  return y;
}


Dropout::Dropout(double p, bool inplace) : p(p), inplace(inplace) {
  TL_CHECK(p >= 0 && p <= 1, "ValueError: dropout probability has to be between 0 and 1, but got ", py_float(p));
}
Tensor Dropout::forward(const std::vector<Tensor>& in) {
  if (!inplace) return dropout(one_input(in, "Dropout"), p, training_);
  Tensor x = one_input(in, "Dropout");
  return dropout_(x, p, training_);
}

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
  label_node(y, TL_ROW("layer_norm"), {&x});
  return y;
}

std::string LayerNorm::extra_repr() const {
  return py_tuple_str(normalized_shape) + ", eps=" + py_float(eps) + ", elementwise_affine=" + (elementwise_affine ? "True" : "False");
}

Embedding::Embedding(int64_t num, int64_t dim, std::optional<int64_t> pad, Tensor weight, bool freeze)
    : num_embeddings(num), embedding_dim(dim) {
  TL_CHECK(num >= 0 && dim >= 0, "Trying to create tensor with negative dimension ", num < 0 ? num : dim, ": [", num,
           ", ", dim, "]");
  if (pad) {  // PyTorch's checks, and a negative index counts from the end
    TL_CHECK(*pad < num, "AssertionError: Padding_idx must be within num_embeddings");
    TL_CHECK(*pad >= -num, "AssertionError: Padding_idx must be within num_embeddings");
    if (*pad < 0) *pad += num;
  }
  padding_idx = pad;
  Tensor w = weight.defined() ? weight.detach() : Tensor();  // Parameter(_weight): the storage, not the tensor
  if (!w.defined()) {
    w = Tensor::empty(Shape{num, dim}, default_float_dtype());
    normal_(w, 0, 1);  // init.normal_(self.weight), then the padding row zeroed
    if (pad) {
      NoGradGuard ng;
      Tensor row = select(w, 0, *pad);
      zero_(row);
    }
  }
  register_parameter("weight", w);
  if (freeze) w.requires_grad_(false);
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

Tensor Embedding::forward(const std::vector<Tensor>& in) {
  const Tensor& idx = one_input(in, "Embedding");
  const Tensor& w = params_[0].second;
  Tensor y = embedding(idx, w);
  if (padding_idx && y.requires_grad()) {
    // The padding row gets no gradient: its lookups are the same values, detached.
    Tensor pad = unsqueeze(eq(idx, Tensor::scalar(double(*padding_idx), DType::Int64)), -1);
    y = where(pad, y.detach(), y);
  }
  label_node(y, TL_ROW("embedding"), {&w});
  return y;
}

std::string py_repr(const Value& v) {
  switch (v.kind) {
    case Value::Kind::None: return "None";
    case Value::Kind::Bool: return v.b ? "True" : "False";
    case Value::Kind::Int: return std::to_string(v.i);
    case Value::Kind::Float: return py_float(v.f);
    case Value::Kind::Str: return v.s;
    case Value::Kind::List:
    case Value::Kind::Tuple: {
      const bool list = v.kind == Value::Kind::List;
      std::string r = list ? "[" : "(";
      for (size_t i = 0; i < v.items->size(); ++i) r += (i ? ", " : "") + py_repr((*v.items)[i]);
      if (!list && v.items->size() == 1) r += ",";
      return r + (list ? "]" : ")");
    }
    default: return v.type_name();
  }
}

void warn(const std::string& message) { std::fprintf(stderr, "%s\n", message.c_str()); }

Value Module::call_values(const std::vector<Value>& args) {
  std::vector<Tensor> in;
  for (const Value& v : args) {
    TL_CHECK(v.kind == Value::Kind::Tensor, "TypeError: ", type_name(), ".forward(): expected a Tensor argument, got ",
             v.type_name());
    in.push_back(v.t);
  }
  return Value::tensor(forward(in));
}

// A size argument (an int or a sequence of ints) as a list of ints; None -> empty.
static std::vector<int64_t> ints_of(const Value& v) {
  if (v.is_none()) return {};
  if (!v.is_seq()) return {v.kind == Value::Kind::Bool ? int64_t(v.b) : v.i};
  std::vector<int64_t> r;
  for (const Value& e : *v.items) r.push_back(e.i);
  return r;
}

static std::string pair_repr(const std::vector<int64_t>& v) {
  return "(" + std::to_string(v[0]) + ", " + std::to_string(v.size() > 1 ? v[1] : v[0]) + ")";
}
static std::vector<int64_t> as_pair(const char* what, std::vector<int64_t> v) {
  TL_CHECK(v.size() == 1 || v.size() == 2, "Conv2d: ", what, " must be an int or a tuple of two ints");
  if (v.size() == 1) v.push_back(v[0]);
  return v;
}

Conv2d::Conv2d(int64_t in, int64_t out, std::vector<int64_t> k, std::vector<int64_t> s, std::vector<int64_t> p,
               std::string pstr, std::vector<int64_t> d, int64_t g, bool bias)
    : in_channels(in), out_channels(out), groups(g), kernel_size(as_pair("kernel_size", std::move(k))),
      stride(as_pair("stride", std::move(s))), padding(as_pair("padding", std::move(p))),
      dilation(as_pair("dilation", std::move(d))), padding_str(std::move(pstr)) {
  TL_CHECK(g > 0, "ValueError: groups must be a positive integer");
  TL_CHECK(in % g == 0, "ValueError: in_channels must be divisible by groups");
  TL_CHECK(out % g == 0, "ValueError: out_channels must be divisible by groups");
  if (padding_str == "same") {
    TL_CHECK(stride[0] == 1 && stride[1] == 1, "ValueError: padding='same' is not supported for strided convolutions");
    for (int i = 0; i < 2; ++i) {
      const int64_t total = dilation[size_t(i)] * (kernel_size[size_t(i)] - 1);
      TL_CHECK(total % 2 == 0, "Conv2d(padding='same') with an even kernel (asymmetric padding) is not supported by tensorlens");
      padding[size_t(i)] = total / 2;
    }
  } else if (padding_str == "valid") {
    padding = {0, 0};
  }
  Tensor w = Tensor::empty(Shape{out, in / g, kernel_size[0], kernel_size[1]}, default_float_dtype());
  Tensor b = bias ? Tensor::empty(Shape{out}, default_float_dtype()) : Tensor();
  linear_reset_parameters(w, b);  // _ConvNd.reset_parameters: kaiming_uniform_(w, sqrt(5)), then b, as nn.Linear
  register_parameter("weight", w);
  register_parameter("bias", b);
}

Tensor Conv2d::forward(const std::vector<Tensor>& in) {
  return conv2d(one_input(in, "Conv2d"), params_[0].second, params_[1].second, stride, padding, dilation, groups);
}

std::string Conv2d::extra_repr() const {
  std::string r = std::to_string(in_channels) + ", " + std::to_string(out_channels) +
                  ", kernel_size=" + pair_repr(kernel_size) + ", stride=" + pair_repr(stride);
  if (!padding_str.empty()) r += ", padding=" + padding_str;
  else if (padding[0] != 0 || padding[1] != 0) r += ", padding=" + pair_repr(padding);
  if (dilation[0] != 1 || dilation[1] != 1) r += ", dilation=" + pair_repr(dilation);
  if (groups != 1) r += ", groups=" + std::to_string(groups);
  if (!params_[1].second.defined()) r += ", bias=False";
  return r;
}

MaxPool2d::MaxPool2d(Value k, Value s, Value p, Value d, bool ri, bool cm)
    : kernel_size(std::move(k)), stride(s.is_none() ? kernel_size : std::move(s)), padding(std::move(p)),
      dilation(std::move(d)), return_indices(ri), ceil_mode(cm) {}

Tensor MaxPool2d::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, "MaxPool2d");
  return max_pool2d_with_indices(x, ints_of(kernel_size), ints_of(stride), ints_of(padding), ints_of(dilation), ceil_mode)
      .first;
}

Value MaxPool2d::call_values(const std::vector<Value>& args) {
  TL_CHECK(args.size() == 1 && args[0].kind == Value::Kind::Tensor, "MaxPool2d.forward() takes 1 Tensor argument");
  auto [y, idx] = max_pool2d_with_indices(args[0].t, ints_of(kernel_size), ints_of(stride), ints_of(padding),
                                          ints_of(dilation), ceil_mode);
  return Value::tuple({Value::tensor(y), Value::tensor(idx)});
}

std::string MaxPool2d::extra_repr() const {
  return "kernel_size=" + py_repr(kernel_size) + ", stride=" + py_repr(stride) + ", padding=" + py_repr(padding) +
         ", dilation=" + py_repr(dilation) + ", ceil_mode=" + (ceil_mode ? "True" : "False");
}

AvgPool2d::AvgPool2d(Value k, Value s, Value p, bool cm, bool cip, std::optional<int64_t> dov)
    : kernel_size(std::move(k)), stride(s.is_none() ? kernel_size : std::move(s)), padding(std::move(p)), ceil_mode(cm),
      count_include_pad(cip), divisor_override(dov) {}

Tensor AvgPool2d::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, "AvgPool2d");
  Tensor y = avg_pool2d(x, ints_of(kernel_size), ints_of(stride), ints_of(padding), ceil_mode, count_include_pad,
                        divisor_override);
  label_node(y, TL_ROW("avg_pool2d"), {&x});
  return y;
}

std::string AvgPool2d::extra_repr() const {
  return "kernel_size=" + py_repr(kernel_size) + ", stride=" + py_repr(stride) + ", padding=" + py_repr(padding);
}

Tensor AdaptiveAvgPool2d::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, "AdaptiveAvgPool2d");
  std::vector<int64_t> os;
  if (output_size.is_seq()) {
    for (const Value& e : *output_size.items) os.push_back(e.is_none() ? -1 : e.i);
  } else {
    os.push_back(output_size.i);
  }
  Tensor y = adaptive_avg_pool2d(x, os);
  const bool one = y.shape()[y.dim() - 1] == 1 && y.shape()[y.dim() - 2] == 1;
  label_node(y, one ? TL_ROW("mean.dim") : TL_ROW("adaptive_avg_pool2d"), {&x});
  return y;
}

Tensor Unflatten::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, "Unflatten");
  const int64_t nd = x.dim();
  TL_CHECK(dim >= -nd && dim < nd, "IndexError: Dimension out of range (expected to be in range of [", -nd, ", ", nd - 1,
           "], but got ", dim, ")");
  const int64_t d = dim < 0 ? dim + nd : dim;
  std::vector<int64_t> shape;
  for (int64_t i = 0; i < nd; ++i) {
    if (i != d) {
      shape.push_back(x.shape()[i]);
      continue;
    }
    int64_t known = 1, infer = -1;
    for (size_t j = 0; j < sizes.size(); ++j) {
      if (sizes[j] == -1) infer = int64_t(j);
      else known *= sizes[j];
    }
    const bool ok = infer >= 0 ? known > 0 && x.shape()[i] % known == 0 : known == x.shape()[i];
    TL_CHECK(ok, "unflatten: Provided sizes ", py_repr([&] {
               std::vector<Value> v;
               for (int64_t z : sizes) v.push_back(Value::integer(z));
               return Value::list(v);
             }()), " don't multiply up to the size of dim ", dim, " (", x.shape()[i], ") in the input tensor");
    for (int64_t z : sizes) shape.push_back(z);
  }
  Tensor y = view(x, shape);
  label_node(y, TL_ROW("view"), {&x});
  return y;
}

std::string Unflatten::extra_repr() const {
  std::vector<Value> v;
  for (int64_t z : sizes) v.push_back(Value::integer(z));
  const std::string r = py_repr(style == 't' ? Value::tuple(v) : Value::list(v));
  return "dim=" + std::to_string(dim) + ", unflattened_size=" + (style == 's' ? "torch.Size(" + r + ")" : r);
}

BatchNorm::BatchNorm(int d, int64_t n, double e, std::optional<double> m, bool a, bool trs)
    : dims(d), num_features(n), eps(e), momentum(m), affine(a), track_running_stats(trs) {
  const DType dt = default_float_dtype();
  register_parameter("weight", a ? ones(Shape{n}, dt) : Tensor());
  register_parameter("bias", a ? zeros(Shape{n}, dt) : Tensor());
  register_buffer("running_mean", trs ? zeros(Shape{n}, dt) : Tensor());
  register_buffer("running_var", trs ? ones(Shape{n}, dt) : Tensor());
  register_buffer("num_batches_tracked", trs ? Tensor::scalar(0, DType::Int64) : Tensor());
}

Tensor BatchNorm::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, type_name().c_str());
  if (dims == 2) TL_CHECK(x.dim() == 4, "ValueError: expected 4D input (got ", x.dim(), "D input)");
  else TL_CHECK(x.dim() == 2 || x.dim() == 3, "ValueError: expected 2D or 3D input (got ", x.dim(), "D input)");
  const int64_t C = x.shape()[1];
  TL_CHECK(C == num_features, "running_mean should contain ", C, " elements not ", num_features);
  IntList red{0}, bshape{1, C};
  for (int i = 2; i < x.dim(); ++i) red.push_back(i), bshape.push_back(1);
  const int64_t count = x.numel() / std::max<int64_t>(1, C);
  Tensor rm = buffers_[0].second, rv = buffers_[1].second, nbt = buffers_[2].second;
  const bool use_batch = training_ || !rm.defined();
  Tensor mu, var_b;
  if (use_batch) {
    if (training_) {
      TL_CHECK(count > 1, "ValueError: Expected more than 1 value per channel when training, got input size torch.Size(",
               sizes_str(x.shape()), ")");
    }
    mu = mean(x, red, true);
    var_b = var(x, red, 0, true);
    if (training_ && rm.defined()) {  // running stats, without grad
      NoGradGuard ng;
      add_(nbt, Tensor::scalar(1, DType::Int64));
      const double f = momentum ? *momentum : 1.0 / double(nbt.item());
      Tensor m1 = reshape(mu.detach(), {C});
      Tensor v1 = mul(reshape(var_b.detach(), {C}), Tensor::scalar(double(count) / double(count - 1), x.dtype()));
      copy_(rm, add(mul(rm, Tensor::scalar(1 - f, rm.dtype())), mul(m1, Tensor::scalar(f, rm.dtype()))));
      copy_(rv, add(mul(rv, Tensor::scalar(1 - f, rv.dtype())), mul(v1, Tensor::scalar(f, rv.dtype()))));
    }
  } else {
    mu = reshape(rm, bshape);
    var_b = reshape(rv, bshape);
  }
  Tensor y = div(sub(x, mu), sqrt(add(var_b, Tensor::scalar(eps, x.dtype()))));
  if (params_[0].second.defined()) y = mul(y, reshape(params_[0].second, bshape));
  if (params_[1].second.defined()) y = add(y, reshape(params_[1].second, bshape));
  label_node(y, TL_ROW("native_batch_norm"), {&x});
  return y;
}

std::string BatchNorm::extra_repr() const {
  return std::to_string(num_features) + ", eps=" + py_float(eps) + ", momentum=" + (momentum ? py_float(*momentum) : "None") +
         ", affine=" + (affine ? "True" : "False") + ", track_running_stats=" + (track_running_stats ? "True" : "False");
}

LSTM::LSTM(int64_t in, int64_t hidden, int64_t layers, bool b, bool bf, double p)
    : input_size(in), hidden_size(hidden), num_layers(layers), bias(b), batch_first(bf), dropout(p) {
  TL_CHECK(p >= 0 && p <= 1, "ValueError: dropout should be a number in range [0, 1] representing the probability of an element being zeroed");
  TL_CHECK(hidden > 0, "ValueError: hidden_size must be greater than zero");
  TL_CHECK(layers > 0, "ValueError: num_layers must be greater than zero");
  if (p > 0 && layers == 1)
    warn("UserWarning: dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects "
         "num_layers greater than 1, but got dropout=" + py_float(p) + " and num_layers=1");
  const DType dt = default_float_dtype();
  for (int64_t l = 0; l < layers; ++l) {
    const std::string sfx = "_l" + std::to_string(l);
    register_parameter("weight_ih" + sfx, Tensor::empty(Shape{4 * hidden, l == 0 ? in : hidden}, dt));
    register_parameter("weight_hh" + sfx, Tensor::empty(Shape{4 * hidden, hidden}, dt));
    if (b) {
      register_parameter("bias_ih" + sfx, Tensor::empty(Shape{4 * hidden}, dt));
      register_parameter("bias_hh" + sfx, Tensor::empty(Shape{4 * hidden}, dt));
    }
  }
  // reset_parameters: every parameter ~ U(-stdv, stdv), stdv = 1 / sqrt(hidden_size), in order.
  const double stdv = 1.0 / std::sqrt(double(hidden));
  NoGradGuard ng;
  for (auto& [n, t] : params_) uniform_(t, -stdv, stdv);
}

std::string LSTM::extra_repr() const {
  std::string r = std::to_string(input_size) + ", " + std::to_string(hidden_size);
  if (num_layers != 1) r += ", num_layers=" + std::to_string(num_layers);
  if (!bias) r += ", bias=False";
  if (batch_first) r += ", batch_first=True";
  if (dropout != 0) r += ", dropout=" + py_float(dropout);
  return r;
}

std::vector<Tensor> LSTM::run(const Tensor& input, const Tensor& h0_in, const Tensor& c0_in) {
  TL_CHECK(input.dim() == 2 || input.dim() == 3, "LSTM: Expected input to be 2D or 3D, got ", input.dim(), "D instead");
  const bool batched = input.dim() == 3;
  Tensor x = batched ? (batch_first ? transpose(input, 0, 1) : input) : unsqueeze(input, 1);  // (T, B, I)
  TL_CHECK(x.shape()[2] == input_size, "LSTM: input.size(-1) must be equal to input_size. Expected ", input_size, ", got ",
           x.shape()[2]);
  const int64_t T = x.shape()[0], B = x.shape()[1], H = hidden_size;
  auto state = [&](const Tensor& s, const char* what) {
    if (!s.defined()) return zeros(Shape{num_layers, B, H}, x.dtype());
    TL_CHECK(s.dim() == (batched ? 3 : 2), "LSTM: For ", batched ? "batched 3-D" : "unbatched 2-D", " input, ", what,
             " should also be ", batched ? 3 : 2, "-D but got ", s.dim(), "-D tensor");
    Tensor r = batched ? s : unsqueeze(s, 1);
    TL_CHECK(r.shape()[0] == num_layers && r.shape()[1] == B && r.shape()[2] == H, "Expected hidden size (", num_layers,
             ", ", B, ", ", H, "), got ", s.shape_str());
    return r;
  };
  Tensor h0 = state(h0_in, "hx[0]"), c0 = state(c0_in, "hx[1]");
  std::vector<Tensor> hn, cn;
  const size_t per = bias ? 4 : 2;
  for (int64_t l = 0; l < num_layers; ++l) {
    const Tensor& w_ih = params_[size_t(l) * per].second;
    const Tensor& w_hh = params_[size_t(l) * per + 1].second;
    Tensor b_ih = bias ? params_[size_t(l) * per + 2].second : Tensor();
    Tensor b_hh = bias ? params_[size_t(l) * per + 3].second : Tensor();
    Tensor xw = linear(x, w_ih, b_ih);  // (T, B, 4H): the input part of every step at once
    Tensor h = select(h0, 0, l), c = select(c0, 0, l);
    std::vector<Tensor> outs;
    for (int64_t t = 0; t < T; ++t) {
      Tensor gates = add(linear(h, w_hh, b_hh), select(xw, 0, t));  // (B, 4H)
      Tensor ig = sigmoid(slice(gates, 1, 0, H)), fg = sigmoid(slice(gates, 1, H, 2 * H));
      Tensor gg = tanh(slice(gates, 1, 2 * H, 3 * H)), og = sigmoid(slice(gates, 1, 3 * H, 4 * H));
      c = add(mul(fg, c), mul(ig, gg));
      h = mul(og, tanh(c));
      outs.push_back(h);
    }
    Tensor out = stack(outs, 0);  // (T, B, H)
    label_node(out, TL_ROW("stack"), {});
    x = (dropout > 0 && training_ && l < num_layers - 1) ? tl::dropout(out, dropout, true) : out;
    hn.push_back(h), cn.push_back(c);
  }
  Tensor hs = stack(hn, 0), cs = stack(cn, 0);
  label_node(hs, TL_ROW("stack"), {}), label_node(cs, TL_ROW("stack"), {});
  if (!batched) return {squeeze(x, 1), squeeze(hs, 1), squeeze(cs, 1)};
  return {batch_first ? transpose(x, 0, 1) : x, hs, cs};
}

Tensor LSTM::forward(const std::vector<Tensor>& in) {
  TL_CHECK(in.size() == 1, "LSTM.forward(): pass (input, (h0, c0)) from a script");
  return run(in[0], Tensor(), Tensor())[0];
}

Value LSTM::call_values(const std::vector<Value>& args) {
  TL_CHECK(args.size() == 1 || args.size() == 2, "TypeError: LSTM.forward() takes 1 or 2 positional arguments (input, hx) but ",
           args.size(), " were given");
  TL_CHECK(args[0].kind == Value::Kind::Tensor, "TypeError: LSTM.forward(): input must be a Tensor, not ", args[0].type_name());
  Tensor h0, c0;
  if (args.size() == 2 && !args[1].is_none()) {
    const Value& hx = args[1];
    TL_CHECK(hx.is_seq() && hx.items->size() == 2 && (*hx.items)[0].kind == Value::Kind::Tensor &&
                 (*hx.items)[1].kind == Value::Kind::Tensor,
             "TypeError: LSTM.forward(): hx must be a tuple of two Tensors (h_0, c_0)");
    h0 = (*hx.items)[0].t, c0 = (*hx.items)[1].t;
  }
  std::vector<Tensor> r = run(args[0].t, h0, c0);
  return Value::tuple({Value::tensor(r[0]), Value::tuple({Value::tensor(r[1]), Value::tensor(r[2])})});
}

PReLU::PReLU(int64_t n, double init) : num_parameters(n) {
  register_parameter("weight", full(Shape{n}, init, default_float_dtype()));
}

Tensor PReLU::forward(const std::vector<Tensor>& in) {
  const Tensor& x = one_input(in, "PReLU");
  Tensor w = params_[0].second;
  if (num_parameters > 1) {
    TL_CHECK(x.dim() >= 2 && x.shape()[1] == num_parameters, "Mismatch of parameter numbers and input channel size. Found parameter numbers = ",
             num_parameters, " and channel size = ", x.dim() >= 2 ? x.shape()[1] : 1, ".");
    IntList s(size_t(x.dim()), 1);
    s[1] = num_parameters;
    w = reshape(w, s);
  }
  Tensor y = where(gt(x, Tensor::scalar(0, x.dtype())), x, mul(w, x));
  label_node(y, TL_ROW("prelu"), {&x});
  return y;
}

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
    label_node(y, TL_ROW("mse_loss"), {&in[0], &in[1]});
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
  Tensor l = cross_entropy(x, y, ignore_index, reduction_name(reduction));
  if (reduction == Reduction::Mean)
    label_node(l, y.is_floating_point() ? TL_ROW("div.Scalar") : x.dim() > 2 ? TL_ROW("nll_loss2d") : TL_ROW("nll_loss"), {&x, &y});
  return l;
}

Tensor BCEWithLogitsLoss::forward(const std::vector<Tensor>& in) {
  check_reduction();
  two_inputs(in, "BCEWithLogitsLoss");
  const Tensor &x = in[0], &y = in[1];
  if (pos_weight.defined()) {
    TL_CHECK(x.shape() == y.shape(), "binary_cross_entropy_with_logits: Target size (", y.shape_str(),
             ") must be the same as input size (", x.shape_str(), ")");
    // PyTorch's formula: l = (1 - y) x + (1 + (p - 1) y) (log(e^-m + e^(-x-m)) + m), m = max(-x, 0)
    Tensor one = Tensor::scalar(1, x.dtype());
    Tensor lw = add(one, mul(sub(pos_weight, one), y));
    Tensor m = clamp(neg(x), 0.0, std::nullopt);
    Tensor l = add(mul(sub(one, y), x), mul(lw, add(log(add(exp(neg(m)), exp(sub(neg(x), m)))), m)));
    Tensor r = reduce(l, reduction);
    label_node(r, TL_ROW("binary_cross_entropy_with_logits"), {&x, &y});
    return r;
  }
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
  Tensor l = nll_loss_reduced(in[0], in[1], ignore_index, reduction_name(reduction));
  if (reduction == Reduction::Mean)
    label_node(l, in[0].dim() > 2 ? TL_ROW("nll_loss2d") : TL_ROW("nll_loss"), {&in[0], &in[1]});
  return l;
}

}  // namespace tl::nn

namespace tl::nn {

Tensor L1Loss::forward(const std::vector<Tensor>& in) {
  check_reduction();
  two_inputs(in, "L1Loss");
  return l1_loss(in[0], in[1], reduction_name(reduction));
}

Tensor SmoothL1Loss::forward(const std::vector<Tensor>& in) {
  check_reduction();
  two_inputs(in, "SmoothL1Loss");
  Tensor l = smooth_l1_loss(in[0], in[1], beta, reduction_name(reduction));
  return l;
}

Tensor BCELoss::forward(const std::vector<Tensor>& in) {
  check_reduction();
  two_inputs(in, "BCELoss");
  return binary_cross_entropy(in[0], in[1], reduction_name(reduction));
}

}  // namespace tl::nn
