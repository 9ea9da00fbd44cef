#include "engine/ops/op_table.h"

#include <cmath>
#include <cstdlib>
#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "engine/autograd/engine.h"
#include "engine/ops/ops.h"

namespace tl {

static void grad_named_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi);

namespace {

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(' '), b = s.find_last_not_of(' ');
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

Value parse_default(const std::string& d) {
  if (d == "None") return Value::none();
  if (d == "True") return Value::boolean(true);
  if (d == "False") return Value::boolean(false);
  if (d == "[]") return Value::list({});
  if (d.size() >= 2 && d.front() == '\'' && d.back() == '\'') return Value::str(d.substr(1, d.size() - 2));
  if (d.find_first_of(".e") != std::string::npos) return Value::number(std::strtod(d.c_str(), nullptr));
  return Value::integer(std::strtoll(d.c_str(), nullptr, 10));
}

// Parses "key(params) -> ret" into the row's fields. Schemas are ours, so a malformed one is a
// programming error reported at start-up.
void parse_schema(OpDef& op) {
  const std::string& s = op.schema;
  size_t lp = s.find('('), arrow = s.find(" -> "), rp = s.rfind(')', arrow);
  TL_CHECK(lp != std::string::npos && rp != std::string::npos && arrow != std::string::npos,
           "op table: bad schema '", s, "'");
  op.key = s.substr(0, lp);
  op.name = op.key.substr(0, op.key.find('.'));
  op.returns = trim(s.substr(arrow + 4));
  // "Tensor(view)" / "Tensor[](view)": the result views the input's memory (a differentiable view).
  op.view = op.returns.size() > 6 && op.returns.compare(op.returns.size() - 6, 6, "(view)") == 0;
  op.differentiable = op.returns == "Tensor" || op.returns == "Tensor(view)" || op.returns == "(Tensor, Tensor(nograd))";
  std::string body = s.substr(lp + 1, rp - lp - 1);
  bool kw_only = false;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t comma = body.find(',', pos);
    if (comma == std::string::npos) comma = body.size();
    std::string item = trim(body.substr(pos, comma - pos));
    pos = comma + 1;
    if (item.empty()) continue;
    if (item == "*") {
      kw_only = true;
      continue;
    }
    Param p;
    p.kw_only = kw_only;
    size_t sp = item.find(' ');
    TL_CHECK(sp != std::string::npos, "op table: bad parameter '", item, "' in '", s, "'");
    std::string type = item.substr(0, sp), rest = trim(item.substr(sp + 1));
    size_t eq = rest.find('=');
    p.name = trim(rest.substr(0, eq));
    if (eq != std::string::npos) {
      p.has_default = true;
      p.default_value = parse_default(trim(rest.substr(eq + 1)));
    }
    if (type.size() > 8 && type.compare(type.size() - 8, 8, "(nograd)") == 0) {
      p.nograd = true;
      type.resize(type.size() - 8);
    }
    if (!type.empty() && type.back() == '?') {
      p.optional = true;
      type.pop_back();
    }
    using T = Param::Type;
    static const std::unordered_map<std::string, T> types = {
        {"Tensor", T::Tensor}, {"Tensor[]", T::TensorList}, {"Number|Tensor", T::NumberOrTensor},
        {"int", T::Int},       {"int[]", T::IntList},       {"int...", T::IntVarargs},
        {"float", T::Float},   {"bool", T::Bool},           {"DType", T::DType},
        {"str", T::Str},       {"Number", T::Number},       {"Any", T::Any}};
    auto it = types.find(type);
    TL_CHECK(it != types.end(), "op table: unknown type '", type, "' in '", s, "'");
    p.type = it->second;
    if (p.type == T::IntVarargs) op.vararg = true;
    op.params.push_back(p);
  }
}

// PyTorch's grad_fn names where they are not the row's name in CamelCase + "Backward0":
// overloads PyTorch numbers (SumBackward1), nodes PyTorch names after another op (unfold is
// Im2ColBackward0), and composites (mean is sum and div here, one MeanBackward0 node in PyTorch):
// a composite's row gives its name to the node its call returns, so print(y.grad_fn), the
// inspector and the JS API all show PyTorch's name; the graph view still shows the parts.
const std::pair<const char*, const char*> kGradFnNames[] = {
    {"mean", "MeanBackward0"},
    {"norm", "NormBackward1"},
    {"prod.dim", "ProdBackward1"},
    {"scatter.value", "ScatterBackward1"},
    {"floor_divide", "NotImplemented"},
    {"div.Tensor_mode", "DivBackward2"},
    {"remainder.Scalar_Tensor", "NotImplemented"},  // PyTorch 1.13 records it without a derivative
    {"asinh_", "AsinhBackward1"},  // in-place twins without a derivative (inplace_not_implemented_bw)
    {"acosh_", "AcoshBackward1"},
    {"atanh_", "AtanhBackward1"},
    {"elu_", "EluBackward1"},  // F.elu / selu / celu(inplace=True) (engine/ops/pointwise_more.cpp)
    {"celu_", "CeluBackward1"},
    // in-place view ops: the node of the view, renamed (shape.cpp's view_inplace)
    {"unsqueeze_", "UnsqueezeBackward1"},
    {"squeeze_", "SqueezeBackward2"},
    {"squeeze_.dim", "SqueezeBackward3"},
    {"t_", "TBackward1"},
    {"transpose_", "TransposeBackward1"},
    {"swapaxes_", "TransposeBackward1"},
    {"swapdims_", "TransposeBackward1"},
    {"mean.dim", "MeanBackward1"},
    {"sum.dim", "SumBackward1"},
    {"mse_loss", "MseLossBackward0"},
    {"softmax", "SoftmaxBackward0"},
    {"select", "SelectBackward0"},
    {"pow.Scalar", "PowBackward0"},
    {"pow.Tensor", "PowBackward1"},
    {"pow.Base", "PowBackward2"},  // torch.pow(number, x) (number ** x is pow.Tensor)
    {"round.decimals", "RoundBackward1"},
    {"sort.stable", "SortBackward1"},
    {"remainder.Tensor_Tensor", "RemainderBackward1"},
    {"fmod.Tensor", "FmodBackward1"},
    {"masked_fill.Tensor", "MaskedFillBackward1"},
    {"t", "TBackward0"},
    {"std", "StdBackward0"},
    {"std.dim", "StdBackward0"},
    {"std.correction", "StdBackward0"},
    {"var", "VarBackward0"},
    {"var.dim", "VarBackward0"},
    {"var.correction", "VarBackward0"},
    {"max", "MaxBackward1"},
    {"max.dim", "MaxBackward0"},
    {"min", "MinBackward1"},
    {"min.dim", "MinBackward0"},
    {"clamp", "ClampBackward1"},
    {"squeeze", "SqueezeBackward0"},
    {"squeeze.dim", "SqueezeBackward1"},
    {"stack", "StackBackward0"},
    {"layer_norm", "NativeLayerNormBackward0"},
    {"avg_pool2d", "AvgPool2DBackward0"},
    {"avg_pool2d_backward", "AvgPool2DBackwardBackward0"},
    {"to", "ToCopyBackward0"},
    {"float", "ToCopyBackward0"},
    {"double", "ToCopyBackward0"},
    {"unfold", "Im2ColBackward0"},
    {"div.Scalar", "DivBackward1"},
    {"mul.Scalar", "MulBackward1"},
    {"copy_slices", "CopySlices"},  // PyTorch's node for a write into part of a tensor
    {"median.dim", "MedianBackward1"},
    {"rsub.Scalar", "RsubBackward1"},
    {"xlogy.Scalar_Self", "XlogyBackward1"},
    {"xlogy.Scalar_Other", "XlogyBackward2"},
    {"lerp.Tensor", "LerpBackward1"},
    {"fold", "Col2ImBackward0"},
    {"conv2d", "ConvolutionBackward0"},
    {"max_pool2d", "MaxPool2DWithIndicesBackward0"},
    {"copy_", "CopyBackwards"},  // PyTorch 1.13's name
    {"fill_.Scalar", "FillBackward2"},
    {"bernoulli_.float", "BernoulliBackward2"},
    {"bernoulli_.Tensor_p", "BernoulliBackward1"},
    {"random_.from_node", "RandomBackward0"},
    {"random_.to_node", "RandomBackward1"},
    {"random_.node", "RandomBackward2"},
    {"normal.Tensor_float", "NormalBackward1"},
    {"normal.float_Tensor", "NormalBackward2"},
    {"normal.Tensor_Tensor", "NormalBackward3"},
};

// grad_fn names that depend on the arguments: the row whose name the returned node gets (null:
// the recorded node's own name).
using NodeNamer = const OpDef* (*)(const Args& a, const Tensor& out);

// reshape/flatten/reshape_as: a view of a contiguous input (_reshape_alias), else a copy.
const OpDef* reshape_node(const Args& a, const Tensor& out) {
  return out.impl()->storage == a.t(0).impl()->storage ? &TL_ROW("_reshape_alias") : &TL_ROW("_unsafe_view");
}

// Rows whose call serves a .Tensor overload too: a tensor at argument `arg` gives that overload's
// node (PyTorch's Backward1), a number the row's own.
struct TensorOverload {
  const char* key;
  size_t arg;
  const char* tensor_row;
};
constexpr TensorOverload kTensorOverloads[] = {
    {"remainder.Tensor", 1, "remainder.Tensor_Tensor"},
    {"fmod", 1, "fmod.Tensor"},
    {"masked_fill", 2, "masked_fill.Tensor"},
    {"lerp", 2, "lerp.Tensor"},  // a tensor weight, even a 0-d one
};
template <size_t I>
const OpDef* tensor_overload_node(const Args& a, const Tensor&) {
  static const OpDef& tensor = op_row(kTensorOverloads[I].tensor_row);
  static const OpDef& number = op_row(kTensorOverloads[I].key);
  return a.v[kTensorOverloads[I].arg].kind == Value::Kind::Tensor ? &tensor : &number;
}
// F.nll_loss(x, t, reduction='none') of a 3-d or 5+-d x: PyTorch's nll_loss_nd returns
// nll_loss2d(...).view(N, d1, ...) (engine/ops/nn_functional.cpp).
static bool nll_loss_nd_view(const Args& a) {
  const int d = a.t(0).dim();
  return d > 2 && d != 4 && a.v[3].s == "none";
}
const std::pair<const char*, NodeNamer> kNodeNamers[] = {
    // nll_loss / cross_entropy: PyTorch's nll_loss2d for inputs of more than 2 dims.
    // reduction='none' of a 3-d or 5+-d input: nll_loss_nd's view of nll_loss2d's result.
    {"nll_loss", [](const Args& a, const Tensor&) -> const OpDef* {
       if (nll_loss_nd_view(a)) return &TL_ROW("view");
       return a.t(0).dim() > 2 ? &TL_ROW("nll_loss2d") : &TL_ROW("nll_loss");
     }},
    // class-probability targets: PyTorch's -sum(target * log_softmax) / N ends in a DivBackward1
    // (reduction 'mean'), else in a NegBackward0.
    {"cross_entropy", [](const Args& a, const Tensor&) -> const OpDef* {
       const std::string& r = a.v[6].s;
       if (a.t(1).is_floating_point()) return r == "mean" ? &TL_ROW("div.Scalar") : &TL_ROW("neg");
       const int d = a.t(0).dim();
       if (d > 2 && d != 4 && r == "none") return &TL_ROW("view");
       return d > 2 ? &TL_ROW("nll_loss2d") : &TL_ROW("nll_loss");
     }},
    // adaptive_avg_pool2d: PyTorch computes a (1, 1) output as a mean over (H, W).
    {"adaptive_avg_pool2d", [](const Args&, const Tensor& out) -> const OpDef* {
       const bool one = out.shape()[out.dim() - 1] == 1 && out.shape()[out.dim() - 2] == 1;
       return one ? &TL_ROW("mean.dim") : &TL_ROW("adaptive_avg_pool2d");
     }},
    // linear/matmul name their output themselves (engine/ops/linalg.cpp: nn.Linear calls them
    // too); these rows only group the parts for the graph view.
    {"linear", [](const Args&, const Tensor&) -> const OpDef* { return nullptr; }},
    {"matmul", [](const Args&, const Tensor&) -> const OpDef* { return nullptr; }},
    {"reshape", reshape_node},
    {"flatten", reshape_node},
    {"reshape_as", reshape_node},
    {kTensorOverloads[0].key, tensor_overload_node<0>},
    {kTensorOverloads[1].key, tensor_overload_node<1>},
    {kTensorOverloads[2].key, tensor_overload_node<2>},
    {kTensorOverloads[3].key, tensor_overload_node<3>},
};

// PyTorch's generated node names: the op name's words in title case (Python's str.title(): a
// letter after a non-letter is upper case) without the underscores + "Backward0":
// log1p -> Log1PBackward0, nll_loss2d -> NllLoss2DBackward0, _unsafe_view -> UnsafeViewBackward0.
std::string camel_backward(const std::string& op) {
  std::string r;
  bool up = true;
  for (char c : op) {
    const bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
    if (c != '_') r += up && letter ? char(std::toupper(static_cast<unsigned char>(c))) : c;
    up = !letter;
  }
  return r + "Backward0";
}

size_t row_index(const std::vector<OpDef>& t, const char* key) {
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i].key == key) return i;
  TL_FAIL("op table: grad_fn name for unknown row '", key, "'");
}

// Gives each row its grad_fn name, and wraps the calls of the listed rows, whose returned node
// may have been recorded by another row (a composite's part, an overload sharing a forward) or
// is named by the arguments, so that the call names that node after the right row.
void attach_node_names(std::vector<OpDef>& t) {
  for (OpDef& op : t) op.grad_fn = camel_backward(op.name);
  std::vector<size_t> wrap;
  for (const auto& [key, name] : kGradFnNames) {
    const size_t i = row_index(t, key);
    t[i].grad_fn = name;
    wrap.push_back(i);
  }
  for (const auto& [key, namer] : kNodeNamers) {
    const size_t i = row_index(t, key);
    t[i].node_name = namer;
    if (std::find(wrap.begin(), wrap.end(), i) == wrap.end()) wrap.push_back(i);
  }
  for (size_t i : wrap) {
    OpDef& row = t[i];
    row.call = [inner = row.call, i](const Args& a) {
      const uint64_t seq_before = last_node_seq();
      Value r = inner(a);
      Tensor* out = r.kind == Value::Kind::Tensor ? &r.t
                    : (r.kind == Value::Kind::Tuple && !r.items->empty() && (*r.items)[0].kind == Value::Kind::Tensor)
                        ? &(*r.items)[0].t
                        : nullptr;
      if (!out || !out->defined() || !out->grad_fn()) return r;
      for (const Value& v : a.v)  // only a node this call made (not an input's)
        if (v.kind == Value::Kind::Tensor && v.t.defined() && v.t.grad_fn() == out->grad_fn()) return r;
      const OpDef& self = op_table()[i];
      Node* n = out->grad_fn().get();
      const OpDef* named = self.node_name ? self.node_name(a, *out) : &self;
      if (named) n->display = n->row == named ? nullptr : named->grad_fn.c_str();  // a part's node, or another row's
      if (n->seq > seq_before + 1) mark_composite(*out, seq_before, self.name.c_str());  // made > 1 node
      return r;
    };
  }
}

// Elementwise rows PyTorch computes with TensorIterator (their result is allocated in the inputs'
// memory order: hypot(x.t(), x.t()) is not contiguous, and a later random_ / normal_ on it draws
// in that order) whose forwards here write a row-major result without noting that layout (the
// OpDef::ti_like mark: call_op notes it from the row's tensor arguments).
const char* const kTensorIteratorRows[] = {
    "atan2", "hypot", "xlogy.Tensor", "xlogy.Scalar_Self", "xlogy.Scalar_Other", "fmod", "lerp", "addcmul",
    "addcdiv", "gelu", "elu", "selu", "celu", "silu", "mish", "hardswish", "bitwise_not",
    "clamp", "clamp.Tensor", "logical_and", "logical_or", "logical_xor", "isclose", "div.Tensor_mode",
};

std::vector<OpDef> build_table() {
  std::vector<OpDef> t;
  register_elementwise_ops(t);
  register_reduce_ops(t);
  register_linalg_ops(t);
  register_shape_ops(t);
  register_nn_ops(t);
  register_conv_ops(t);
  register_creation_ops(t);
  register_tensor_api_ops(t);
  register_pointwise_more_ops(t);
  register_sort_scan_ops(t);
  register_shape_more_ops(t);
  register_inplace_twins(t);  // in-place twins of the rows above
  // Rows that only own the identity of nodes recorded outside the table's calls (not callable,
  // exposed nowhere; their backward is the node's own closure, covered by conformance goldens):
  // assignment through an index (x[i] = v; engine/lang/indexing.cpp: CopySlices for basic
  // indices, IndexPutBackward0 for index tensors) and torch.autograd.Function.apply
  // (engine/lang/autograd_function.cpp: the node is named after the user's class).
  const auto not_callable = [](const Args&) -> Value { TL_FAIL("op table: a node-only row is not callable"); };
  t.push_back({"index_put_(Tensor self, Tensor value) -> Node", 0, not_callable, custom_backward,
               "grad_self = g with the written elements zeroed; grad_value = g at the written elements, summed "
               "to value's shape"});
  // Advanced indexing x[idx] / x[mask] (engine/lang/indexing.cpp: a composite computes the values).
  t.push_back({"index(Tensor self) -> Node", 0, not_callable, custom_backward,
               "grad_self = zeros with g put at the indexed elements (repeated indices accumulate)"});
  // masked_select's node and, under create_graph, its gradient's (engine/ops/shape_more.cpp).
  t.push_back({"masked_select.node(Tensor self) -> Node", 0, not_callable, custom_backward,
               "grad_self = masked_scatter(zeros of the broadcast shape, mask, g) summed to self's shape"});
  t.push_back({"masked_scatter.node(Tensor self, Tensor source) -> Node", 0, not_callable, custom_backward,
               "grad_source = masked_select(g, mask) (self: the zeros of masked_select's gradient)"});
  t.push_back({"custom_function(Tensor[] inputs) -> Node", 0, not_callable, custom_backward,
               "grads = the Function's backward(ctx, g)"});
  // In-place writes through views (engine/autograd/views.cpp): the base's node and the view's.
  t.push_back({"copy_slices(Tensor base, Tensor result) -> Node", 0, not_callable, custom_backward,
               "grad_base = g with the view's elements zeroed; grad_result = g at the view's elements"});
  t.push_back({"as_strided(Tensor base) -> Node", 0, not_callable, custom_backward,
               "grad_base = zeros of the base's shape with g added at the view's elements"});
  // A gradient computed from masks of saved tensors, under create_graph (engine/autograd/engine.cpp).
  t.push_back({"piecewise_backward(Tensor[] saved) -> Node", 0, not_callable,
               [](Node& n, const Tensor&, std::vector<Tensor>& gi) {
                 if (n.has_attrs() && n.attrs().b0) return;  // piecewise_constant's no_grad: None
                 for (size_t i = 0; i < gi.size(); ++i)
                   if (n.needs_input_grad(i)) gi[i] = zeros(n.inputs[i].shape, n.inputs[i].dtype);
               },
               "grad_saved = 0 (the gradient used piecewise-constant masks of them)"});
  t.push_back({"grad_named(Tensor self) -> Node", 0, not_callable, grad_named_bw,
               "grad = g, under create_graph named after a backward op's row (grad_named)"});
  // In-place overwrites of a tensor that requires grad (engine/ops/inplace.cpp record_overwrite).
  for (const char* s : {"fill_.Scalar(Tensor self) -> Node", "zero_.node(Tensor self) -> Node",
                        "normal_.node(Tensor self) -> Node", "uniform_.node(Tensor self) -> Node",
                        "exponential_.node(Tensor self) -> Node", "bernoulli_.float(Tensor self) -> Node",
                        "bernoulli_.Tensor_p(Tensor self, Tensor p) -> Node", "random_.from_node(Tensor self) -> Node",
                        "random_.to_node(Tensor self) -> Node", "random_.node(Tensor self) -> Node"})
    t.push_back({s, 0, not_callable, overwrite_bw, "grad_self = 0 (its previous values are overwritten)"});
  t.push_back({"mul.Scalar(Tensor self) -> Node", 0, not_callable, mul_number_bw, "grad = g * other (a number)"});
  // masked_fill's node on an integer result (x.masked_fill_(mask, v) with v requiring grad: PyTorch
  // records MaskedFillBackward1 on the integer tensor); a float result's masked_fill is where's
  // node, named after this row. The integer gradient that reaches it fails the engine's assert.
  t.push_back({"masked_fill.Tensor(Tensor self, Tensor value) -> Node", 0, not_callable,
               [](Node&, const Tensor&, std::vector<Tensor>&) {
                 TL_FAIL("isDifferentiableType(grad.scalar_type()) INTERNAL ASSERT FAILED at "
                         "\"./torch/csrc/autograd/engine.cpp\":805, please report a bug to PyTorch. ");
               },
               "(an integer result: no gradient)"});
  // PyTorch ops whose node a composite's output is named after (label_node) where no callable
  // row has that identity: F.pad's modes, nn.Embedding, batch norm, a number minus a tensor, ...
  t.push_back({"constant_pad_nd(Tensor self) -> Node", 0, not_callable, custom_backward,
               "grad = g padded by the negated pads (F.pad's constant mode, engine/ops/nn_functional.cpp)"});
  for (const char* s : {"reflection_pad1d(Tensor self) -> Node",
                        "reflection_pad2d(Tensor self) -> Node", "reflection_pad3d(Tensor self) -> Node",
                        "replication_pad1d(Tensor self) -> Node", "replication_pad2d(Tensor self) -> Node",
                        "replication_pad3d(Tensor self) -> Node", "split_with_sizes(Tensor self) -> Node",
                        "embedding(Tensor weight) -> Node", "native_batch_norm(Tensor input) -> Node",
                        "prelu(Tensor self) -> Node", "_unsafe_view(Tensor self) -> Node",
                        "div.Scalar(Tensor self) -> Node",
                        "nll_loss2d(Tensor self) -> Node",
                        "_reshape_alias(Tensor self) -> Node", "remainder.Tensor_Tensor(Tensor self) -> Node",
                        "fmod.Tensor(Tensor self) -> Node",
                        // ops PyTorch has natively that the script preludes build (torch._tl_label)
                        "hardtanh(Tensor self) -> Node",
                        "hardsigmoid(Tensor self) -> Node", "hardshrink(Tensor self) -> Node",
                        "softshrink(Tensor self) -> Node", "threshold(Tensor self) -> Node",
                        "cumprod(Tensor self) -> Node", "dist(Tensor self) -> Node",
                        "fmax(Tensor self) -> Node", "fmin(Tensor self) -> Node", "huber_loss(Tensor self) -> Node",
                        "soft_margin_loss(Tensor self) -> Node",
                        // ATen ops PyTorch's backward formulas call, whose nodes name the gradient
                        // under create_graph (tanh_backward -> TanhBackwardBackward0); here the
                        // formula is a composite whose output node gets the name (label_node)
                        "gelu_backward(Tensor grad_output) -> Node", "threshold_backward(Tensor grad_output) -> Node",
                        "leaky_relu_backward(Tensor grad_output) -> Node", "select_backward(Tensor grad_output) -> Node",
                        "diagonal_backward(Tensor grad_output) -> Node", "unfold_backward(Tensor grad_in) -> Node",
                        "_softmax_backward_data(Tensor grad_output) -> Node",
                        "_log_softmax_backward_data(Tensor grad_output) -> Node",
                        "mse_loss_backward(Tensor grad_output) -> Node",
                        "binary_cross_entropy_backward(Tensor grad_output) -> Node",
                        "native_layer_norm_backward(Tensor grad_output) -> Node",
                        "max_pool2d_with_indices_backward(Tensor grad_output) -> Node",
                        "nll_loss_backward(Tensor grad_output) -> Node",
                        "_index_put_impl_(Tensor self, Tensor values) -> Node"})
    t.push_back({s, 0, not_callable});
  // diagonal's gradient is one node as PyTorch's (DiagonalBackwardBackward0 -> g's node only);
  // its backward (grad.diagonal(...)) is the node's attrs().custom (shape.cpp diagonal_bw)
  for (OpDef& op : t)
    if (op.schema.rfind("diagonal_backward(", 0) == 0) op.backward = custom_backward;
  for (OpDef& op : t) parse_schema(op);
  attach_node_names(t);
  for (const char* key : kTensorIteratorRows) t[row_index(t, key)].ti_like = true;
  return t;
}

bool is_int(const Value& v) { return v.kind == Value::Kind::Int || v.kind == Value::Kind::Bool; }

std::string check_type(const Param& p, const Value& v) {
  using T = Param::Type;
  using K = Value::Kind;
  if (v.is_none()) return p.optional || (p.has_default && p.default_value.is_none()) ? "" : "None";
  bool ok = false;
  std::string want;
  switch (p.type) {
    case T::Tensor: ok = v.kind == K::Tensor; want = "Tensor"; break;
    case T::TensorList:
      want = "tuple of Tensors";
      if (v.kind == K::Tensor) return "";  // a single tensor counts as a list of one
      ok = v.is_seq();
      if (ok)
        for (const Value& x : *v.items) ok = ok && x.kind == K::Tensor;
      break;
    case T::NumberOrTensor: ok = v.kind == K::Tensor || v.is_number(); want = "Tensor or Number"; break;
    case T::Int: ok = is_int(v); want = "int"; break;
    case T::IntList:
    case T::IntVarargs:
      want = "tuple of ints";
      ok = is_int(v) || v.is_seq();
      if (v.is_seq())
        for (const Value& x : *v.items) ok = ok && is_int(x);
      break;
    case T::Float: ok = v.is_number(); want = "float"; break;
    case T::Bool: ok = v.kind == K::Bool; want = "bool"; break;
    case T::DType: ok = v.kind == K::DType; want = "torch.dtype"; break;
    case T::Str: ok = v.kind == K::Str; want = "str"; break;
    case T::Number: ok = v.is_number(); want = "Number"; break;
    case T::Any: ok = true; break;
  }
  return ok ? "" : "argument '" + p.name + "' must be " + want + ", not " + v.type_name();
}

std::string signature_of(const OpDef& op) {
  return op.name + op.schema.substr(op.schema.find('('), op.schema.find(" -> ") - op.schema.find('('));
}

}  // namespace

void parse_op_schema(OpDef& op) { parse_schema(op); }

const std::vector<OpDef>& op_table() {
  static const std::vector<OpDef> t = build_table();
  return t;
}

const OpDef& op_row(const char* key) {
  const OpDef* row = find_op_key(key);
  TL_CHECK(row, "op table: no row '", key, "'");
  return *row;
}

void label_node(const Tensor& out, const OpDef& row, std::initializer_list<const Tensor*> inputs) {
  if (!out.defined() || !out.grad_fn()) return;
  for (const Tensor* t : inputs)
    if (t && t->defined() && t->grad_fn() == out.grad_fn()) return;
  out.grad_fn()->display = out.grad_fn()->row == &row ? nullptr : row.grad_fn.c_str();
  // The nodes this call made: those after every input's node (the module's parameters are
  // leaves; inputs made by other ops have smaller seqs).
  uint64_t before = 0;
  for (const Tensor* t : inputs)
    if (t && t->defined() && t->grad_fn() && !t->grad_fn()->is_accumulate()) before = std::max(before, t->grad_fn()->seq);
  if (out.grad_fn()->seq > before + 1) mark_composite(out, before, "");  // "": named by its grad_fn
}


void backward_op_result(Tensor& gi, const OpDef& row, const Tensor& g, const Tensor& saved) {
  // PyTorch's backward op returns a fresh tensor: a view of this backward's own buffer (the
  // reshape of what it scattered) is no view of anything (an in-place op on the gradient that
  // autograd.grad returns records on it, no CopySlices). (Never g or the saved tensor itself.)
  auto shares = [&](const Tensor& t) { return t.defined() && t.impl()->storage == gi.impl()->storage; };
  if (gi.defined() && gi.impl()->view_base && !shares(g) && !shares(saved)) {
    gi.impl()->view_base.reset();
    gi.impl()->is_view = false;
  }
  if (gi.requires_grad()) return label_node(gi, row, {&g, &saved});
  // (only under create_graph with a saved tensor that requires grad: else nothing is recorded)
  if (grad_enabled() && saved.requires_grad() && gi.is_floating_point())
    gi = autograd::piecewise_constant(gi, {saved}, row.grad_fn.c_str());
}

Tensor grad_named(const Tensor& x, const OpDef& row) {
  if (!x.requires_grad() || !grad_enabled()) return x;
  Tensor out(data_alias(x));
  if (Node* n = record(TL_ROW("grad_named"), {&x}, out)) {
    n->attrs().i0 = &row - op_table().data();  // the row's index in the table
    save(n, x);
  }
  return out;
}

static void grad_named_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi) {
  const OpDef& row = op_table()[size_t(n.attrs().i0)];
  Tensor x = n.saved_tensor(0);
  gi[0] = g;
  // Only the first gradient (b0): a second order one reaches this node again through the first's
  // graph, and is PyTorch's double-backward formula's (not named here).
  if (!grad_enabled() || n.attrs().b0) return;
  n.attrs().b0 = true;
  // g: the composite's own gradient (made in this backward), renamed
  if (g.requires_grad()) label_node(g, row, {&x});
  else backward_op_result(gi[0], row, g, x);
}

std::vector<const OpDef*> find_ops(const std::string& name, unsigned where) {
  static const auto index = [] {
    std::unordered_map<std::string, std::vector<const OpDef*>> m;
    for (const OpDef& op : op_table()) m[op.name].push_back(&op);
    return m;
  }();
  // PyTorch's aliases (native_functions.yaml: "alias for ..."): the same rows under another name,
  // where the alias has the op's exposure (torch.clip and Tensor.clip as clamp). Not rows of their
  // own: one op, gradchecked and fuzzed once.
  static const std::unordered_map<std::string, std::string> aliases = {
      {"subtract", "sub"}, {"subtract_", "sub_"}, {"multiply", "mul"}, {"multiply_", "mul_"}, {"divide", "div"},
      {"divide_", "div_"}, {"absolute", "abs"}, {"absolute_", "abs_"}, {"clip", "clamp"}, {"clip_", "clamp_"},
      {"arccos", "acos"}, {"arccos_", "acos_"}, {"arcsin", "asin"}, {"arcsin_", "asin_"}, {"arctan", "atan"},
      {"arctan_", "atan_"}, {"arccosh", "acosh"}, {"arccosh_", "acosh_"}, {"arcsinh", "asinh"}, {"arcsinh_", "asinh_"},
      {"arctanh", "atanh"}, {"arctanh_", "atanh_"}, {"arctan2", "atan2"}, {"arctan2_", "atan2_"}, {"greater", "gt"},
      {"greater_equal", "ge"}, {"less", "lt"}, {"less_equal", "le"}, {"not_equal", "ne"}, {"negative", "neg"},
      {"negative_", "neg_"}, {"fix", "trunc"}, {"fix_", "trunc_"}, {"swapaxes", "transpose"},
      {"swapaxes_", "transpose_"}, {"concat", "cat"}, {"concatenate", "cat"}, {"ger", "outer"}, {"moveaxis", "movedim"}};
  std::vector<const OpDef*> r;
  auto it = index.find(name);
  if (it == index.end())
    if (auto a = aliases.find(name); a != aliases.end()) it = index.find(a->second);
  if (it != index.end())
    for (const OpDef* op : it->second)
      if (op->expose & where) r.push_back(op);
  return r;
}

const OpDef* find_op_key(const std::string& key) {
  static const auto index = [] {
    std::unordered_map<std::string, const OpDef*> m;
    for (const OpDef& op : op_table()) m.emplace(op.key, &op);
    return m;
  }();
  auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;
}

static Tensor exact_int_scalar(int64_t i, DType dt);

std::string bind_args(const OpDef& op, const std::vector<Value>& pos,
                      const std::vector<std::pair<std::string, Value>>& kw, Args& out) {
  const size_t np = op.params.size();
  out.v.assign(np, Value());
  out.given = 0;
  std::vector<bool> set(np, false);
  size_t pi = 0;
  for (size_t a = 0; a < pos.size(); ++a) {
    while (pi < np && op.params[pi].kw_only) ++pi;
    if (pi >= np) {
      size_t npos = 0;
      for (const Param& p : op.params) npos += !p.kw_only;
      return op.name + "() takes " + std::to_string(npos) + " positional argument" + (npos == 1 ? "" : "s") +
             " but " + std::to_string(pos.size()) + " were given";
    }
    const Param& p = op.params[pi];
    if (p.type == Param::Type::IntVarargs && is_int(pos[a])) {
      // x.view(2, 3): gather the remaining ints.
      std::vector<Value> ints;
      while (a < pos.size() && is_int(pos[a])) ints.push_back(pos[a++]);
      --a;
      out.v[pi] = Value::tuple(ints);
    } else {
      out.v[pi] = pos[a];
    }
    set[pi++] = true;
  }
  for (const auto& [k, v] : kw) {
    size_t j = 0;
    while (j < np && op.params[j].name != k) ++j;
    if (j == np) return op.name + "() got an unexpected keyword argument '" + k + "'";
    if (set[j]) return op.name + "() got multiple values for argument '" + k + "'";
    // x.permute(dims=0), torch.zeros(size=3): a keyword takes the sequence only (PyTorch's parser).
    if (op.params[j].type == Param::Type::IntVarargs && (v.kind == Value::Kind::Int || v.kind == Value::Kind::Bool))
      return op.name + "(): argument '" + k + "' must be tuple of ints, not int";
    out.v[j] = v;
    set[j] = true;
  }
  // PyTorch's parser takes a Python number for the first Tensor argument of these (its
  // should_allow_numbers_as_tensors): a wrapped number, torch.sub(False, x) is a bool tensor's sub.
  static const std::unordered_set<std::string> numbers_as_tensors = {
      "add", "sub", "mul", "div", "true_divide", "floor_divide", "subtract", "multiply", "divide"};
  if (np >= 2 && op.params[0].type == Param::Type::Tensor && set[0] && out.v[0].is_number() &&
      numbers_as_tensors.count(op.name)) {
    const Value& n = out.v[0];
    const Value& other = set[1] ? out.v[1] : op.params[1].default_value;
    if (n.kind == Value::Kind::Bool) out.v[0] = Value::tensor(Tensor::scalar(n.b, DType::Bool));
    else if (other.kind == Value::Kind::Tensor && other.t.defined()) out.v[0] = Value::tensor(wrap_number(n, other.t));
    else if (n.kind == Value::Kind::Int) out.v[0] = Value::tensor(exact_int_scalar(n.i, DType::Int64));
    else out.v[0] = Value::tensor(Tensor::scalar(n.f, default_float_dtype()));
  }
  for (size_t j = 0; j < np; ++j) {
    const Param& p = op.params[j];
    if (set[j] && j < 64) out.given |= uint64_t(1) << j;
    if (!set[j]) {
      if (!p.has_default) return op.name + "() missing required argument '" + p.name + "'";
      out.v[j] = p.default_value;
    }
    std::string e = check_type(p, out.v[j]);
    if (!e.empty()) return op.name + "(): " + (e == "None" ? "argument '" + p.name + "' must not be None" : e);
  }
  return "";
}

void apply_ti_layout(Tensor& t) {
  TensorImpl* o = t.impl();
  if (!o->ti_strides) return;
  const Dims strides = *o->ti_strides;
  o->ti_strides.reset();
  if (o->view_base || o->is_view || o->offset != 0 || strides.n != o->shape.n) return;
  // Its storage's other holders may only be the data-only aliases its own node keeps of it (a
  // saved output: exp, tanh, sigmoid, ...), which get the layout too (PyTorch saves the result).
  std::vector<TensorImpl*> saved;
  if (o->grad_fn)
    for (const SavedTensor& s : o->grad_fn->saved)
      if (s.is_output && s.impl && s.impl->storage == o->storage && !s.impl->view_base && s.impl->offset == 0 &&
          s.impl->strides == o->strides)
        saved.push_back(s.impl.get());
  if (o->storage.use_count() != long(1 + saved.size())) return;
  Tensor r = Tensor::empty(t.shape(), t.dtype());
  r.impl()->strides = strides;
  const uint32_t version = o->storage->version;
  {
    NoGradGuard ng;
    copy_(r, t.detach());  // row-major t into r's layout
  }
  o->storage = r.impl()->storage;
  o->storage->version = version;
  o->strides = strides;
  for (TensorImpl* a : saved) a->storage = o->storage, a->strides = strides;
}

namespace {

// PyTorch's view ops (their results are views of their input; the in-place view ops return self).
// Differentiable views are the results of view ops only: any other op's result that is a view
// (of an internal buffer, as cumsum's rows moved back into place, or of its input in a degenerate
// case, as tile of an empty tensor) becomes a root, as PyTorch's non-view outputs are. A view op's
// result gets the creation mode of the call (no_grad or not; a view made under an op's own
// NoGradGuard would say no_grad otherwise).
void settle_view(Tensor& t, const OpDef& op, const Args& args) {
  TensorImpl* o = t.impl();
  if (!o->view_base) return;
  const TensorImpl* from = nullptr;  // the input whose memory the result views
  // An input returned itself wins over another input sharing its storage (a view's base: x is
  // x's view v in v.type_as(x)).
  auto see = [&](const Value& x) {
    if (x.kind == Value::Kind::Tensor && x.t.defined() && x.t.impl()->storage == o->storage && from != o)
      from = x.t.impl();
  };
  for (const Value& v : args.v) {
    see(v);
    if (v.items)
      for (const Value& x : *v.items) see(x);
  }
  if (from == o) return;  // self (in-place ops, contiguous() of a contiguous tensor)
  // autograd.grad's results stay what backward made them: sum's gradient is a view of the seed
  // (made under no_grad unless create_graph), so an in-place op on it is refused as in PyTorch.
  if (!from && op.name == "grad") return;
  // PyTorch's linear of a contiguous 3-D input with a bias returns addmm(...).view(...): a view of
  // that internal result (engine/ops/linalg.cpp linear)
  if (!from && op.name == "linear" && args.v[0].t.dim() == 3 &&
      (args.v[0].t.numel() == 0 || args.v[0].t.is_contiguous()) && !args.v[2].is_none())
    return;
  if (!from && op.name == "nll_loss" && nll_loss_nd_view(args)) return;
  // ravel is contiguous().view(-1) in PyTorch 1.13: of a non-contiguous input, a view of the copy
  // (so an in-place op on it regenerates its grad_fn as AsStridedBackward0, its copy's CopySlices)
  if (!from && op.name == "ravel") return;
  // An internal alias of a composite's own buffer is the view PyTorch's composite returns
  // (matmul's 2-D @ batch: out.mT()).
  if (!from && o->grad_fn && o->grad_fn->row == &TL_ROW("alias")) return;
  if (!from || !op.view) {
    o->view_base.reset();
    o->is_view = false;
    return;
  }
  if (o->view_meta == TensorImpl::ViewMeta::MultiOutput) return;  // split's parts
  using M = TensorImpl::ViewMeta;
  o->view_meta = !grad_enabled() ? M::NoGrad : from->view_base ? from->view_meta : M::Default;
}

// A result noted with TensorIterator's strides (TensorImpl::ti_strides, an elementwise op's
// output in its inputs' memory order) gets them now that it reaches the script: its elements move
// into a buffer of that layout, in place (the same tensor: its node, saved copies and version
// stay). Not for a view or a tensor whose storage something else shares (an input, a view of it).
static bool shares_storage(const TensorImpl* o, const Args& args) {
  for (const Value& v : args.v) {
    if (v.kind == Value::Kind::Tensor && v.t.defined() && v.t.impl()->storage == o->storage) return true;
    if (v.items)
      for (const Value& x : *v.items)
        if (x.kind == Value::Kind::Tensor && x.t.defined() && x.t.impl()->storage == o->storage) return true;
  }
  return false;
}
static void apply_ti_layout(Tensor& t, const Args& args) {
  if (t.impl()->ti_strides && shares_storage(t.impl(), args)) t.impl()->ti_strides.reset();
  apply_ti_layout(t);
}

// A ti_like row's fresh row-major result: the strides TensorIterator gives it from the row's
// tensor arguments (nothing to do, no copy, when they are all contiguous).
static void note_ti_layout(Tensor& t, const Args& args) {
  if (t.impl()->ti_strides) return;
  const Tensor* ins[4];
  size_t n = 0;
  for (const Value& v : args.v)
    if (v.kind == Value::Kind::Tensor && v.t.defined()) {
      if (n == 4) return;
      ins[n++] = &v.t;
    }
  ti_layout_hint(t, ins, n);
}

Value settle_views(Value r, const OpDef& op, const Args& args) {
  if (r.kind == Value::Kind::Tensor && r.t.defined()) {
    settle_view(r.t, op, args);
    if (op.ti_like) note_ti_layout(r.t, args);
    apply_ti_layout(r.t, args);
  }
  if (r.items)
    for (Value& x : *r.items)
      if (x.kind == Value::Kind::Tensor && x.t.defined()) settle_view(x.t, op, args);
  return r;
}

// PyTorch's autograd wrapper of a primitive makes its node, reading the inputs' grad_fns (which
// regenerates a stale view's), before the kernel runs: after a kernel's error (a dim out of range)
// those views have their new grad_fn (no longer leaves). An in-place op on a leaf fails before.
// Some rows without a backward here are PyTorch primitives with such a wrapper too (masked_fill,
// whose node is a where's; bitwise_and on floats, whose kernel refuses the dtype), or composites
// whose first step with each input is one (matmul of 1-D or 2-D inputs: dot, mv, mm, unsqueeze).
static bool wrapped_without_backward(const OpDef& op, const Args& args) {
  const std::string& n = op.name;
  if (n == "masked_fill" || n == "bitwise_and" || n == "bitwise_or" || n == "bitwise_xor" ||
      n == "bitwise_left_shift" || n == "bitwise_right_shift")
    return true;
  if (n == "matmul" && args.v.size() >= 2 && args.v[0].kind == Value::Kind::Tensor &&
      args.v[1].kind == Value::Kind::Tensor && args.v[0].t.defined() && args.v[1].t.defined()) {
    const int d1 = args.v[0].t.dim(), d2 = args.v[1].t.dim();
    return d1 >= 1 && d2 >= 1 && d2 <= 2;  // (a 3-D+ first input is folded by a view first)
  }
  return false;
}

void refresh_input_views(const OpDef& op, const Args& args, bool self_leaf) {
  if ((!op.backward && !wrapped_without_backward(op, args)) || !grad_enabled() || self_leaf) return;
  bool any = false;
  for (const Value& v : args.v) any = any || (v.kind == Value::Kind::Tensor && v.t.defined() && v.t.requires_grad());
  if (!any) return;
  for (const Value& v : args.v)
    if (v.kind == Value::Kind::Tensor && v.t.defined() && v.t.impl()->view_base) (void)v.t.grad_fn();
}

}  // namespace

Value call_op(const std::string& name, unsigned where, const std::vector<Value>& pos,
              const std::vector<std::pair<std::string, Value>>& kw) {
  std::vector<const OpDef*> ops = find_ops(name, where);
  TL_CHECK(!ops.empty(), "unknown op '", name, "'");
  std::string first_err;
  Args args;
  for (const OpDef* op : ops) {
    std::string e;
    // torch.reshape(x, 2, 3) / torch.permute(x, 1, 0): PyTorch's functions take an int... after a
    // tensor only as one sequence (the methods, and torch.zeros(2, 3), take varargs).
    if (where == kTorch && op->vararg && !op->params.empty() && op->params[0].type != Param::Type::IntVarargs) {
      size_t k = 0;
      while (op->params[k].type != Param::Type::IntVarargs) ++k;
      if (pos.size() > k + 1)
        e = op->name + "() takes " + std::to_string(k + 1) + " positional arguments but " + std::to_string(pos.size()) +
            " were given";
      else if (pos.size() == k + 1 && (pos[k].kind == Value::Kind::Int || pos[k].kind == Value::Kind::Bool))
        e = op->name + "(): argument '" + op->params[k].name + "' (position " + std::to_string(k + 1) +
            ") must be tuple of ints, not int";
    }
    if (e.empty()) e = bind_args(*op, pos, kw, args);
    if (e.empty()) {
      const bool self_leaf = op->name.back() == '_' && !args.v.empty() && args.v[0].kind == Value::Kind::Tensor &&
                             args.v[0].t.defined() && inplace_on_leaf(args.v[0].t);
      try {
        return settle_views(op->call(args), *op, args);
      } catch (...) {
        refresh_input_views(*op, args, self_leaf);
        throw;
      }
    }
    if (first_err.empty()) first_err = e;
  }
  // Arguments that fit no overload: Python's TypeError, as PyTorch's argument parser.
  if (ops.size() == 1) TL_FAIL("TypeError: ", first_err);
  std::string got = "(";
  for (size_t i = 0; i < pos.size(); ++i) got += (i ? ", " : "") + pos[i].type_name();
  for (size_t i = 0; i < kw.size(); ++i) got += ((i || !pos.empty()) ? ", " : "") + kw[i].first + "=" + kw[i].second.type_name();
  got += ")";
  std::string msg = name + "() received an invalid combination of arguments - got " + got + ", but expected one of:";
  for (const OpDef* op : ops) msg += "\n * " + signature_of(*op);
  TL_FAIL("TypeError: ", msg);
}

// c10::checked_convert: to an integer type a float must lie within [min, max] (NaN and +-inf never
// do), an int too except that a negative int wraps into uint8 when -v <= 255; to float32 a finite
// number must lie within float's range (inf and NaN pass); bool and float64 take anything.
bool number_overflows(const Value& v, DType dt) {
  if (dt == DType::Bool || dt == DType::Float64) return false;
  const double d = v.as_double();
  if (dt == DType::Float32) return std::isfinite(d) && std::fabs(d) > double(std::numeric_limits<float>::max());
  double lo = 0, hi = 0;
  TL_DISPATCH(dt, T, [&] { lo = double(std::numeric_limits<T>::lowest()), hi = double(std::numeric_limits<T>::max()); });
  if (v.kind == Value::Kind::Int || v.kind == Value::Kind::Bool) {
    const int64_t i = v.kind == Value::Kind::Bool ? int64_t(v.b) : v.i;
    if (dt == DType::UInt8) return i > 255 || i < -255;
    return dt != DType::Int64 && (double(i) < lo || double(i) > hi);
  }
  return !(d >= lo && d <= hi);
}
void check_number_fits(const Value& v, DType dt) {
  static const char* const cpp[] = {"float", "double", "int64_t", "bool", "int", "int16_t", "int8_t", "uint8_t"};
  TL_CHECK(!v.is_number() || !number_overflows(v, dt), "value cannot be converted to type ", cpp[int(dt)], " without overflow");
}

// A Python int as a 0-d tensor of `dt`, exactly (an int64 beyond 2^53 is not a double).
static Tensor exact_int_scalar(int64_t i, DType dt) {
  Tensor s = Tensor::scalar(0, DType::Int64);
  s.data_ptr<int64_t>()[0] = i;
  return dt == DType::Int64 ? s : to_dtype(s, dt);
}

Tensor alpha_times(const Tensor& other, const Value& alpha, DType ct) {
  check_number_fits(alpha, ct);
  Tensor s = alpha.kind == Value::Kind::Int ? exact_int_scalar(alpha.i, ct) : Tensor::scalar(alpha.as_double(), ct);
  return mul(other.dtype() == ct ? other : to_dtype(other, ct), s);
}

Value item_number(const Tensor& t) {
  if (t.dtype() == DType::Bool) return Value::boolean(t.item() != 0);
  if (is_int(t.dtype())) return Value::integer(t.to_int_vector()[0]);
  return Value::number(t.item());
}

// ---- Args accessors ----
const Tensor& Args::t(size_t k) const { return v[k].t; }
Tensor Args::opt_t(size_t k) const { return v[k].kind == Value::Kind::Tensor ? v[k].t : Tensor(); }
Tensor Args::num_or_t(size_t k, size_t self) const {
  if (v[k].kind == Value::Kind::Tensor) return v[k].t;
  const Value& s = v[self];
  return wrap_number(v[k], s.kind == Value::Kind::Tensor ? s.t : Tensor::scalar(0));
}
Tensor wrap_number(const Value& n, const Tensor& like) {
  if (n.kind == Value::Kind::Bool && like.dtype() == DType::Bool) return Tensor::scalar(n.b, DType::Bool);
  // an int next to an integer or bool tensor: exactly (2**53 + 1 is not a double)
  if (n.kind == Value::Kind::Int && !like.is_floating_point())
    return exact_int_scalar(n.i, like.dtype() == DType::Bool ? DType::Int64 : like.dtype());
  return wrap_scalar(n.as_double(), like, n.kind != Value::Kind::Float);
}
std::vector<Tensor> Args::tensors(size_t k) const {
  if (v[k].kind == Value::Kind::Tensor) return {v[k].t};
  std::vector<Tensor> r;
  for (const Value& x : *v[k].items) r.push_back(x.t);
  return r;
}
int64_t Args::i(size_t k) const { return v[k].kind == Value::Kind::Bool ? int64_t(v[k].b) : v[k].i; }
std::optional<int64_t> Args::opt_i(size_t k) const {
  if (v[k].is_none()) return std::nullopt;
  return i(k);
}
std::vector<int64_t> Args::ints(size_t k) const {
  const Value& x = v[k];
  if (x.is_none()) return {};
  if (!x.is_seq()) return {x.kind == Value::Kind::Bool ? int64_t(x.b) : x.i};
  std::vector<int64_t> r;
  for (const Value& e : *x.items) r.push_back(e.kind == Value::Kind::Bool ? int64_t(e.b) : e.i);
  return r;
}
double Args::f(size_t k) const { return v[k].as_double(); }
std::optional<double> Args::opt_f(size_t k) const {
  if (v[k].is_none()) return std::nullopt;
  return f(k);
}
bool Args::b(size_t k) const { return v[k].b; }
std::optional<DType> Args::dtype(size_t k) const {
  if (v[k].is_none()) return std::nullopt;
  return DType(v[k].i);
}

// ---- nested values <-> tensors ----
Tensor tensor_from_value(const Value& data, std::optional<DType> dtype) {
  // Walk the nesting breadth-first with an explicit queue (no recursion), checking that every
  // level is rectangular.
  Shape shape;
  std::vector<const Value*> level{&data}, next;
  while (!level.empty() && level[0]->is_seq()) {
    const size_t len = level[0]->items->size();
    TL_CHECK(shape.n < kMaxDims, "tensor: too many dimensions (the limit is ", kMaxDims, ")");
    shape.push_back(int64_t(len));
    next.clear();
    for (const Value* v : level) {
      TL_CHECK(v->is_seq(), "tensor: expected a sequence at dim ", shape.n - 1, " (got ", v->type_name(), ")");
      TL_CHECK(v->items->size() == len, "tensor: expected sequence of length ", len, " at dim ", shape.n - 1,
               " (got ", v->items->size(), ")");
      for (const Value& c : *v->items) next.push_back(&c);
    }
    TL_CHECK(int64_t(next.size()) <= max_elements(), "tensor: too many elements");
    level.swap(next);
    if (len == 0) break;
  }
  bool all_bool = true, all_int = true;
  std::vector<double> vals;
  vals.reserve(level.size());
  for (const Value* v : level) {
    TL_CHECK(v->is_number() || (v->kind == Value::Kind::Tensor && v->t.numel() == 1),
             "tensor: could not convert a value of type ", v->type_name(), " to a number");
    if (v->kind == Value::Kind::Tensor) {
      all_bool = all_bool && v->t.dtype() == DType::Bool;
      all_int = all_int && !v->t.is_floating_point();
      vals.push_back(v->t.item());
      continue;
    }
    all_bool = all_bool && v->kind == Value::Kind::Bool;
    all_int = all_int && v->kind != Value::Kind::Float;
    vals.push_back(v->as_double());
  }
  if (level.size() != size_t(shape.numel())) shape.push_back(0);  // e.g. [[]]
  DType dt = dtype ? *dtype
                   : (level.empty() ? default_float_dtype()
                                    : all_bool ? DType::Bool : all_int ? DType::Int64 : default_float_dtype());
  if (is_int(dt))  // PyTorch's checked conversion of Python numbers (store_scalar; floats unchecked)
    for (const Value* v : level)
      TL_CHECK(!v->is_number() || !number_overflows(*v, dt), "value cannot be converted to type ", dtype_name(dt),
               " without overflow");
  Tensor out = Tensor::from_data(vals, shape, dt);
  if (dt == DType::Int64 && all_int) {  // exact beyond 2^53 (a double holds 53 bits)
    int64_t* p = out.data_ptr<int64_t>();
    for (size_t k = 0; k < level.size(); ++k) {
      const Value* v = level[k];
      if (v->kind == Value::Kind::Int) p[k] = v->i;
      else if (v->kind == Value::Kind::Tensor && v->t.dtype() == DType::Int64) p[k] = v->t.to_int_vector()[0];
    }
  }
  return out;
}

Value tensor_to_value(const Tensor& t) {
  std::vector<double> flat = t.to_vector();
  std::vector<int64_t> ints;  // int64 exactly (a double holds 53 bits)
  if (is_int(t.dtype())) ints = t.to_int_vector();
  auto scalar = [&](size_t k) {
    if (t.dtype() == DType::Bool) return Value::boolean(flat[k] != 0);
    if (is_int(t.dtype())) return Value::integer(ints[k]);
    return Value::number(flat[k]);
  };
  if (t.dim() == 0) return scalar(0);
  // Build bottom-up: rows of the last dim, then group them per enclosing dim.
  std::vector<Value> cur;
  for (size_t k = 0; k < flat.size(); ++k) cur.push_back(scalar(k));
  for (int d = t.dim() - 1; d >= 0; --d) {
    const size_t len = size_t(t.shape()[d]);
    std::vector<Value> up;
    if (len == 0) {
      size_t outer = 1;
      for (int k = 0; k < d; ++k) outer *= size_t(t.shape()[k]);
      for (size_t k = 0; k < outer; ++k) up.push_back(Value::list({}));
    } else {
      for (size_t k = 0; k < cur.size(); k += len)
        up.push_back(Value::list(std::vector<Value>(cur.begin() + long(k), cur.begin() + long(k + len))));
    }
    cur.swap(up);
  }
  return cur.empty() ? Value::list({}) : cur[0];
}

}  // namespace tl
