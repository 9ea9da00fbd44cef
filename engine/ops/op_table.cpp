#include "engine/ops/op_table.h"

#include <cmath>
#include <cstdlib>
#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>

#include "engine/ops/ops.h"

namespace tl {

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
  op.differentiable = op.returns == "Tensor" || op.returns == "(Tensor, Tensor(nograd))";
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

// PyTorch's grad_fn names for the rows whose recorded node is named otherwise: composites (mean
// is sum and div here, one MeanBackward0 node in PyTorch; cross_entropy ends in PyTorch's
// NllLossBackward0) and overloads PyTorch numbers (SumBackward1). The row's call labels the node
// it returns (Node::display), so print(y.grad_fn), the inspector and the JS API all show
// PyTorch's name; the graph view still shows the parts.
using NodeNamer = const char* (*)(const Args& a, const Tensor& out);
#define TL_NAME(s) [](const Args&, const Tensor&) -> const char* { return s; }
const std::pair<const char*, NodeNamer> kNodeNames[] = {
    {"mean", TL_NAME("MeanBackward0")},
    {"mean.dim", TL_NAME("MeanBackward1")},
    {"sum.dim", TL_NAME("SumBackward1")},
    {"mse_loss", TL_NAME("MseLossBackward0")},
    // nll_loss / cross_entropy: PyTorch's nll_loss2d for inputs of more than 2 dims.
    {"nll_loss", [](const Args& a, const Tensor&) -> const char* {
       return a.t(0).dim() > 2 ? "NllLoss2DBackward0" : "NllLossBackward0";
     }},
    // class-probability targets: PyTorch's -sum(target * log_softmax) / N ends in a DivBackward1.
    {"cross_entropy", [](const Args& a, const Tensor&) -> const char* {
       if (a.t(1).is_floating_point()) return "DivBackward1";
       return a.t(0).dim() > 2 ? "NllLoss2DBackward0" : "NllLossBackward0";
     }},
    {"softmax", TL_NAME("SoftmaxBackward0")},
    {"select", TL_NAME("SelectBackward0")},
    {"pow.Scalar", TL_NAME("PowBackward0")},
    {"pow.Tensor", TL_NAME("PowBackward1")},
    {"t", TL_NAME("TBackward0")},
    {"std", TL_NAME("StdBackward0")},
    {"std.dim", TL_NAME("StdBackward0")},
    {"std.correction", TL_NAME("StdBackward0")},
    {"var", TL_NAME("VarBackward0")},
    {"var.dim", TL_NAME("VarBackward0")},
    {"var.correction", TL_NAME("VarBackward0")},
    {"max", TL_NAME("MaxBackward1")},
    {"max.dim", TL_NAME("MaxBackward0")},
    {"min", TL_NAME("MinBackward1")},
    {"min.dim", TL_NAME("MinBackward0")},
    {"clamp", TL_NAME("ClampBackward1")},
    {"squeeze", TL_NAME("SqueezeBackward0")},
    {"squeeze.dim", TL_NAME("SqueezeBackward1")},
    {"stack", TL_NAME("StackBackward0")},
    {"gelu", TL_NAME("GeluBackward0")},
    {"layer_norm", TL_NAME("NativeLayerNormBackward0")},
    {"avg_pool2d", TL_NAME("AvgPool2DBackward0")},
    // adaptive_avg_pool2d: PyTorch computes a (1, 1) output as a mean over (H, W).
    {"adaptive_avg_pool2d", [](const Args&, const Tensor& out) -> const char* {
       return out.shape()[out.dim() - 1] == 1 && out.shape()[out.dim() - 2] == 1 ? "MeanBackward1"
                                                                                : "AdaptiveAvgPool2DBackward0";
     }},
    {"to", TL_NAME("ToCopyBackward0")},
    {"float", TL_NAME("ToCopyBackward0")},
    {"double", TL_NAME("ToCopyBackward0")},
    // reshape/flatten: a view of a contiguous input (_reshape_alias), else a copy.
    {"reshape", [](const Args& a, const Tensor& out) -> const char* {
       return out.impl()->storage == a.t(0).impl()->storage ? "ReshapeAliasBackward0" : "UnsafeViewBackward0";
     }},
    {"flatten", [](const Args& a, const Tensor& out) -> const char* {
       return out.impl()->storage == a.t(0).impl()->storage ? "ReshapeAliasBackward0" : "UnsafeViewBackward0";
     }},
    // linear: addmm for a 2-D input with a bias, mm without.
    {"linear", [](const Args& a, const Tensor&) -> const char* {
       if (a.t(0).dim() != 2) return nullptr;
       return a.opt_t(2).defined() ? "AddmmBackward0" : "MmBackward0";
     }},
    // matmul by the operands' ranks.
    {"matmul", [](const Args& a, const Tensor&) -> const char* {
       const int x = a.t(0).dim(), y = a.t(1).dim();
       if (x == 1 && y == 1) return "DotBackward0";
       if (x == 2 && y == 1) return "MvBackward0";
       if (x == 1 && y == 2) return "SqueezeBackward3";
       if (x == 2 && y == 2) return "MmBackward0";
       return nullptr;
     }},
};
#undef TL_NAME

// Wraps the rows of kNodeNames so that their call labels the node it made.
void attach_node_names(std::vector<OpDef>& t) {
  for (const auto& [key, namer] : kNodeNames) {
    OpDef* row = nullptr;
    for (OpDef& op : t)
      if (op.key == key) row = &op;
    TL_CHECK(row, "node name for unknown op row '", key, "'");
    row->node_name = namer;
    static std::deque<std::string> names;  // stable storage for the composites' names
    names.push_back(row->name);
    row->call = [inner = row->call, namer = namer, op = names.back().c_str()](const Args& a) {
      const uint64_t seq_before = last_node_seq();
      Value r = inner(a);
      Tensor* out = r.kind == Value::Kind::Tensor ? &r.t
                    : (r.kind == Value::Kind::Tuple && !r.items->empty() && (*r.items)[0].kind == Value::Kind::Tensor)
                        ? &(*r.items)[0].t
                        : nullptr;
      if (!out || !out->defined() || !out->grad_fn()) return r;
      for (const Value& v : a.v)  // only a node this call made (not an input's)
        if (v.kind == Value::Kind::Tensor && v.t.defined() && v.t.grad_fn() == out->grad_fn()) return r;
      if (const char* n = namer(a, *out)) out->grad_fn()->display = n;
      if (out->grad_fn()->seq > seq_before + 1) mark_composite(*out, seq_before, op);  // made > 1 node
      return r;
    };
  }
}

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
  register_inplace_twins(t);  // last: in-place twins of the rows above
  for (OpDef& op : t) parse_schema(op);
  attach_node_names(t);
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

void label_node(const Tensor& out, const char* name, std::initializer_list<const Tensor*> inputs) {
  if (!name || !out.defined() || !out.grad_fn()) return;
  for (const Tensor* t : inputs)
    if (t && t->defined() && t->grad_fn() == out.grad_fn()) return;
  out.grad_fn()->display = name;
  // The nodes this call made: those after every input's node (the module's parameters are
  // leaves; inputs made by other ops have smaller seqs).
  uint64_t before = 0;
  for (const Tensor* t : inputs)
    if (t && t->defined() && t->grad_fn() && !t->grad_fn()->is_accumulate()) before = std::max(before, t->grad_fn()->seq);
  if (out.grad_fn()->seq > before + 1) mark_composite(out, before, "");  // "": named by its grad_fn
}


std::vector<const OpDef*> find_ops(const std::string& name, unsigned where) {
  static const auto index = [] {
    std::unordered_map<std::string, std::vector<const OpDef*>> m;
    for (const OpDef& op : op_table()) m[op.name].push_back(&op);
    return m;
  }();
  std::vector<const OpDef*> r;
  auto it = index.find(name);
  if (it != index.end())
    for (const OpDef* op : it->second)
      if (op->expose & where) r.push_back(op);
  return r;
}

const OpDef* find_op_key(const std::string& key) {
  for (const OpDef& op : op_table())
    if (op.key == key) return &op;
  return nullptr;
}

std::string bind_args(const OpDef& op, const std::vector<Value>& pos,
                      const std::vector<std::pair<std::string, Value>>& kw, Args& out) {
  const size_t np = op.params.size();
  out.v.assign(np, Value());
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
  for (size_t j = 0; j < np; ++j) {
    const Param& p = op.params[j];
    if (!set[j]) {
      if (!p.has_default) return op.name + "() missing required argument '" + p.name + "'";
      out.v[j] = p.default_value;
    }
    std::string e = check_type(p, out.v[j]);
    if (!e.empty()) return op.name + "(): " + (e == "None" ? "argument '" + p.name + "' must not be None" : e);
  }
  return "";
}

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
    if (e.empty()) return op->call(args);
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

// ---- Args accessors ----
const Tensor& Args::t(size_t k) const { return v[k].t; }
Tensor Args::opt_t(size_t k) const { return v[k].kind == Value::Kind::Tensor ? v[k].t : Tensor(); }
Tensor Args::num_or_t(size_t k, size_t self) const {
  if (v[k].kind == Value::Kind::Tensor) return v[k].t;
  const Value& s = v[self];
  Tensor like = s.kind == Value::Kind::Tensor ? s.t : Tensor::scalar(0);
  if (v[k].kind == Value::Kind::Bool && like.dtype() == DType::Bool) return Tensor::scalar(v[k].b, DType::Bool);
  return wrap_scalar(v[k].as_double(), like, v[k].kind != Value::Kind::Float);
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
  if (is_int(dt) && dt != DType::Int64) {  // PyTorch's checked conversion of Python numbers
    const double lo = dt == DType::UInt8 ? 0 : -std::ldexp(1.0, int(8 * dtype_size(dt)) - 1);
    const double hi = dt == DType::UInt8 ? 255 : std::ldexp(1.0, int(8 * dtype_size(dt)) - 1) - 1;
    for (double x : vals)
      TL_CHECK(x >= lo && x <= hi, "value cannot be converted to type ", dtype_name(dt), " without overflow");
  }
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
