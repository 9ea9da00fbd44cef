// Constructors of nn modules and optimizers from Python-style arguments. See bind.h.
#include "engine/nn/bind.h"

#include <map>

#include "engine/core/error.h"
#include "engine/ops/op_table.h"

namespace tl::nn {

// PyTorch 1.13's __init__ signatures (keyword names and defaults as in torch/nn/modules/*.py and
// torch/optim/*.py). Arguments tensorlens does not implement are accepted at their default only.
const std::vector<std::string>& constructor_schemas() {
  static const std::vector<std::string> schemas = {
        "Linear(int in_features, int out_features, bool bias=True, Any device=None, Any dtype=None) -> Module",
        "ReLU(bool inplace=False) -> Module",
        "Tanh() -> Module",
        "Sigmoid() -> Module",
        "GELU(str approximate='none') -> Module",
        "LeakyReLU(float negative_slope=0.01, bool inplace=False) -> Module",
        "Softmax(int? dim=None) -> Module",
        "LogSoftmax(int? dim=None) -> Module",
        "Flatten(int start_dim=1, int end_dim=-1) -> Module",
        "Identity(Any arg0=None, Any arg1=None) -> Module",
        "Dropout(float p=0.5, bool inplace=False) -> Module",
        "LayerNorm(int[] normalized_shape, float eps=1e-05, bool elementwise_affine=True, Any device=None, Any dtype=None) -> Module",
        "Embedding(int num_embeddings, int embedding_dim, int? padding_idx=None, float? max_norm=None, float norm_type=2.0, "
        "bool scale_grad_by_freq=False, bool sparse=False, Tensor? _weight=None, Any device=None, Any dtype=None) -> Module",
        "Conv2d(int in_channels, int out_channels, int[] kernel_size, int[] stride=1, Any padding=0, int[] dilation=1, "
        "int groups=1, bool bias=True, str padding_mode='zeros', Any device=None, Any dtype=None) -> Module",
        "MaxPool2d(int[] kernel_size, int[]? stride=None, int[] padding=0, int[] dilation=1, bool return_indices=False, "
        "bool ceil_mode=False) -> Module",
        "AvgPool2d(int[] kernel_size, int[]? stride=None, int[] padding=0, bool ceil_mode=False, bool count_include_pad=True, "
        "int? divisor_override=None) -> Module",
        "AdaptiveAvgPool2d(Any output_size) -> Module",
        "Unflatten(int dim, int[] unflattened_size) -> Module",
        "BatchNorm1d(int num_features, float eps=1e-05, float? momentum=0.1, bool affine=True, bool track_running_stats=True, "
        "Any device=None, Any dtype=None) -> Module",
        "BatchNorm2d(int num_features, float eps=1e-05, float? momentum=0.1, bool affine=True, bool track_running_stats=True, "
        "Any device=None, Any dtype=None) -> Module",
        "LSTM(int input_size, int hidden_size, int num_layers=1, bool bias=True, bool batch_first=False, float dropout=0.0, "
        "bool bidirectional=False, int proj_size=0, Any device=None, Any dtype=None) -> Module",
        "PReLU(int num_parameters=1, float init=0.25, Any device=None, Any dtype=None) -> Module",
        "L1Loss(Any size_average=None, Any reduce=None, str reduction='mean') -> Module",
        "SmoothL1Loss(Any size_average=None, Any reduce=None, str reduction='mean', float beta=1.0) -> Module",
        "BCELoss(Tensor? weight=None, Any size_average=None, Any reduce=None, str reduction='mean') -> Module",
        "MSELoss(Any size_average=None, Any reduce=None, str reduction='mean') -> Module",
        "NLLLoss(Tensor? weight=None, Any size_average=None, int ignore_index=-100, Any reduce=None, "
        "str reduction='mean') -> Module",
        "CrossEntropyLoss(Tensor? weight=None, Any size_average=None, int ignore_index=-100, Any reduce=None, "
        "str reduction='mean', float label_smoothing=0.0) -> Module",
        "BCEWithLogitsLoss(Tensor? weight=None, Any size_average=None, Any reduce=None, str reduction='mean', "
        "Tensor? pos_weight=None) -> Module",
        "SGD(Any params, float? lr=None, float momentum=0, float dampening=0, float weight_decay=0, bool nesterov=False, *, "
        "bool maximize=False, bool? foreach=None, bool differentiable=False) -> Optimizer",
        "Adam(Any params, float lr=0.001, Any betas=None, float eps=1e-08, float weight_decay=0, bool amsgrad=False, *, "
        "bool? foreach=None, bool maximize=False, bool capturable=False, bool differentiable=False, bool fused=False) -> Optimizer",
        "AdamW(Any params, float lr=0.001, Any betas=None, float eps=1e-08, float weight_decay=0.01, bool amsgrad=False, *, "
        "bool maximize=False, bool? foreach=None, bool capturable=False) -> Optimizer",
        "Adadelta(Any params, float lr=1.0, float rho=0.9, float eps=1e-06, float weight_decay=0, bool? foreach=None, *, "
        "bool maximize=False) -> Optimizer",
        "Adagrad(Any params, float lr=0.01, float lr_decay=0, float weight_decay=0, float initial_accumulator_value=0, "
        "float eps=1e-10, bool? foreach=None, *, bool maximize=False) -> Optimizer",
        "RMSprop(Any params, float lr=0.01, float alpha=0.99, float eps=1e-08, float weight_decay=0, float momentum=0, "
        "bool centered=False, bool? foreach=None, bool maximize=False, bool differentiable=False) -> Optimizer",
  };
  return schemas;
}

namespace {

const std::map<std::string, OpDef>& signatures() {
  static const std::map<std::string, OpDef> m = [] {
    std::map<std::string, OpDef> r;
    for (const std::string& s : constructor_schemas()) {
      OpDef d;
      d.schema = s;
      parse_op_schema(d);
      r.emplace(d.name, std::move(d));
    }
    return r;
  }();
  return m;
}

Args bind_call(const std::string& name, const std::vector<Value>& pos, const KwArgs& kw) {
  const OpDef& d = signatures().at(name);
  Args a;
  std::string e = bind_args(d, pos, kw, a);
  if (!e.empty()) TL_FAIL("TypeError: ", e);
  return a;
}

// Index of a parameter by name (so the code below reads by name, not position).
size_t ix(const std::string& cls, const char* param) {
  const OpDef& d = signatures().at(cls);
  for (size_t i = 0; i < d.params.size(); ++i)
    if (d.params[i].name == param) return i;
  TL_FAIL("internal: ", cls, " has no parameter ", param);
}

// Arguments tensorlens only has at their default.
void only_default(const std::string& cls, const Args& a, const char* param) {
  const size_t i = ix(cls, param);
  const Value& v = a.v[i];
  const Value& dv = signatures().at(cls).params[i].default_value;
  bool same = v.kind == dv.kind || (v.is_number() && dv.is_number());
  if (same && v.is_number()) same = v.as_double() == dv.as_double();
  if (same && v.kind == Value::Kind::Str) same = v.s == dv.s;
  TL_CHECK(same, cls, "(): argument '", param, "' is not supported by tensorlens (leave it at its default)");
}

}  // namespace

const std::vector<std::string>& module_classes() {
  static const std::vector<std::string> v = {"Linear",  "Sequential", "ReLU",      "Tanh",      "Sigmoid",
                                             "GELU",    "LeakyReLU",  "Softmax",   "Dropout",   "LayerNorm",
                                             "Embedding", "MSELoss",  "CrossEntropyLoss", "BCEWithLogitsLoss",
                                             "LogSoftmax", "Flatten", "Identity", "NLLLoss", "Conv2d", "MaxPool2d",
                                             "AvgPool2d", "AdaptiveAvgPool2d", "Unflatten", "BatchNorm1d", "BatchNorm2d",
                                             "LSTM", "PReLU", "L1Loss", "SmoothL1Loss", "BCELoss"};
  return v;
}

bool is_module_class(const std::string& name) {
  for (const std::string& n : module_classes())
    if (n == name) return true;
  return false;
}

ModulePtr make_module(const std::string& cls, const std::vector<Value>& pos, const KwArgs& kw) {
  TL_CHECK(cls != "Sequential", "internal: Sequential is built by the caller");
  TL_CHECK(signatures().count(cls), "AttributeError: module 'torch.nn' has no attribute '", cls, "'");
  Args a = bind_call(cls, pos, kw);
  auto at = [&](const char* p) -> const Value& { return a.v[ix(cls, p)]; };
  auto i_ = [&](const char* p) { return a.i(ix(cls, p)); };
  auto f_ = [&](const char* p) { return a.f(ix(cls, p)); };
  auto b_ = [&](const char* p) { return a.b(ix(cls, p)); };
  auto no_inplace = [&] {
    TL_CHECK(!b_("inplace"), cls, "(inplace=True) is not supported by tensorlens");
  };
  if (cls == "Linear") {
    only_default(cls, a, "device"), only_default(cls, a, "dtype");
    return std::make_shared<Linear>(i_("in_features"), i_("out_features"), b_("bias"));
  }
  if (cls == "ReLU") return no_inplace(), Activation::make(Activation::Kind::ReLU);
  if (cls == "Tanh") return Activation::make(Activation::Kind::Tanh);
  if (cls == "Sigmoid") return Activation::make(Activation::Kind::Sigmoid);
  if (cls == "GELU") {
    TL_CHECK(at("approximate").s == "none", "GELU(approximate='", at("approximate").s,
             "') is not supported by tensorlens (only 'none')");
    return Activation::make(Activation::Kind::GELU);
  }
  if (cls == "LeakyReLU") return no_inplace(), std::make_shared<LeakyReLU>(f_("negative_slope"));
  if (cls == "Softmax") return std::make_shared<Softmax>(a.opt_i(ix(cls, "dim")));
  if (cls == "LogSoftmax") {
    TL_CHECK(!at("dim").is_none(), "LogSoftmax(dim=None) is deprecated in PyTorch and not supported by tensorlens; pass dim");
    return std::make_shared<LogSoftmax>(i_("dim"));
  }
  if (cls == "Flatten") return std::make_shared<Flatten>(i_("start_dim"), i_("end_dim"));
  if (cls == "Identity") return std::make_shared<Identity>();
  if (cls == "Dropout") return std::make_shared<Dropout>(f_("p"), b_("inplace"));
  if (cls == "LayerNorm") {
    only_default(cls, a, "device"), only_default(cls, a, "dtype");
    return std::make_shared<LayerNorm>(a.ints(ix(cls, "normalized_shape")), f_("eps"), b_("elementwise_affine"));
  }
  if (cls == "Embedding") {
    for (const char* p : {"max_norm", "norm_type", "scale_grad_by_freq", "sparse", "device", "dtype"})
      only_default(cls, a, p);
    Tensor w = a.opt_t(ix(cls, "_weight"));
    if (w.defined())
      TL_CHECK(w.dim() == 2 && w.shape()[0] == i_("num_embeddings") && w.shape()[1] == i_("embedding_dim"),
               "AssertionError: Shape of weight does not match num_embeddings and embedding_dim");
    return std::make_shared<Embedding>(i_("num_embeddings"), i_("embedding_dim"), a.opt_i(ix(cls, "padding_idx")), w);
  }
  if (cls == "Conv2d") {
    only_default(cls, a, "device"), only_default(cls, a, "dtype");
    TL_CHECK(at("padding_mode").s == "zeros", "Conv2d(padding_mode='", at("padding_mode").s,
             "') is not supported by tensorlens (only 'zeros')");
    const Value& p = at("padding");
    std::string pstr;
    std::vector<int64_t> pad{0};
    if (p.kind == Value::Kind::Str) {
      TL_CHECK(p.s == "valid" || p.s == "same", "ValueError: Invalid padding string '", p.s,
               "', should be one of {'valid', 'same'}");
      pstr = p.s;
    } else {
      TL_CHECK(p.kind == Value::Kind::Int || p.is_seq(), "TypeError: Conv2d(): padding must be an int, a tuple of ints or a string");
      pad = a.ints(ix(cls, "padding"));
    }
    return std::make_shared<Conv2d>(i_("in_channels"), i_("out_channels"), a.ints(ix(cls, "kernel_size")),
                                    a.ints(ix(cls, "stride")), pad, pstr, a.ints(ix(cls, "dilation")), i_("groups"), b_("bias"));
  }
  if (cls == "MaxPool2d")
    return std::make_shared<MaxPool2d>(at("kernel_size"), at("stride"), at("padding"), at("dilation"), b_("return_indices"),
                                       b_("ceil_mode"));
  if (cls == "AvgPool2d")
    return std::make_shared<AvgPool2d>(at("kernel_size"), at("stride"), at("padding"), b_("ceil_mode"),
                                       b_("count_include_pad"), a.opt_i(ix(cls, "divisor_override")));
  if (cls == "AdaptiveAvgPool2d") return std::make_shared<AdaptiveAvgPool2d>(at("output_size"));
  if (cls == "Unflatten") {
    const Value& sz = a.v[ix(cls, "unflattened_size")];
    const char style = sz.kind == Value::Kind::List ? 'l' : sz.s == "torch.Size" ? 's' : 't';
    return std::make_shared<Unflatten>(i_("dim"), a.ints(ix(cls, "unflattened_size")), style);
  }
  if (cls == "BatchNorm1d" || cls == "BatchNorm2d") {
    only_default(cls, a, "device"), only_default(cls, a, "dtype");
    return std::make_shared<BatchNorm>(cls == "BatchNorm2d" ? 2 : 1, i_("num_features"), f_("eps"),
                                       a.opt_f(ix(cls, "momentum")), b_("affine"), b_("track_running_stats"));
  }
  if (cls == "LSTM") {
    only_default(cls, a, "device"), only_default(cls, a, "dtype");
    TL_CHECK(!b_("bidirectional"), "LSTM(bidirectional=True) is not supported by tensorlens");
    TL_CHECK(i_("proj_size") == 0, "LSTM(proj_size=...) is not supported by tensorlens");
    return std::make_shared<LSTM>(i_("input_size"), i_("hidden_size"), i_("num_layers"), b_("bias"), b_("batch_first"),
                                  f_("dropout"));
  }
  if (cls == "PReLU") {
    only_default(cls, a, "device"), only_default(cls, a, "dtype");
    return std::make_shared<PReLU>(i_("num_parameters"), f_("init"));
  }
  // Losses.
  only_default(cls, a, "size_average"), only_default(cls, a, "reduce");
  const std::string& rs = at("reduction").s;
  const bool valid = rs == "mean" || rs == "sum" || rs == "none";
  const Reduction r = valid ? parse_reduction(rs) : Reduction::Mean;
  std::shared_ptr<Loss> l;
  if (cls == "MSELoss") {
    l = std::make_shared<MSELoss>(r);
  } else if (cls == "NLLLoss") {
    only_default(cls, a, "weight");
    l = std::make_shared<NLLLoss>(r, i_("ignore_index"));
  } else if (cls == "L1Loss") {
    l = std::make_shared<L1Loss>(r);
  } else if (cls == "SmoothL1Loss") {
    l = std::make_shared<SmoothL1Loss>(r, f_("beta"));
  } else if (cls == "BCELoss") {
    only_default(cls, a, "weight");
    l = std::make_shared<BCELoss>(r);
  } else if (cls == "CrossEntropyLoss") {
    only_default(cls, a, "weight"), only_default(cls, a, "label_smoothing");
    l = std::make_shared<CrossEntropyLoss>(r, i_("ignore_index"));
  } else {
    only_default(cls, a, "weight");
    l = std::make_shared<BCEWithLogitsLoss>(r, a.opt_t(ix(cls, "pos_weight")));
  }
  if (!valid) l->invalid_reduction = rs;
  return l;
}

bool is_optimizer_class(const std::string& name) {
  return name == "SGD" || name == "Adam" || name == "AdamW" || name == "Adadelta" || name == "Adagrad" || name == "RMSprop";
}

std::shared_ptr<optim::Optimizer> make_optimizer(const std::string& cls, std::vector<Tensor> params,
                                                 const std::vector<Value>& pos, const KwArgs& kw) {
  TL_CHECK(is_optimizer_class(cls), "AttributeError: module 'torch.optim' has no attribute '", cls, "'");
  std::vector<Value> p{Value::boolean(true)};  // a stand-in for the params slot (already unwrapped)
  p.insert(p.end(), pos.begin(), pos.end());
  KwArgs k;
  for (const auto& kv : kw)
    if (kv.first != "params") k.push_back(kv);
  Args a = bind_call(cls, p, k);
  auto f_ = [&](const char* n) { return a.f(ix(cls, n)); };
  auto b_ = [&](const char* n) { return a.b(ix(cls, n)); };
  if (cls == "SGD") {
    only_default(cls, a, "differentiable");
    TL_CHECK(!a.is_none(ix(cls, "lr")), "TypeError: SGD() missing required argument 'lr'");
    optim::SGDOptions o;
    o.lr = f_("lr"), o.momentum = f_("momentum"), o.dampening = f_("dampening"), o.weight_decay = f_("weight_decay");
    o.nesterov = b_("nesterov"), o.maximize = b_("maximize");
    return std::make_shared<optim::SGD>(std::move(params), o);
  }
  if (cls == "Adadelta") {
    optim::AdadeltaOptions o;
    o.lr = f_("lr"), o.rho = f_("rho"), o.eps = f_("eps"), o.weight_decay = f_("weight_decay"), o.maximize = b_("maximize");
    return std::make_shared<optim::Adadelta>(std::move(params), o);
  }
  if (cls == "Adagrad") {
    optim::AdagradOptions o;
    o.lr = f_("lr"), o.lr_decay = f_("lr_decay"), o.weight_decay = f_("weight_decay");
    o.initial_accumulator_value = f_("initial_accumulator_value"), o.eps = f_("eps"), o.maximize = b_("maximize");
    return std::make_shared<optim::Adagrad>(std::move(params), o);
  }
  if (cls == "RMSprop") {
    only_default(cls, a, "differentiable");
    optim::RMSpropOptions o;
    o.lr = f_("lr"), o.alpha = f_("alpha"), o.eps = f_("eps"), o.weight_decay = f_("weight_decay");
    o.momentum = f_("momentum"), o.centered = b_("centered"), o.maximize = b_("maximize");
    return std::make_shared<optim::RMSprop>(std::move(params), o);
  }
  only_default(cls, a, "capturable");
  if (cls == "Adam") only_default(cls, a, "differentiable"), only_default(cls, a, "fused");
  optim::AdamOptions o;
  o.lr = f_("lr"), o.eps = f_("eps"), o.weight_decay = f_("weight_decay");
  o.amsgrad = b_("amsgrad"), o.maximize = b_("maximize");
  const Value& betas = a.v[ix(cls, "betas")];
  if (!betas.is_none()) {
    bool ok = betas.is_seq() && betas.items->size() == 2;
    for (size_t i = 0; ok && i < 2; ++i) ok = (*betas.items)[i].is_number();
    TL_CHECK(ok, "TypeError: ", cls, "(): betas must be a tuple of two floats");
    o.beta1 = (*betas.items)[0].as_double(), o.beta2 = (*betas.items)[1].as_double();
  }
  return std::make_shared<optim::Adam>(std::move(params), o, cls == "AdamW");
}

}  // namespace tl::nn
