// The tree-walking interpreter of the script language. See interpreter.h for the contract.
//
// Recursion: eval/exec recurse over the syntax tree, whose depth the parser bounds (256); calls
// of user functions nest that at most RunOptions::max_call_depth times, and a global depth
// counter (kMaxEvalDepth) bounds the product so native and wasm stacks are never exhausted.
// Everything that can grow at run time (loops, graphs, nested lists) is walked iteratively or
// is bounded by an explicit limit.
#include "engine/lang/interpreter.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <new>
#include <unordered_map>

#include "engine/autograd/engine.h"
#include "engine/lang/json.h"
#include "engine/lang/parser.h"
#include "engine/nn/bind.h"
#include "engine/ops/op_table.h"
#include "engine/ops/ops.h"
#include "engine/ops/value.h"

namespace tl::lang {

const Tensor* RunResult::find(const std::string& name) const {
  for (const auto& [n, t] : tensors)
    if (n == name) return &t;
  return nullptr;
}

// =====================================================================================
// PyTorch's tensor repr (torch/_tensor_str.py with the default print options: precision 4,
// threshold 1000 elements, 3 edge items, line width 80).
// =====================================================================================
namespace {

constexpr int kPrecision = 4, kThreshold = 1000, kEdge = 3, kLineWidth = 80;

std::string fixed(double v, int prec) {
  char buf[400];  // %f of 1e308 needs ~310 chars
  std::snprintf(buf, sizeof buf, "%.*f", prec, v);
  return buf;
}
std::string sci(double v, int prec) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*e", prec, v);
  return buf;
}

// The values a repr shows: all of them, or (over the threshold) the first and last kEdge
// indices of every long dim, read straight from the strided storage (never a full copy).
struct Shown {
  std::vector<std::vector<int64_t>> idx;  // per dim: the indices shown
  std::vector<bool> cut;                  // per dim: "..." after the first kEdge
  std::vector<double> vals;               // row-major over idx
};

Shown gather_shown(const Tensor& t, bool summarize) {
  Shown s;
  const int nd = t.dim();
  for (int d = 0; d < nd; ++d) {
    const int64_t n = t.shape()[d];
    std::vector<int64_t> ix;
    bool cut = summarize && n > 2 * kEdge;
    if (cut) {
      for (int64_t i = 0; i < kEdge; ++i) ix.push_back(i);
      for (int64_t i = n - kEdge; i < n; ++i) ix.push_back(i);
    } else {
      for (int64_t i = 0; i < n; ++i) ix.push_back(i);
    }
    s.idx.push_back(std::move(ix));
    s.cut.push_back(cut);
  }
  int64_t total = 1;
  for (auto& ix : s.idx) total *= int64_t(ix.size());
  s.vals.reserve(size_t(total));
  std::vector<size_t> pos(size_t(nd), 0);
  TL_DISPATCH(t.dtype(), T, [&] {
    const T* p = t.data_ptr<T>();
    for (int64_t k = 0; k < total; ++k) {
      int64_t off = 0;
      for (int d = 0; d < nd; ++d) off += s.idx[size_t(d)][pos[size_t(d)]] * t.strides()[d];
      s.vals.push_back(double(p[off]));
      for (int d = nd - 1; d >= 0; --d) {  // odometer increment
        if (++pos[size_t(d)] < s.idx[size_t(d)].size()) break;
        pos[size_t(d)] = 0;
      }
    }
  });
  return s;
}

struct Formatter {
  DType dtype;
  bool int_mode = true, sci_mode = false;
  size_t width = 1;

  Formatter(DType dt, const std::vector<double>& vals) : dtype(dt) {
    if (!is_floating(dt)) {
      for (double v : vals) width = std::max(width, raw(v).size());
      return;
    }
    double mn = INFINITY, mx = 0;
    bool any = false;
    for (double v : vals) {
      if (!std::isfinite(v) || v == 0) continue;
      any = true;
      mn = std::min(mn, std::fabs(v));
      mx = std::max(mx, std::fabs(v));
      if (v != std::ceil(v)) int_mode = false;
    }
    if (!any) return;
    if (int_mode) {
      sci_mode = mx / mn > 1000.0 || mx > 1.0e8;
    } else {
      sci_mode = mx / mn > 1000.0 || mx > 1.0e8 || mn < 1.0e-4;
    }
    for (double v : vals) {
      if (!std::isfinite(v) || v == 0) continue;
      size_t w = sci_mode ? sci(v, kPrecision).size() : int_mode ? fixed(v, 0).size() + 1 : fixed(v, kPrecision).size();
      width = std::max(width, w);
    }
  }
  std::string raw(double v) const {
    if (dtype == DType::Bool) return v != 0 ? "True" : "False";
    if (dtype == DType::Int64) return std::to_string(cast_value<int64_t>(v));
    if (sci_mode) return sci(v, kPrecision);
    if (int_mode) {
      std::string r = fixed(v, 0);
      if (std::isfinite(v)) r += ".";
      return r;
    }
    return fixed(v, kPrecision);
  }
  std::string format(double v) const {
    std::string r = raw(v);
    return r.size() < width ? std::string(width - r.size(), ' ') + r : r;
  }
};

// Formats the sub-array of `s` starting at flat offset `base` over dims [d, nd).
// Recursion depth is bounded by the number of dims (kMaxDims).
std::string tensor_str_rec(const Shown& s, const Formatter& f, int d, size_t base, int indent) {
  const int nd = int(s.idx.size());
  if (d == nd) return f.format(s.vals[base]);
  size_t inner = 1;
  for (int k = d + 1; k < nd; ++k) inner *= s.idx[size_t(k)].size();
  const size_t n = s.idx[size_t(d)].size();
  if (d == nd - 1) {
    std::vector<std::string> data;
    for (size_t i = 0; i < n; ++i) {
      if (s.cut[size_t(d)] && i == size_t(kEdge)) data.push_back(" ...");
      data.push_back(f.format(s.vals[base + i]));
    }
    const size_t elem_len = f.width + 2;
    size_t per_line = std::max<size_t>(1, size_t(std::floor(double(kLineWidth - indent) / double(elem_len))));
    if (kLineWidth - indent < 0) per_line = 1;
    std::string out = "[";
    for (size_t i = 0; i < data.size(); ++i) {
      if (i) out += (i % per_line == 0) ? ",\n" + std::string(size_t(indent + 1), ' ') : ", ";
      out += data[i];
    }
    return out + "]";
  }
  std::string sep = "," + std::string(size_t(nd - d - 1), '\n') + std::string(size_t(indent + 1), ' ');
  std::string out = "[";
  for (size_t i = 0; i < n; ++i) {
    if (i) out += sep;
    if (s.cut[size_t(d)] && i == size_t(kEdge)) out += "..." + sep;
    out += tensor_str_rec(s, f, d + 1, base + i * inner, indent + 1);
  }
  return out + "]";
}

std::string py_tuple_of_ints(const Shape& shape) {
  std::string r = "(";
  for (int i = 0; i < shape.n; ++i) r += (i ? ", " : "") + std::to_string(shape.d[i]);
  return r + (shape.n == 1 ? ",)" : ")");
}

}  // namespace

std::string tensor_repr(const Tensor& t) {
  if (!t.defined()) return "None";
  const std::string prefix = "tensor(";
  const int indent = int(prefix.size());
  std::vector<std::string> suffixes;
  std::string body;
  if (t.numel() == 0) {
    if (t.dim() != 1) suffixes.push_back("size=" + py_tuple_of_ints(t.shape()));
    if (t.dtype() != DType::Float32) suffixes.push_back(std::string("dtype=torch.") + dtype_name(t.dtype()));
    body = "[]";
  } else {
    if (t.dtype() == DType::Float64) suffixes.push_back("dtype=torch.float64");
    Shown s = gather_shown(t, t.numel() > kThreshold);
    Formatter f(t.dtype(), s.vals);
    body = tensor_str_rec(s, f, 0, 0, indent);
  }
  if (t.grad_fn()) suffixes.push_back("grad_fn=<" + t.grad_fn()->name() + ">");
  else if (t.requires_grad()) suffixes.push_back("requires_grad=True");
  // _add_suffixes: wrap a suffix onto its own line when the last line would pass the width.
  std::string out = prefix + body;
  size_t nl = out.rfind('\n');
  long last_len = long(out.size()) - (nl == std::string::npos ? -1 : long(nl)) + 1;
  for (const std::string& sfx : suffixes) {
    if (last_len + long(sfx.size()) + 2 > kLineWidth) {
      out += ",\n" + std::string(size_t(indent), ' ') + sfx;
      last_len = indent + long(sfx.size());
    } else {
      out += ", " + sfx;
      last_len += long(sfx.size()) + 2;
    }
  }
  return out + ")";
}

// =====================================================================================
// JSON results
// =====================================================================================
namespace {
void append_values(std::string& out, const Tensor& t) {
  out += '[';
  if (t.numel() > 0) {
    std::vector<double> v = t.to_vector();
    const bool f32 = t.dtype() == DType::Float32;
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      switch (t.dtype()) {
        case DType::Bool: out += v[i] != 0 ? "true" : "false"; break;
        case DType::Int64: out += std::to_string(int64_t(v[i])); break;
        default: out += json_number(v[i], f32);
      }
    }
  }
  out += ']';
}
}  // namespace

std::string result_to_json(const RunResult& r) {
  std::string out = "{\"tensors\": {";
  bool first = true;
  for (const auto& [name, t] : r.tensors) {
    if (!first) out += ", ";
    first = false;
    json_append_quoted(out, name);
    out += ": {\"shape\": [";
    for (int i = 0; i < t.dim(); ++i) out += (i ? ", " : "") + std::to_string(t.shape()[i]);
    out += "], \"dtype\": \"";
    out += dtype_name(t.dtype());
    out += "\", \"requires_grad\": ";
    out += t.requires_grad() ? "true" : "false";
    out += ", \"data\": ";
    append_values(out, t);
    out += ", \"grad\": ";
    Tensor g = t.grad();
    if (g.defined()) append_values(out, g);
    else out += "null";
    out += '}';
  }
  out += "}, \"stdout\": ";
  json_append_quoted(out, r.stdout_text);
  return out + "}";
}

std::string error_to_json(const std::string& message, int line, int col) {
  std::string out = "{\"error\": {\"message\": ";
  json_append_quoted(out, message);
  return out + ", \"line\": " + std::to_string(line) + ", \"col\": " + std::to_string(col) + "}}";
}

// =====================================================================================
// Interpreter objects (Value::Kind::Object). One tagged base so dispatch is a switch; nn
// modules, optimizers etc. will be further tags with their own attribute/call handlers.
// =====================================================================================
namespace {

using K = Value::Kind;
using Kw = std::vector<std::pair<std::string, Value>>;

enum class Tag : uint8_t {
  Module, Builtin, OpFn, UserFn, Range, GradFn, GradModeClass, GradMode, Dict, Method, Slice,
  Ellipsis, Enumerate, Zip, Type, NNClass, NNModule, OptimClass, Optimizer
};

struct Obj : Object {
  Tag tag;
  explicit Obj(Tag t) : tag(t) {}
};

enum class Mod : uint8_t { Torch, NN, F, Autograd, Math, Optim };
struct ModuleObj : Obj {
  Mod mod;
  explicit ModuleObj(Mod m) : Obj(Tag::Module), mod(m) {}
  const char* qualname() const {
    switch (mod) {
      case Mod::Torch: return "torch";
      case Mod::NN: return "torch.nn";
      case Mod::F: return "torch.nn.functional";
      case Mod::Autograd: return "torch.autograd";
      case Mod::Math: return "math";
      case Mod::Optim: return "torch.optim";
    }
    return "?";
  }
  std::string type_name() const override { return "module"; }
};

enum class Bi : uint8_t {
  Print, Len, Range, Float, Int, Bool, Str, Repr, Abs, Min, Max, Sum, Round, List, Tuple, Enumerate,
  Zip, Isinstance, Sorted, Reversed, Any, All, IsGradEnabled,
  MathSqrt, MathExp, MathLog, MathSin, MathCos, MathTan, MathTanh, MathFloor, MathCeil, MathFabs,
  MathIsnan, MathIsinf, MathIsfinite, MathPow
};
struct BuiltinObj : Obj {
  Bi id;
  const char* name;
  BuiltinObj(Bi i, const char* n) : Obj(Tag::Builtin), id(i), name(n) {}
  std::string type_name() const override { return "builtin_function_or_method"; }
};

// A function or method of the op table: torch.NAME, F.NAME, torch.autograd.NAME, tensor.NAME.
struct OpFnObj : Obj {
  std::string name;
  unsigned where;
  Tensor self;  // bound tensor for methods
  OpFnObj(std::string n, unsigned w, Tensor s = Tensor()) : Obj(Tag::OpFn), name(std::move(n)), where(w), self(std::move(s)) {}
  std::string type_name() const override { return "builtin_function_or_method"; }
};

struct Scope {
  std::unordered_map<std::string, Value> vars;
  std::weak_ptr<Scope> parent;  // enclosing function scope (weak: no closure cycles)
};

struct UserFnObj : Obj {
  const Stmt* def;
  std::vector<Value> defaults;  // parallel to def->params (None where there is no default)
  std::weak_ptr<Scope> closure;
  UserFnObj(const Stmt* d) : Obj(Tag::UserFn), def(d) {}
  std::string type_name() const override { return "function"; }
};

struct RangeObj : Obj {
  int64_t start, stop, step;
  RangeObj(int64_t a, int64_t b, int64_t s) : Obj(Tag::Range), start(a), stop(b), step(s) {}
  int64_t len() const {
    if (step > 0 && start < stop) return int64_t((uint64_t(stop) - uint64_t(start) - 1) / uint64_t(step) + 1);
    if (step < 0 && start > stop) return int64_t((uint64_t(start) - uint64_t(stop) - 1) / (uint64_t(0) - uint64_t(step)) + 1);
    return 0;
  }
  std::string type_name() const override { return "range"; }
};

struct GradFnObj : Obj {
  std::shared_ptr<Node> node;
  explicit GradFnObj(std::shared_ptr<Node> n) : Obj(Tag::GradFn), node(std::move(n)) {}
  std::string type_name() const override { return node->name(); }
};

struct GradModeObj : Obj {  // torch.no_grad / torch.enable_grad: the class, or an instance
  bool enable;
  GradModeObj(Tag t, bool e) : Obj(t), enable(e) {}
  std::string type_name() const override { return enable ? "enable_grad" : "no_grad"; }
};

struct DictObj : Obj {
  std::vector<std::pair<Value, Value>> items;  // insertion order; linear lookup (small dicts)
  DictObj() : Obj(Tag::Dict) {}
  std::string type_name() const override { return "dict"; }
};

struct MethodObj : Obj {  // list.append, dict.items, str.format, grad_fn.name, ...
  Value self;
  std::string name;
  MethodObj(Value s, std::string n) : Obj(Tag::Method), self(std::move(s)), name(std::move(n)) {}
  std::string type_name() const override { return "builtin_function_or_method"; }
};

struct SliceObj : Obj {
  Value lower, upper, step;
  SliceObj() : Obj(Tag::Slice) {}
  std::string type_name() const override { return "slice"; }
};

struct EllipsisObj : Obj {
  EllipsisObj() : Obj(Tag::Ellipsis) {}
  std::string type_name() const override { return "ellipsis"; }
};

struct EnumerateObj : Obj {
  Value inner;
  int64_t start;
  EnumerateObj(Value v, int64_t s) : Obj(Tag::Enumerate), inner(std::move(v)), start(s) {}
  std::string type_name() const override { return "enumerate"; }
};

struct ZipObj : Obj {
  std::vector<Value> inner;
  ZipObj() : Obj(Tag::Zip) {}
  std::string type_name() const override { return "zip"; }
};

struct TypeObj : Obj {  // torch.Tensor, for isinstance
  std::string name;
  explicit TypeObj(std::string n) : Obj(Tag::Type), name(std::move(n)) {}
  std::string type_name() const override { return "type"; }
};

// torch.nn.NAME / torch.optim.NAME: a class; calling it constructs (engine/nn/bind.h).
struct NNClassObj : Obj {
  std::string name;
  NNClassObj(Tag t, std::string n) : Obj(t), name(std::move(n)) {}
  std::string type_name() const override { return "type"; }
};

struct NNModuleObj : Obj {  // an nn module instance (shared: model[0] is the module the model calls)
  nn::ModulePtr m;
  explicit NNModuleObj(nn::ModulePtr p) : Obj(Tag::NNModule), m(std::move(p)) {}
  std::string type_name() const override { return m->type_name(); }
};

struct OptimizerObj : Obj {
  std::shared_ptr<optim::Optimizer> o;
  explicit OptimizerObj(std::shared_ptr<optim::Optimizer> p) : Obj(Tag::Optimizer), o(std::move(p)) {}
  std::string type_name() const override { return o->type_name(); }
};

const Obj* as_obj(const Value& v) { return v.kind == K::Object ? static_cast<const Obj*>(v.obj.get()) : nullptr; }
template <class T>
const T* as(const Value& v, Tag t) {
  const Obj* o = as_obj(v);
  return o && o->tag == t ? static_cast<const T*>(o) : nullptr;
}
template <class T, class... A>
Value make_obj(A&&... a) {
  return Value::object(std::make_shared<T>(std::forward<A>(a)...));
}

// torch.Size is a tuple whose unused string field says so (prints as torch.Size([2, 3])).
const char* const kSizeMark = "torch.Size";
Value size_value(const Shape& s) {
  std::vector<Value> v;
  for (int i = 0; i < s.n; ++i) v.push_back(Value::integer(s.d[i]));
  Value r = Value::tuple(std::move(v));
  r.s = kSizeMark;
  return r;
}

bool is_int_like(const Value& v) { return v.kind == K::Int || v.kind == K::Bool; }
int64_t int_of(const Value& v) { return v.kind == K::Bool ? int64_t(v.b) : v.i; }

std::string hex_addr(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%012" PRIxPTR, reinterpret_cast<uintptr_t>(p));
  return buf;
}

const char* dtype_repr(DType d) {
  switch (d) {
    case DType::Float32: return "torch.float32";
    case DType::Float64: return "torch.float64";
    case DType::Int64: return "torch.int64";
    case DType::Bool: return "torch.bool";
  }
  return "?";
}

std::string str_repr(const std::string& s) {
  const bool dq = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
  const char q = dq ? '"' : '\'';
  std::string r(1, q);
  for (unsigned char c : s) {
    if (c == '\\') r += "\\\\";
    else if (c == char(q)) r += std::string("\\") + char(q);
    else if (c == '\n') r += "\\n";
    else if (c == '\t') r += "\\t";
    else if (c == '\r') r += "\\r";
    else if (c < 0x20 || c == 0x7f) {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02x", c);
      r += b;
    }
    else r += char(c);
  }
  return r + q;
}

// Python's repr/str. Container nesting is bounded at construction (max_container_depth), so the
// recursion here is bounded too.
std::string repr(const Value& v);
std::string str_of(const Value& v) { return v.kind == K::Str ? v.s : repr(v); }

std::string repr(const Value& v) {
  switch (v.kind) {
    case K::None: return "None";
    case K::Bool: return v.b ? "True" : "False";
    case K::Int: return std::to_string(v.i);
    case K::Float: return py_float_repr(v.f);
    case K::Str: return str_repr(v.s);
    case K::Tensor: return tensor_repr(v.t);
    case K::DType: return dtype_repr(DType(v.i));
    case K::List:
    case K::Tuple: {
      const bool size = v.kind == K::Tuple && v.s == kSizeMark;
      std::string r = size ? "torch.Size([" : v.kind == K::List ? "[" : "(";
      for (size_t i = 0; i < v.items->size(); ++i) r += (i ? ", " : "") + repr((*v.items)[i]);
      if (size) return r + "])";
      if (v.kind == K::Tuple && v.items->size() == 1) r += ",";
      return r + (v.kind == K::List ? "]" : ")");
    }
    case K::Object: break;
  }
  const Obj* o = as_obj(v);
  switch (o->tag) {
    case Tag::Module: return std::string("<module '") + static_cast<const ModuleObj*>(o)->qualname() + "'>";
    case Tag::Builtin: return std::string("<built-in function ") + static_cast<const BuiltinObj*>(o)->name + ">";
    case Tag::OpFn: {
      auto f = static_cast<const OpFnObj*>(o);
      return f->self.defined() ? "<built-in method " + f->name + " of Tensor object at " + hex_addr(f->self.impl()) + ">"
                               : "<built-in method " + f->name + ">";
    }
    case Tag::UserFn: return "<function " + static_cast<const UserFnObj*>(o)->def->name + " at " + hex_addr(o) + ">";
    case Tag::Range: {
      auto r = static_cast<const RangeObj*>(o);
      return "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop) +
             (r->step != 1 ? ", " + std::to_string(r->step) : "") + ")";
    }
    case Tag::GradFn: {
      auto g = static_cast<const GradFnObj*>(o);
      return "<" + g->node->name() + " object at " + hex_addr(g->node.get()) + ">";
    }
    case Tag::GradModeClass: return std::string("<class 'torch.autograd.grad_mode.") + o->type_name() + "'>";
    case Tag::GradMode: return "<torch.autograd.grad_mode." + o->type_name() + " object at " + hex_addr(o) + ">";
    case Tag::Dict: {
      auto d = static_cast<const DictObj*>(o);
      std::string r = "{";
      for (size_t i = 0; i < d->items.size(); ++i)
        r += (i ? ", " : "") + repr(d->items[i].first) + ": " + repr(d->items[i].second);
      return r + "}";
    }
    case Tag::Method: {
      auto m = static_cast<const MethodObj*>(o);
      return "<built-in method " + m->name + " of " + m->self.type_name() + " object at " + hex_addr(o) + ">";
    }
    case Tag::Slice: {
      auto s = static_cast<const SliceObj*>(o);
      return "slice(" + repr(s->lower) + ", " + repr(s->upper) + ", " + repr(s->step) + ")";
    }
    case Tag::Ellipsis: return "Ellipsis";
    case Tag::Enumerate: return "<enumerate object at " + hex_addr(o) + ">";
    case Tag::Zip: return "<zip object at " + hex_addr(o) + ">";
    case Tag::Type: return "<class '" + static_cast<const TypeObj*>(o)->name + "'>";
    case Tag::NNClass: return "<class 'torch.nn." + static_cast<const NNClassObj*>(o)->name + "'>";
    case Tag::OptimClass: return "<class 'torch.optim." + static_cast<const NNClassObj*>(o)->name + "'>";
    case Tag::NNModule: return static_cast<const NNModuleObj*>(o)->m->repr();
    case Tag::Optimizer: return "<" + o->type_name() + " optimizer object at " + hex_addr(o) + ">";
  }
  return "<object>";
}

}  // namespace

// =====================================================================================
// The interpreter
// =====================================================================================
namespace {

enum class Flow { Normal, Break, Continue, Return };

// Bound on eval/exec nesting across user calls: the parser bounds one function's nesting to
// 256 levels and max_call_depth bounds the calls, but their product could still exhaust a
// small (wasm) stack, so the total is capped as well.
constexpr int kMaxEvalDepth = 2000;  // ~1 KB of native stack per level at -O2

// One step of iteration over a Python iterable.
struct Iter {
  virtual ~Iter() = default;
  virtual bool next(Value& out) = 0;
};

class Interp {
 public:
  Interp(const RunOptions& o, RunResult& r) : opt_(o), res_(r) {
    globals_ = std::make_shared<Scope>();
    scope_ = globals_.get();
    base_bytes_ = stats().storage_bytes;
  }

  void run(const Program& prog) {
    Flow f = exec_block(prog.body);
    (void)f;  // break/continue/return outside their constructs are refused where they run
    for (const std::string& name : order_) {
      auto it = globals_->vars.find(name);
      if (it == globals_->vars.end()) continue;
      if (it->second.kind == K::Tensor) res_.tensors.emplace_back(name, it->second.t);
      std::vector<Tensor> ps;
      if (auto m = as<NNModuleObj>(it->second, Tag::NNModule)) ps = m->m->parameters();
      if (auto o = as<OptimizerObj>(it->second, Tag::Optimizer)) ps = o->o->params();
      res_.module_parameters.insert(res_.module_parameters.end(), ps.begin(), ps.end());
    }
    res_.statements_executed = steps_;
  }

  // Session use: runs more statements in the same globals, with a fresh statement budget.
  void exec_more(const Program& prog) {
    steps_ = 0;
    scope_ = globals_.get();
    scope_owner_.reset();
    exec_block(prog.body);
  }
  const Value* global(const std::string& name) const {
    auto it = globals_->vars.find(name);
    return it == globals_->vars.end() ? nullptr : &it->second;
  }

 private:
  const RunOptions& opt_;
  RunResult& res_;
  std::shared_ptr<Scope> globals_;
  Scope* scope_;
  std::shared_ptr<Scope> scope_owner_;  // keeps the current function scope alive
  std::vector<std::string> order_;      // globals in first-binding order
  int64_t steps_ = 0;
  int64_t base_bytes_ = 0;
  int call_depth_ = 0;
  int eval_depth_ = 0;
  Value ret_;
  size_t bindings_pruned_at_ = 1024;
  Pos bind_pos_;  // position of the expression whose value the current statement binds

  // ---------------- errors ----------------
  [[noreturn]] static void fail(Pos p, const std::string& msg) { throw ScriptError(p.line, p.col, msg); }

  // Runs f (an engine call) and gives any engine failure the position `at`.
  template <class F>
  auto at_pos(Pos at, F&& f) -> decltype(f()) {
    try {
      return f();
    } catch (const ScriptError&) {
      throw;
    } catch (const SyntaxError&) {
      throw;
    } catch (const tl::Error& e) {
      fail(at, e.what());
    } catch (const std::bad_alloc&) {
      fail(at, "MemoryError: out of memory");
    } catch (const std::length_error&) {
      fail(at, "MemoryError: out of memory");
    }
  }

  void check_memory(Pos at) {
    const int64_t live = stats().storage_bytes - base_bytes_;
    if (live > opt_.max_live_bytes)
      fail(at, "MemoryError: tensors alive in this run hold " + std::to_string(live) +
                   " bytes, over the limit of " + std::to_string(opt_.max_live_bytes) + " bytes");
  }

  void tick(Pos at) {
    if (++steps_ > opt_.max_statements)
      fail(at, "statement limit exceeded: the script ran more than " + std::to_string(opt_.max_statements) +
                   " statements (an endless loop?)");
  }

  struct DepthGuard {
    int& d;
    DepthGuard(int& depth, Pos at) : d(depth) {
      if (++d > kMaxEvalDepth) {
        --d;
        fail(at, "RecursionError: maximum recursion depth exceeded");
      }
    }
    ~DepthGuard() { --d; }
  };

  // Calls an op-table entry, positioning failures (and the graph nodes it records) at `at`.
  Value call_table(const std::string& name, unsigned where, const std::vector<Value>& pos, const Kw& kw, Pos at) {
    Value r = at_pos(at, [&] {
      SourcePosGuard sp(at.line, at.col);
      return call_op(name, where, pos, kw);
    });
    check_memory(at);
    return r;
  }
  Value call1(const char* name, unsigned where, std::vector<Value> pos, Pos at) { return call_table(name, where, pos, {}, at); }

  // ---------------- containers ----------------
  void check_len(int64_t n, Pos at) {
    if (n > opt_.max_container_len)
      fail(at, "MemoryError: a list, tuple or string of " + std::to_string(n) + " elements is over the limit of " +
                   std::to_string(opt_.max_container_len));
  }
  // Refuses nesting deeper than max_container_depth and cycles (a container inside itself):
  // both would make repr, comparison and destruction recurse without bound.
  void check_insert(const Value& elem, const void* container, Pos at) {
    auto children = [](const Value& v, std::vector<const Value*>& out, const void*& id) {
      id = nullptr;
      if (v.is_seq()) {
        id = v.items.get();
        for (const Value& c : *v.items) out.push_back(&c);
      } else if (auto d = as<DictObj>(v, Tag::Dict)) {
        id = d;
        for (const auto& kv : d->items) out.push_back(&kv.first), out.push_back(&kv.second);
      }
    };
    std::vector<std::pair<const Value*, int>> stack{{&elem, 2}};
    std::vector<const Value*> kids;
    while (!stack.empty()) {
      auto [v, depth] = stack.back();
      stack.pop_back();
      kids.clear();
      const void* id;
      children(*v, kids, id);
      if (!id) continue;
      if (container && id == container) fail(at, "ValueError: a list or dict cannot contain itself");
      if (depth > opt_.max_container_depth)
        fail(at, "RecursionError: lists nested more than " + std::to_string(opt_.max_container_depth) +
                     " levels deep are not supported");
      for (const Value* k : kids)
        if (k->is_seq() || k->kind == K::Object) stack.emplace_back(k, depth + 1);
    }
  }
  Value make_seq(K kind, std::vector<Value> items, Pos at) {
    check_len(int64_t(items.size()), at);
    for (const Value& v : items)
      if (v.is_seq() || v.kind == K::Object) check_insert(v, nullptr, at);
    return kind == K::List ? Value::list(std::move(items)) : Value::tuple(std::move(items));
  }

  // ---------------- names ----------------
  Value* find_var(const std::string& name) {
    for (Scope* s = scope_; s;) {
      auto it = s->vars.find(name);
      if (it != s->vars.end()) return &it->second;
      if (s == globals_.get()) break;
      auto p = s->parent.lock();
      s = p ? p.get() : globals_.get();
    }
    return nullptr;
  }

  Value lookup(const Expr* e) {
    if (Value* v = find_var(e->name)) return *v;
    Value b = builtin(e->name);
    if (!b.is_none()) return b;
    if (e->name == "None") return Value::none();
    fail(e->span.start(), "NameError: name '" + e->name + "' is not defined");
  }

  static Value builtin(const std::string& n) {
    static const std::unordered_map<std::string, Value> table = [] {
      std::unordered_map<std::string, Value> m;
      const std::pair<const char*, Bi> list[] = {
          {"print", Bi::Print}, {"len", Bi::Len},     {"range", Bi::Range},       {"float", Bi::Float},
          {"int", Bi::Int},     {"bool", Bi::Bool},   {"str", Bi::Str},           {"repr", Bi::Repr},
          {"abs", Bi::Abs},     {"min", Bi::Min},     {"max", Bi::Max},           {"sum", Bi::Sum},
          {"round", Bi::Round}, {"list", Bi::List},   {"tuple", Bi::Tuple},       {"enumerate", Bi::Enumerate},
          {"zip", Bi::Zip},     {"isinstance", Bi::Isinstance}, {"sorted", Bi::Sorted},
          {"reversed", Bi::Reversed}, {"any", Bi::Any}, {"all", Bi::All}};
      for (const auto& [name, id] : list) m[name] = make_obj<BuiltinObj>(id, name);
      return m;
    }();
    auto it = table.find(n);
    return it == table.end() ? Value::none() : it->second;
  }

  void bind(const std::string& name, const Value& v0) {
    Value v = v0;
    if (opt_.on_bind && v.kind == K::Tensor && v.t.defined()) opt_.on_bind(name, v.t);
    auto [it, inserted] = scope_->vars.insert_or_assign(name, v);
    (void)it;
    if (inserted && scope_ == globals_.get()) order_.push_back(name);
    if (v.kind == K::Tensor && v.t.defined()) note_tensor(name, v.t);
  }

  // Labels the tensor for graphs and remembers which autograd node a variable name stood for.
  void note_tensor(const std::string& name, const Tensor& t) {
    t.impl()->name = name;
    res_.last_assigned = name;
    res_.last_assigned_tensor = t;
    res_.bindings.push_back({t.grad_fn(), t.impl_ptr(), name, bind_pos_.line, bind_pos_.col});
    if (res_.bindings.size() > 2 * bindings_pruned_at_) {  // drop entries whose graph is gone
      auto& b = res_.bindings;
      b.erase(std::remove_if(b.begin(), b.end(),
                             [](const RunResult::Binding& x) { return x.node.expired() && x.tensor.expired(); }),
              b.end());
      bindings_pruned_at_ = std::max<size_t>(1024, b.size());
    }
  }

 public:
  // ---------------- statements ----------------
  Flow exec_block(const std::vector<Stmt*>& body) {
    for (const Stmt* s : body) {
      Flow f = exec(s);
      if (f != Flow::Normal) return f;
    }
    return Flow::Normal;
  }

 private:
  Flow exec(const Stmt* s) {
    const Pos sp = s->span.start();
    tick(sp);
    DepthGuard dg(eval_depth_, sp);
    bind_pos_ = sp;
    switch (s->kind) {
      case StmtKind::Expr: eval(s->value); break;
      case StmtKind::Assign: {
        const Pos vp = s->value->kind == ExprKind::Call ? call_pos(s->value) : s->value->op_pos;
        Value v = eval(s->value);
        bind_pos_ = vp;  // after eval: a called function may have moved it
        for (const Expr* t : s->targets) assign(t, v, s->op_pos);
        break;
      }
      case StmtKind::AugAssign: aug_assign(s); break;
      case StmtKind::For: return exec_for(s);
      case StmtKind::While: {
        for (;;) {
          if (!truthy(eval(s->test), s->test->span.start())) {
            if (exec_block(s->orelse) == Flow::Return) return Flow::Return;
            break;
          }
          Flow f = exec_block(s->body);
          if (f == Flow::Break) break;
          if (f == Flow::Return) return f;
          tick(sp);  // an iteration counts, so even `while True: continue` ends
        }
        break;
      }
      case StmtKind::If: {
        // elif chains are walked in a loop, not by recursion.
        const Stmt* cur = s;
        for (;;) {
          if (truthy(eval(cur->test), cur->test->span.start())) return exec_block(cur->body);
          if (cur->orelse.size() == 1 && cur->orelse[0]->kind == StmtKind::If) {
            cur = cur->orelse[0];
            tick(cur->span.start());
            continue;
          }
          return exec_block(cur->orelse);
        }
      }
      case StmtKind::With: return exec_with(s);
      case StmtKind::Def: {
        auto fn = std::make_shared<UserFnObj>(s);
        for (const Param& p : s->params) fn->defaults.push_back(p.default_value ? eval(p.default_value) : Value::none());
        if (scope_ != globals_.get()) fn->closure = scope_owner_;
        bind(s->name, Value::object(fn));
        break;
      }
      case StmtKind::Return:
        if (call_depth_ == 0) fail(sp, "SyntaxError: 'return' outside function");
        ret_ = s->value ? eval(s->value) : Value::none();
        return Flow::Return;
      case StmtKind::Pass: break;
      case StmtKind::Break: return Flow::Break;
      case StmtKind::Continue: return Flow::Continue;
      case StmtKind::Import: exec_import(s); break;
    }
    check_memory(sp);
    return Flow::Normal;
  }

  Flow exec_for(const Stmt* s) {
    Value seq = eval(s->iter);
    std::unique_ptr<Iter> it = make_iter(seq, s->iter->span.start());
    Value v;
    const Pos sp = s->span.start();
    bool first = true;
    while (it->next(v)) {
      if (!first) tick(sp);
      first = false;
      assign(s->target, v, s->target->span.start());
      Flow f = exec_block(s->body);
      if (f == Flow::Break) return Flow::Normal;
      if (f == Flow::Return) return f;
    }
    return exec_block(s->orelse) == Flow::Return ? Flow::Return : Flow::Normal;
  }

  Flow exec_with(const Stmt* s) {
    Value ctx = eval(s->value);
    auto g = as<GradModeObj>(ctx, Tag::GradMode);
    if (!g) {
      if (as<GradModeObj>(ctx, Tag::GradModeClass))
        fail(s->value->span.start(), "TypeError: use torch." + ctx.obj->type_name() + "() (with parentheses) in a with statement");
      fail(s->value->span.start(), "TypeError: '" + ctx.type_name() + "' object does not support the context manager protocol");
    }
    if (s->target) assign(s->target, ctx, s->target->span.start());
    EnableGradGuard guard(g->enable);  // restored on every exit, including exceptions
    return exec_block(s->body);
  }

  void exec_import(const Stmt* s) {
    auto module = [&](const std::string& path, Pos at) -> Value {
      if (path == "torch") return make_obj<ModuleObj>(Mod::Torch);
      if (path == "torch.nn") return make_obj<ModuleObj>(Mod::NN);
      if (path == "torch.nn.functional") return make_obj<ModuleObj>(Mod::F);
      if (path == "torch.autograd") return make_obj<ModuleObj>(Mod::Autograd);
      if (path == "torch.optim") return make_obj<ModuleObj>(Mod::Optim);
      if (path == "math") return make_obj<ModuleObj>(Mod::Math);
      fail(at, "ModuleNotFoundError: No module named '" + path + "' (tensorlens scripts can import torch, "
               "torch.nn, torch.nn.functional, torch.optim, torch.autograd and math)");
    };
    for (const Alias& a : s->names) {
      const Pos at = a.span.start();
      if (!s->is_from) {
        Value m = module(a.name, at);
        if (!a.asname.empty()) bind(a.asname, m);
        else bind(a.name.substr(0, a.name.find('.')), module(a.name.substr(0, a.name.find('.')), at));
        continue;
      }
      if (a.name == "*") fail(at, "SyntaxError: 'from ... import *' is not supported");
      Value m = module(s->module, s->span.start());
      Value v;
      const std::string full = s->module + "." + a.name;
      if (full == "torch.nn" || full == "torch.nn.functional" || full == "torch.autograd" || full == "torch.optim")
        v = module(full, at);
      else v = get_attr(m, a.name, at);
      bind(a.asname.empty() ? a.name : a.asname, v);
    }
  }

  // ---------------- assignment ----------------
  void assign(const Expr* t, const Value& v, Pos at) {
    switch (t->kind) {
      case ExprKind::Name: bind(t->name, v); return;
      case ExprKind::Tuple:
      case ExprKind::List: {
        std::vector<Value> items;
        std::unique_ptr<Iter> it = make_iter(v, at);
        Value x;
        while (it->next(x)) {
          if (items.size() > t->elts.size())
            break;
          items.push_back(x);
        }
        if (items.size() != t->elts.size())
          fail(at, items.size() > t->elts.size()
                       ? "ValueError: too many values to unpack (expected " + std::to_string(t->elts.size()) + ")"
                       : "ValueError: not enough values to unpack (expected " + std::to_string(t->elts.size()) +
                             ", got " + std::to_string(items.size()) + ")");
        for (size_t i = 0; i < items.size(); ++i) assign(t->elts[i], items[i], t->elts[i]->span.start());
        return;
      }
      case ExprKind::Attribute: set_attr(eval(t->value), t->name, v, attr_pos(t)); return;
      case ExprKind::Subscript: {
        Value obj = eval(t->value);
        std::vector<Value> idx = eval_index(t);
        set_item(obj, idx, t->index_is_tuple, v, t->op_pos);
        return;
      }
      default: fail(t->span.start(), "SyntaxError: cannot assign to " + std::string(kind_name(t->kind)));
    }
  }

  static const char* inplace_name(BinOpKind op) {
    switch (op) {
      case BinOpKind::Add: return "add_";
      case BinOpKind::Sub: return "sub_";
      case BinOpKind::Mul: return "mul_";
      case BinOpKind::Div: return "div_";
      case BinOpKind::Pow: return "pow_";
      case BinOpKind::FloorDiv: return "floor_divide_";
      case BinOpKind::Mod: return "remainder_";
      default: return "";
    }
  }

  // x OP= v: in place on tensors (version bump, leaf checks as PyTorch) and lists; a rebinding
  // on numbers, strings and tuples.
  Value aug_value(const Value& cur, BinOpKind op, const Value& rhs, Pos at) {
    if (cur.kind == K::Tensor) {
      const char* name = inplace_name(op);
      if (!*name || find_ops(name, kMethod).empty())
        fail(at, std::string("TypeError: in-place operator ") + op_str(op) + "= on a Tensor is not supported");
      call_table(name, kMethod, {cur, rhs}, {}, at);
      return cur;
    }
    if (cur.kind == K::List && op == BinOpKind::Add) {  // list += iterable extends in place
      std::vector<Value> add = to_vector(rhs, at);
      check_len(int64_t(cur.items->size() + add.size()), at);
      for (const Value& x : add) check_insert(x, cur.items.get(), at);
      cur.items->insert(cur.items->end(), add.begin(), add.end());
      return cur;
    }
    return binop(op, cur, rhs, at);
  }

  void aug_assign(const Stmt* s) {
    const Expr* t = s->target;
    const Pos at = s->op_pos;
    switch (t->kind) {
      case ExprKind::Name: {
        Value cur = lookup(t);
        Value rhs = eval(s->value);
        Value nv = aug_value(cur, s->aug_op, rhs, at);
        bind_pos_ = at;
        bind(t->name, nv);
        return;
      }
      case ExprKind::Attribute: {
        Value obj = eval(t->value);
        Value cur = get_attr(obj, t->name, attr_pos(t));
        Value rhs = eval(s->value);
        Value nv = aug_value(cur, s->aug_op, rhs, at);
        if (!(nv.kind == K::Tensor && cur.kind == K::Tensor && nv.t.same(cur.t))) set_attr(obj, t->name, nv, attr_pos(t));
        return;
      }
      case ExprKind::Subscript: {
        Value obj = eval(t->value);
        std::vector<Value> idx = eval_index(t);
        Value cur = get_item(obj, idx, t->index_is_tuple, t->op_pos);
        Value rhs = eval(s->value);
        Value nv = aug_value(cur, s->aug_op, rhs, at);
        // A tensor element was updated in place through its view; nothing to store back.
        if (!(nv.kind == K::Tensor && cur.kind == K::Tensor && nv.t.same(cur.t))) set_item(obj, idx, t->index_is_tuple, nv, t->op_pos);
        return;
      }
      default: fail(t->span.start(), "SyntaxError: illegal expression for augmented assignment");
    }
  }

  // ---------------- positions ----------------
  static Pos attr_pos(const Expr* e) {  // the attribute name of `x.name`
    const int c = e->span.end_col - int(e->name.size());
    return c >= 1 ? Pos{e->span.end_line, c} : e->op_pos;
  }
  static Pos call_pos(const Expr* e) {  // the callee's name of a call
    const Expr* f = e->value;
    if (f->kind == ExprKind::Name) return f->span.start();
    if (f->kind == ExprKind::Attribute) return attr_pos(f);
    return e->op_pos;
  }

  // ---------------- expressions ----------------
  Value eval(const Expr* e) {
    DepthGuard dg(eval_depth_, e->op_pos);
    switch (e->kind) {
      case ExprKind::Name: return lookup(e);
      case ExprKind::Int: return Value::integer(e->int_value);
      case ExprKind::Float: return Value::number(e->float_value);
      case ExprKind::Str: {
        check_len(int64_t(e->str_value.size()), e->span.start());
        return Value::str(e->str_value);
      }
      case ExprKind::Bool: return Value::boolean(e->bool_value);
      case ExprKind::None: return Value::none();
      case ExprKind::Ellipsis: return make_obj<EllipsisObj>();
      case ExprKind::List:
      case ExprKind::Tuple: {
        std::vector<Value> items;
        items.reserve(e->elts.size());
        for (const Expr* x : e->elts) {
          if (x->kind == ExprKind::Starred) {
            std::vector<Value> more = to_vector(eval(x->value), x->span.start());
            items.insert(items.end(), more.begin(), more.end());
          } else {
            items.push_back(eval(x));
          }
        }
        return make_seq(e->kind == ExprKind::List ? K::List : K::Tuple, std::move(items), e->span.start());
      }
      case ExprKind::Dict: {
        auto d = std::make_shared<DictObj>();
        for (size_t i = 0; i < e->elts.size(); ++i) {
          if (!e->elts[i]) fail(e->span.start(), "SyntaxError: '**' in dict displays is not supported");
          Value k = eval(e->elts[i]);
          Value v = eval(e->values[i]);
          dict_set(*d, k, v, e->elts[i]->span.start());
        }
        return Value::object(d);
      }
      case ExprKind::ListComp: return eval_listcomp(e);
      case ExprKind::Attribute: {
        Value obj = eval(e->value);
        return get_attr(obj, e->name, attr_pos(e));
      }
      case ExprKind::Call: return eval_call(e);
      case ExprKind::Subscript: {
        Value obj = eval(e->value);
        std::vector<Value> idx = eval_index(e);
        return get_item(obj, idx, e->index_is_tuple, e->op_pos);
      }
      case ExprKind::Slice:
      case ExprKind::Starred: fail(e->span.start(), std::string("SyntaxError: ") + kind_name(e->kind) + " is not allowed here");
      case ExprKind::BinOp: {
        Value l = eval(e->left);
        Value r = eval(e->right);
        return binop(e->bin_op, l, r, e->op_pos);
      }
      case ExprKind::UnaryOp: return unary(e->unary_op, eval(e->value), e->op_pos);
      case ExprKind::Compare: {
        Value l = eval(e->left);
        for (size_t i = 0; i < e->cmp_ops.size(); ++i) {
          Value r = eval(e->elts[i]);
          Value c = compare(e->cmp_ops[i], l, r, e->cmp_op_pos[i]);
          if (i + 1 == e->cmp_ops.size()) return c;
          if (!truthy(c, e->cmp_op_pos[i])) return c;  // a < b < c == (a < b) and (b < c)
          l = std::move(r);
        }
        return Value::boolean(true);
      }
      case ExprKind::BoolOp: {  // returns the deciding operand, as Python
        Value v;
        for (size_t i = 0; i < e->elts.size(); ++i) {
          v = eval(e->elts[i]);
          if (i + 1 == e->elts.size()) break;
          const bool t = truthy(v, e->op_pos);
          if (e->bool_op == BoolOpKind::And ? !t : t) break;
        }
        return v;
      }
      case ExprKind::IfExp: return truthy(eval(e->test), e->test->span.start()) ? eval(e->body) : eval(e->orelse);
    }
    fail(e->span.start(), "SyntaxError: unsupported expression");
  }

  Value eval_listcomp(const Expr* e) {
    Value seq = eval(e->iter);
    std::unique_ptr<Iter> it = make_iter(seq, e->iter->span.start());
    std::vector<Value> out;
    Value x;
    const Pos at = e->op_pos;
    // Python 3 comprehensions have their own scope; binding the target in the current scope is
    // a simplification that only differs when the target name is also used outside.
    while (it->next(x)) {
      tick(at);
      assign(e->target, x, e->target->span.start());
      if (e->cond && !truthy(eval(e->cond), e->cond->span.start())) continue;
      out.push_back(eval(e->value));
      check_len(int64_t(out.size()), at);
    }
    return make_seq(K::List, std::move(out), e->span.start());
  }

  Value eval_call(const Expr* e) {
    Value fn = eval(e->value);
    std::vector<Value> pos;
    Kw kw;
    for (const Expr* a : e->elts) {
      if (a->kind == ExprKind::Starred) {
        std::vector<Value> more = to_vector(eval(a->value), a->span.start());
        pos.insert(pos.end(), more.begin(), more.end());
      } else {
        pos.push_back(eval(a));
      }
    }
    for (const Keyword& k : e->keywords) {
      Value v = eval(k.value);
      if (!k.name.empty()) {
        kw.emplace_back(k.name, std::move(v));
        continue;
      }
      auto d = as<DictObj>(v, Tag::Dict);
      if (!d) fail(k.span.start(), "TypeError: argument after ** must be a mapping, not " + v.type_name());
      for (const auto& [key, val] : d->items) {
        if (key.kind != K::Str) fail(k.span.start(), "TypeError: keywords must be strings");
        kw.emplace_back(key.s, val);
      }
    }
    return call(fn, pos, kw, call_pos(e));
  }

  std::vector<Value> eval_index(const Expr* e) {
    std::vector<Value> idx;
    for (const Expr* x : e->elts) {
      if (x->kind != ExprKind::Slice) {
        idx.push_back(eval(x));
        continue;
      }
      auto s = std::make_shared<SliceObj>();
      if (x->lower) s->lower = eval(x->lower);
      if (x->upper) s->upper = eval(x->upper);
      if (x->step) s->step = eval(x->step);
      idx.push_back(Value::object(s));
    }
    return idx;
  }

  // ---------------- truthiness, equality ----------------
  bool truthy(const Value& v, Pos at) {
    switch (v.kind) {
      case K::None: return false;
      case K::Bool: return v.b;
      case K::Int: return v.i != 0;
      case K::Float: return v.f != 0;
      case K::Str: return !v.s.empty();
      case K::List:
      case K::Tuple: return !v.items->empty();
      case K::DType: return true;
      case K::Tensor: {
        const int64_t n = v.t.numel();
        if (n == 0) fail(at, "RuntimeError: Boolean value of Tensor with no values is ambiguous");
        if (n > 1) fail(at, "RuntimeError: Boolean value of Tensor with more than one value is ambiguous");
        return v.t.item() != 0;
      }
      case K::Object: {
        if (auto d = as<DictObj>(v, Tag::Dict)) return !d->items.empty();
        if (auto r = as<RangeObj>(v, Tag::Range)) return r->len() > 0;
        return true;
      }
    }
    return true;
  }

  // Python ==, for containers and dict keys (tensors compare elementwise, then need truthiness).
  bool equal(const Value& a, const Value& b, Pos at, int depth = 0) {
    if (a.is_number() && b.is_number()) {
      if (a.kind == K::Float || b.kind == K::Float) return a.as_double() == b.as_double();
      return int_of(a) == int_of(b);
    }
    if (a.kind == K::Tensor || b.kind == K::Tensor) return truthy(compare(CmpOpKind::Eq, a, b, at), at);
    if (a.kind != b.kind) return false;
    switch (a.kind) {
      case K::None: return true;
      case K::Str: return a.s == b.s;
      case K::DType: return a.i == b.i;
      case K::List:
      case K::Tuple: {
        if (a.items->size() != b.items->size()) return false;
        if (depth > opt_.max_container_depth) fail(at, "RecursionError: maximum recursion depth exceeded in comparison");
        for (size_t i = 0; i < a.items->size(); ++i)
          if (!equal((*a.items)[i], (*b.items)[i], at, depth + 1)) return false;
        return true;
      }
      default: return a.obj == b.obj;
    }
  }

  // ---------------- dicts ----------------
  void dict_set(DictObj& d, const Value& k, const Value& v, Pos at) {
    if (!(k.is_number() || k.kind == K::Str || k.kind == K::None || k.kind == K::Tuple || k.kind == K::DType))
      fail(at, "TypeError: unhashable type: '" + k.type_name() + "'");
    check_insert(v, &d, at);
    for (auto& kv : d.items)
      if (equal(kv.first, k, at)) {
        kv.second = v;
        return;
      }
    check_len(int64_t(d.items.size() + 1), at);
    d.items.emplace_back(k, v);
  }
  const Value* dict_get(const DictObj& d, const Value& k, Pos at) {
    for (const auto& kv : d.items)
      if (kv.first.kind != K::Tensor && k.kind != K::Tensor && equal(kv.first, k, at)) return &kv.second;
    return nullptr;
  }

  // ---------------- attributes ----------------
  Value get_attr(const Value& obj, const std::string& name, Pos at) {
    if (obj.kind == K::Tensor) return tensor_attr(obj.t, name, at);
    if (auto m = as<ModuleObj>(obj, Tag::Module)) return module_attr(*m, name, at);
    if (auto m = as<NNModuleObj>(obj, Tag::NNModule)) return nn_module_attr(obj, *m->m, name, at);
    if (as<OptimizerObj>(obj, Tag::Optimizer) && (name == "step" || name == "zero_grad"))
      return make_obj<MethodObj>(obj, name);
    if (obj.kind == K::List && (name == "append" || name == "extend" || name == "pop" || name == "insert" ||
                                name == "index" || name == "count"))
      return make_obj<MethodObj>(obj, name);
    if (obj.kind == K::Str && (name == "format" || name == "join" || name == "upper" || name == "lower"))
      return make_obj<MethodObj>(obj, name);
    if (as<DictObj>(obj, Tag::Dict) && (name == "items" || name == "keys" || name == "values" || name == "get"))
      return make_obj<MethodObj>(obj, name);
    if (obj.kind == K::DType && name == "is_floating_point") return Value::boolean(is_floating(DType(obj.i)));
    if (auto g = as<GradFnObj>(obj, Tag::GradFn)) {
      if (name == "name") return make_obj<MethodObj>(obj, name);
      if (name == "next_functions") {
        std::vector<Value> v;
        for (const Edge& ed : g->node->next)
          v.push_back(Value::tuple({ed.fn ? make_obj<GradFnObj>(ed.fn) : Value::none(), Value::integer(0)}));
        return Value::tuple(std::move(v));
      }
      if (name == "variable" && g->node->is_accumulate()) return Value::tensor(g->node->leaf_tensor());
    }
    fail(at, "AttributeError: '" + obj.type_name() + "' object has no attribute '" + name + "'");
  }

  Value module_attr(const ModuleObj& m, const std::string& name, Pos at) {
    switch (m.mod) {
      case Mod::Torch: {
        static const std::pair<const char*, DType> dtypes[] = {
            {"float32", DType::Float32}, {"float", DType::Float32}, {"float64", DType::Float64},
            {"double", DType::Float64},  {"int64", DType::Int64},   {"long", DType::Int64},
            {"bool", DType::Bool}};
        for (const auto& [n, d] : dtypes)
          if (name == n) return Value::dtype(d);
        if (name == "no_grad") return make_obj<GradModeObj>(Tag::GradModeClass, false);
        if (name == "enable_grad") return make_obj<GradModeObj>(Tag::GradModeClass, true);
        if (name == "is_grad_enabled") return make_obj<BuiltinObj>(Bi::IsGradEnabled, "is_grad_enabled");
        if (name == "nn") return make_obj<ModuleObj>(Mod::NN);
        if (name == "autograd") return make_obj<ModuleObj>(Mod::Autograd);
        if (name == "optim") return make_obj<ModuleObj>(Mod::Optim);
        if (name == "Tensor") return make_obj<TypeObj>("torch.Tensor");
        if (!find_ops(name, kTorch).empty()) return make_obj<OpFnObj>(name, kTorch);
        break;
      }
      case Mod::NN:
        if (name == "functional") return make_obj<ModuleObj>(Mod::F);
        if (nn::is_module_class(name)) return make_obj<NNClassObj>(Tag::NNClass, name);
        {
          std::string have;
          for (const std::string& c : nn::module_classes()) have += (have.empty() ? "" : ", ") + c;
          fail(at, "AttributeError: module 'torch.nn' has no attribute '" + name + "' (tensorlens has " + have +
                       " and torch.nn.functional)");
        }
      case Mod::Optim:
        if (nn::is_optimizer_class(name)) return make_obj<NNClassObj>(Tag::OptimClass, name);
        fail(at, "AttributeError: module 'torch.optim' has no attribute '" + name + "' (tensorlens has SGD, Adam and AdamW)");
      case Mod::F:
        if (!find_ops(name, kF).empty()) return make_obj<OpFnObj>(name, kF);
        break;
      case Mod::Autograd:
        if (!find_ops(name, kAutograd).empty()) return make_obj<OpFnObj>(name, kAutograd);
        break;
      case Mod::Math: {
        static const std::pair<const char*, double> consts[] = {
            {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN}};
        for (const auto& [n, v] : consts)
          if (name == n) return Value::number(v);
        static const std::pair<const char*, Bi> fns[] = {
            {"sqrt", Bi::MathSqrt}, {"exp", Bi::MathExp},     {"log", Bi::MathLog},     {"sin", Bi::MathSin},
            {"cos", Bi::MathCos},   {"tan", Bi::MathTan},     {"tanh", Bi::MathTanh},   {"floor", Bi::MathFloor},
            {"ceil", Bi::MathCeil}, {"fabs", Bi::MathFabs},   {"isnan", Bi::MathIsnan}, {"isinf", Bi::MathIsinf},
            {"isfinite", Bi::MathIsfinite}, {"pow", Bi::MathPow}};
        for (const auto& [n, id] : fns)
          if (name == n) return make_obj<BuiltinObj>(id, n);
        break;
      }
    }
    fail(at, std::string("AttributeError: module '") + m.qualname() + "' has no attribute '" + name + "'");
  }

  Value tensor_attr(const Tensor& t, const std::string& name, Pos at) {
    if (name == "grad") return t.grad().defined() ? Value::tensor(t.grad()) : Value::none();
    if (name == "shape") return size_value(t.shape());
    if (name == "requires_grad") return Value::boolean(t.requires_grad());
    if (name == "is_leaf") return Value::boolean(t.is_leaf());
    if (name == "grad_fn") return t.grad_fn() ? make_obj<GradFnObj>(t.grad_fn()) : Value::none();
    if (name == "dtype") return Value::dtype(t.dtype());
    if (name == "ndim") return Value::integer(t.dim());
    if (name == "data") return Value::tensor(t.detach());
    if (name == "T") {
      if (t.dim() <= 2) return call1("t", kMethod, {Value::tensor(t)}, at);
      std::vector<Value> perm;
      for (int d = t.dim() - 1; d >= 0; --d) perm.push_back(Value::integer(d));
      return call1("permute", kMethod, {Value::tensor(t), Value::tuple(perm)}, at);
    }
    if (!find_ops(name, kMethod).empty()) return make_obj<OpFnObj>(name, kMethod, t);
    fail(at, "AttributeError: 'Tensor' object has no attribute '" + name + "'");
  }

  void set_attr(const Value& obj, const std::string& name, const Value& v, Pos at) {
    if (obj.kind != K::Tensor)
      fail(at, "AttributeError: '" + obj.type_name() + "' object attribute '" + name + "' is read-only");
    Tensor t = obj.t;
    if (name == "grad") {
      if (v.is_none()) return at_pos(at, [&] { t.set_grad(Tensor()); });
      if (v.kind != K::Tensor) fail(at, "TypeError: assigned grad expected to be a Tensor or None but got grad of type " + v.type_name());
      return at_pos(at, [&] {
        TL_CHECK(v.t.dtype() == t.dtype(), "assigned grad has data of a different type");
        t.set_grad(v.t);
      });
    }
    if (name == "requires_grad") {
      if (v.kind != K::Bool) fail(at, "TypeError: requires_grad must be a bool, not " + v.type_name());
      return at_pos(at, [&] { t.requires_grad_(v.b); });
    }
    if (name == "shape" || name == "grad_fn" || name == "is_leaf" || name == "dtype" || name == "ndim" || name == "T" ||
        name == "data")
      fail(at, "AttributeError: attribute '" + name + "' of 'Tensor' objects is not writable in tensorlens");
    fail(at, "AttributeError: 'Tensor' object has no attribute '" + name + "'");
  }

  // ---------------- calls ----------------
  Value call(const Value& fn, std::vector<Value>& pos, Kw& kw, Pos at) {
    const Obj* o = as_obj(fn);
    if (!o) fail(at, "TypeError: '" + fn.type_name() + "' object is not callable");
    switch (o->tag) {
      case Tag::OpFn: {
        auto f = static_cast<const OpFnObj*>(o);
        if (f->self.defined()) pos.insert(pos.begin(), Value::tensor(f->self));
        Value r = call_table(f->name, f->where, pos, kw, at);
        if (f->name == "backward") {
          if (f->self.defined()) res_.backward_root = f->self;
          else if (!pos.empty() && pos[0].kind == K::Tensor) res_.backward_root = pos[0].t;
          else if (!pos.empty() && pos[0].is_seq() && !pos[0].items->empty() && (*pos[0].items)[0].kind == K::Tensor)
            res_.backward_root = (*pos[0].items)[0].t;
        }
        if (f->name == "size" && r.kind == K::Tuple) r.s = kSizeMark;
        return r;
      }
      case Tag::Builtin: return call_builtin(static_cast<const BuiltinObj*>(o)->id, static_cast<const BuiltinObj*>(o)->name, pos, kw, at);
      case Tag::UserFn: return call_user(*static_cast<const UserFnObj*>(o), pos, kw, at);
      case Tag::GradModeClass:
        if (!pos.empty() || !kw.empty()) fail(at, "TypeError: " + o->type_name() + "() takes no arguments");
        return make_obj<GradModeObj>(Tag::GradMode, static_cast<const GradModeObj*>(o)->enable);
      case Tag::Method: return call_method(*static_cast<const MethodObj*>(o), pos, kw, at);
      case Tag::NNClass: return construct_module(static_cast<const NNClassObj*>(o)->name, pos, kw, at);
      case Tag::OptimClass: return construct_optimizer(static_cast<const NNClassObj*>(o)->name, pos, kw, at);
      case Tag::NNModule: return call_module(static_cast<const NNModuleObj*>(o)->m, pos, kw, at);
      default: fail(at, "TypeError: '" + fn.type_name() + "' object is not callable");
    }
  }

  Value call_user(const UserFnObj& f, std::vector<Value>& pos, Kw& kw, Pos at) {
    const Stmt* d = f.def;
    const std::string& fname = d->name;
    if (call_depth_ >= opt_.max_call_depth)
      fail(at, "RecursionError: maximum recursion depth exceeded (more than " + std::to_string(opt_.max_call_depth) +
                   " nested calls)");
    const size_t np = d->params.size();
    if (pos.size() > np)
      fail(at, "TypeError: " + fname + "() takes " + std::to_string(np) + " positional argument" + (np == 1 ? "" : "s") +
                   " but " + std::to_string(pos.size()) + (pos.size() == 1 ? " was" : " were") + " given");
    auto scope = std::make_shared<Scope>();
    scope->parent = f.closure;
    std::vector<bool> set(np, false);
    for (size_t i = 0; i < pos.size(); ++i) scope->vars[d->params[i].name] = pos[i], set[i] = true;
    for (auto& [k, v] : kw) {
      size_t j = 0;
      while (j < np && d->params[j].name != k) ++j;
      if (j == np) fail(at, "TypeError: " + fname + "() got an unexpected keyword argument '" + k + "'");
      if (set[j]) fail(at, "TypeError: " + fname + "() got multiple values for argument '" + k + "'");
      scope->vars[k] = v, set[j] = true;
    }
    for (size_t j = 0; j < np; ++j) {
      if (set[j]) continue;
      if (!d->params[j].default_value)
        fail(at, "TypeError: " + fname + "() missing required positional argument: '" + d->params[j].name + "'");
      scope->vars[d->params[j].name] = f.defaults[j];
    }
    // Switch scopes; restored on every exit (RAII), including errors.
    struct Restore {
      Interp& in;
      Scope* scope;
      std::shared_ptr<Scope> owner;
      ~Restore() {
        in.scope_ = scope;
        in.scope_owner_ = std::move(owner);
        --in.call_depth_;
      }
    } restore{*this, scope_, scope_owner_};
    ++call_depth_;
    scope_ = scope.get();
    scope_owner_ = scope;
    ret_ = Value::none();
    Flow fl = exec_block(d->body);
    if (fl == Flow::Break || fl == Flow::Continue) fail(at, "SyntaxError: 'break' or 'continue' outside loop");
    Value r = std::move(ret_);
    ret_ = Value::none();
    return r;
  }

  // ---------------- torch.nn modules and torch.optim optimizers (engine/nn, engine/optim) ----------------
  Value construct_module(const std::string& cls, std::vector<Value>& pos, Kw& kw, Pos at) {
    nn::ModulePtr m;
    if (cls == "Sequential") {
      if (!kw.empty()) fail(at, "TypeError: Sequential() got an unexpected keyword argument '" + kw[0].first + "'");
      std::vector<nn::ModulePtr> mods;
      for (size_t i = 0; i < pos.size(); ++i) {
        auto c = as<NNModuleObj>(pos[i], Tag::NNModule);
        if (!c) fail(at, "TypeError: " + pos[i].type_name() + " is not a Module subclass");
        mods.push_back(c->m);
      }
      m = at_pos(at, [&] { return nn::ModulePtr(nn::Sequential::make(std::move(mods))); });
    } else {
      m = at_pos(at, [&] { return nn::make_module(cls, pos, kw); });
    }
    check_memory(at);
    return make_obj<NNModuleObj>(std::move(m));
  }

  Value construct_optimizer(const std::string& cls, std::vector<Value>& pos, Kw& kw, Pos at) {
    Value params;
    bool have = false;
    if (!pos.empty()) params = pos[0], have = true;
    for (auto& [k, v] : kw)
      if (k == "params") {
        if (have) fail(at, "TypeError: " + cls + "() got multiple values for argument 'params'");
        params = v, have = true;
      }
    if (!have) fail(at, "TypeError: " + cls + "() missing 1 required positional argument: 'params'");
    if (params.kind == K::Tensor)
      fail(at, "TypeError: params argument given to the optimizer should be an iterable of Tensors or dicts, but got "
               "torch.FloatTensor");
    std::vector<Tensor> ts;
    for (const Value& v : to_vector(params, at)) {
      if (as<DictObj>(v, Tag::Dict)) fail(at, "TypeError: tensorlens optimizers take a list of tensors (no parameter groups)");
      if (v.kind != K::Tensor) fail(at, "TypeError: optimizer can only optimize Tensors, but one of the params is " + v.type_name());
      ts.push_back(v.t);
    }
    std::vector<Value> rest(pos.begin() + (pos.empty() ? 0 : 1), pos.end());
    auto o = at_pos(at, [&] { return nn::make_optimizer(cls, std::move(ts), rest, kw); });
    return make_obj<OptimizerObj>(std::move(o));
  }

  Value call_module(const nn::ModulePtr& m, std::vector<Value>& pos, Kw& kw, Pos at) {
    if (!kw.empty()) fail(at, "TypeError: " + m->type_name() + ".forward() got an unexpected keyword argument '" + kw[0].first + "'");
    std::vector<Tensor> in;
    for (const Value& v : pos) {
      if (v.kind != K::Tensor)
        fail(at, "TypeError: " + m->type_name() + ".forward(): expected a Tensor argument, got " + v.type_name());
      in.push_back(v.t);
    }
    Value r = at_pos(at, [&] {
      SourcePosGuard sp(at.line, at.col);
      return Value::tensor(m->forward(in));
    });
    check_memory(at);
    return r;
  }

  Value nn_module_attr(const Value& self, const nn::Module& m, const std::string& name, Pos at) {
    if (const Tensor* t = m.find_parameter(name)) return t->defined() ? Value::tensor(*t) : Value::none();
    if (nn::ModulePtr c = m.find_child(name)) return make_obj<NNModuleObj>(c);
    static const char* const methods[] = {"parameters", "named_parameters", "zero_grad", "train", "eval",
                                          "forward", "children", "named_children"};
    for (const char* n : methods)
      if (name == n) return make_obj<MethodObj>(self, name);
    if (name == "training") return Value::boolean(m.training());
    if (auto l = dynamic_cast<const nn::Linear*>(&m)) {
      if (name == "in_features") return Value::integer(l->in_features);
      if (name == "out_features") return Value::integer(l->out_features);
    }
    if (auto d = dynamic_cast<const nn::Dropout*>(&m); d && name == "p") return Value::number(d->p);
    if (auto d = dynamic_cast<const nn::LeakyReLU*>(&m); d && name == "negative_slope") return Value::number(d->negative_slope);
    if (auto d = dynamic_cast<const nn::Softmax*>(&m); d && name == "dim") return Value::integer(d->dim);
    if (auto d = dynamic_cast<const nn::LayerNorm*>(&m)) {
      if (name == "eps") return Value::number(d->eps);
      if (name == "elementwise_affine") return Value::boolean(d->elementwise_affine);
      if (name == "normalized_shape") {
        std::vector<Value> v;
        for (int64_t x : d->normalized_shape) v.push_back(Value::integer(x));
        return Value::tuple(std::move(v));
      }
    }
    if (auto d = dynamic_cast<const nn::Embedding*>(&m)) {
      if (name == "num_embeddings") return Value::integer(d->num_embeddings);
      if (name == "embedding_dim") return Value::integer(d->embedding_dim);
    }
    if (auto d = dynamic_cast<const nn::Loss*>(&m); d && name == "reduction") return Value::str(nn::reduction_name(d->reduction));
    if (auto d = dynamic_cast<const nn::CrossEntropyLoss*>(&m); d && name == "ignore_index") return Value::integer(d->ignore_index);
    fail(at, "AttributeError: '" + m.type_name() + "' object has no attribute '" + name + "'");
  }

  // Optional bool argument `name` (position 0 or keyword) of a module/optimizer method.
  bool bool_arg(const char* fn, const char* name, bool dflt, std::vector<Value>& pos, Kw& kw, Pos at) {
    nargs(fn, pos, 0, 1, at);
    Value v = pos.empty() ? Value::boolean(dflt) : pos[0];
    for (auto& [k, x] : kw) {
      if (k != name || !pos.empty()) fail(at, std::string("TypeError: ") + fn + "() got an unexpected keyword argument '" + k + "'");
      v = x;
    }
    if (v.kind != K::Bool) fail(at, std::string("TypeError: ") + fn + "(): '" + name + "' must be a bool, not " + v.type_name());
    return v.b;
  }

  Value call_module_method(const Value& self, const std::string& n, std::vector<Value>& pos, Kw& kw, Pos at) {
    const nn::ModulePtr& m = as<NNModuleObj>(self, Tag::NNModule)->m;
    if (n == "forward") return call_module(m, pos, kw, at);
    if (n == "train" || n == "eval") {
      if (n == "eval") no_kw("eval", kw, at), nargs("eval", pos, 0, 0, at);
      m->train(n == "train" ? bool_arg("train", "mode", true, pos, kw, at) : false);
      return self;
    }
    if (n == "zero_grad") {
      const bool none = bool_arg("zero_grad", "set_to_none", false, pos, kw, at);
      at_pos(at, [&] { m->zero_grad(none); });
      return Value::none();
    }
    if (n == "parameters" || n == "named_parameters") {
      bool recurse = true;
      for (auto& [k, v] : kw) {
        if (k == "recurse" && v.kind == K::Bool) recurse = v.b;
        else fail(at, "TypeError: " + n + "() got an unsupported keyword argument '" + k + "'");
      }
      nargs(n.c_str(), pos, 0, 0, at);
      std::vector<Value> out;
      std::vector<std::pair<std::string, Tensor>> named;
      if (recurse) named = m->named_parameters();
      else
        for (const auto& p : m->own_parameters())
          if (p.second.defined()) named.push_back(p);
      for (auto& [name, t] : named)
        out.push_back(n == "parameters" ? Value::tensor(t) : Value::tuple({Value::str(name), Value::tensor(t)}));
      return make_seq(K::List, std::move(out), at);
    }
    if (n == "children" || n == "named_children") {
      no_kw(n.c_str(), kw, at);
      nargs(n.c_str(), pos, 0, 0, at);
      std::vector<Value> out;
      for (const auto& [name, c] : m->children())
        out.push_back(n == "children" ? make_obj<NNModuleObj>(c) : Value::tuple({Value::str(name), make_obj<NNModuleObj>(c)}));
      return make_seq(K::List, std::move(out), at);
    }
    fail(at, "AttributeError: '" + m->type_name() + "' object has no attribute '" + n + "'");
  }

  Value call_optimizer_method(optim::Optimizer& o, const std::string& n, std::vector<Value>& pos, Kw& kw, Pos at) {
    if (n == "zero_grad") {
      const bool none = bool_arg("zero_grad", "set_to_none", false, pos, kw, at);
      at_pos(at, [&] { o.zero_grad(none); });
      return Value::none();
    }
    // step(closure=None)
    if (!pos.empty() || !kw.empty()) fail(at, "TypeError: tensorlens optimizers' step() takes no closure");
    at_pos(at, [&] { o.step(); });
    return Value::none();
  }

  // ---------------- builtins ----------------
  static void no_kw(const char* name, const Kw& kw, Pos at) {
    if (!kw.empty()) fail(at, std::string("TypeError: ") + name + "() got an unexpected keyword argument '" + kw[0].first + "'");
  }
  static void nargs(const char* name, const std::vector<Value>& pos, size_t lo, size_t hi, Pos at) {
    if (pos.size() >= lo && pos.size() <= hi) return;
    std::string want = lo == hi ? "exactly " + std::to_string(lo) : pos.size() < lo ? "at least " + std::to_string(lo) : "at most " + std::to_string(hi);
    fail(at, std::string("TypeError: ") + name + "() takes " + want + " argument" + ((lo == hi ? lo : pos.size() < lo ? lo : hi) == 1 ? "" : "s") +
                 " (" + std::to_string(pos.size()) + " given)");
  }
  // An integer argument: Python ints/bools, or a one-element integer tensor (__index__).
  int64_t to_index(const Value& v, Pos at) {
    if (is_int_like(v)) return int_of(v);
    if (v.kind == K::Tensor && v.t.numel() == 1 && !v.t.is_floating_point()) return int64_t(v.t.item());
    fail(at, "TypeError: '" + v.type_name() + "' object cannot be interpreted as an integer");
  }
  double to_double(const Value& v, Pos at) {
    if (v.is_number()) return v.as_double();
    if (v.kind == K::Tensor) {
      if (v.t.numel() != 1) fail(at, "ValueError: only one element tensors can be converted to Python scalars");
      return v.t.item();
    }
    fail(at, "TypeError: must be real number, not " + v.type_name());
  }

  void write_out(const std::string& s, Pos at) {
    if (int64_t(res_.stdout_text.size() + s.size()) > opt_.max_stdout_bytes)
      fail(at, "output limit exceeded: print() wrote more than " + std::to_string(opt_.max_stdout_bytes) + " bytes");
    res_.stdout_text += s;
  }

  Value call_builtin(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at) {
    switch (id) {
      case Bi::Print: {
        std::string sep = " ", end = "\n";
        for (auto& [k, v] : kw) {
          if ((k == "sep" || k == "end") && (v.kind == K::Str || v.is_none())) (k == "sep" ? sep : end) = v.is_none() ? (k == "sep" ? " " : "\n") : v.s;
          else if (k == "flush") continue;
          else fail(at, "TypeError: print() got an unsupported keyword argument '" + k + "'");
        }
        std::string line;
        for (size_t i = 0; i < pos.size(); ++i) {
          if (i) line += sep;
          line += at_pos(at, [&] { return str_of(pos[i]); });
        }
        write_out(line + end, at);
        return Value::none();
      }
      case Bi::Len: {
        no_kw(name, kw, at);
        nargs(name, pos, 1, 1, at);
        const Value& v = pos[0];
        if (v.is_seq()) return Value::integer(int64_t(v.items->size()));
        if (v.kind == K::Str) return Value::integer(int64_t(utf8_chars(v.s).size()));
        if (auto d = as<DictObj>(v, Tag::Dict)) return Value::integer(int64_t(d->items.size()));
        if (auto r = as<RangeObj>(v, Tag::Range)) return Value::integer(r->len());
        if (auto m = as<NNModuleObj>(v, Tag::NNModule))
          if (auto sq = std::dynamic_pointer_cast<nn::Sequential>(m->m)) return Value::integer(int64_t(sq->size()));
        if (v.kind == K::Tensor) {
          if (v.t.dim() == 0) fail(at, "TypeError: len() of a 0-d tensor");
          return Value::integer(v.t.shape()[0]);
        }
        fail(at, "TypeError: object of type '" + v.type_name() + "' has no len()");
      }
      case Bi::Range: {
        no_kw(name, kw, at);
        nargs(name, pos, 1, 3, at);
        int64_t a = 0, b, st = 1;
        if (pos.size() == 1) b = to_index(pos[0], at);
        else a = to_index(pos[0], at), b = to_index(pos[1], at);
        if (pos.size() == 3) st = to_index(pos[2], at);
        if (st == 0) fail(at, "ValueError: range() arg 3 must not be zero");
        return make_obj<RangeObj>(a, b, st);
      }
      case Bi::Float: {
        no_kw(name, kw, at);
        nargs(name, pos, 0, 1, at);
        if (pos.empty()) return Value::number(0);
        if (pos[0].kind == K::Str) return Value::number(parse_float(pos[0].s, at));
        return Value::number(to_double(pos[0], at));
      }
      case Bi::Int: {
        no_kw(name, kw, at);
        nargs(name, pos, 0, 1, at);
        if (pos.empty()) return Value::integer(0);
        if (is_int_like(pos[0])) return Value::integer(int_of(pos[0]));
        if (pos[0].kind == K::Str) {
          const std::string& s = pos[0].s;
          char* endp = nullptr;
          errno = 0;
          long long x = std::strtoll(s.c_str(), &endp, 10);
          while (endp && (*endp == ' ' || *endp == '\n')) ++endp;
          if (s.empty() || *endp || errno) fail(at, "ValueError: invalid literal for int() with base 10: " + str_repr(s));
          return Value::integer(x);
        }
        double d = to_double(pos[0], at);
        if (std::isnan(d)) fail(at, "ValueError: cannot convert float NaN to integer");
        if (std::isinf(d)) fail(at, "OverflowError: cannot convert float infinity to integer");
        if (std::fabs(d) >= 9.2233720368547758e18) fail(at, "OverflowError: integer too large for tensorlens (64-bit)");
        return Value::integer(int64_t(std::trunc(d)));
      }
      case Bi::Bool:
        no_kw(name, kw, at);
        nargs(name, pos, 0, 1, at);
        return Value::boolean(!pos.empty() && truthy(pos[0], at));
      case Bi::Str:
        no_kw(name, kw, at);
        nargs(name, pos, 0, 1, at);
        return Value::str(pos.empty() ? "" : at_pos(at, [&] { return str_of(pos[0]); }));
      case Bi::Repr:
        no_kw(name, kw, at);
        nargs(name, pos, 1, 1, at);
        return Value::str(at_pos(at, [&] { return repr(pos[0]); }));
      case Bi::Abs: {
        no_kw(name, kw, at);
        nargs(name, pos, 1, 1, at);
        const Value& v = pos[0];
        if (v.kind == K::Tensor) return call1("abs", kTorch, {v}, at);
        if (is_int_like(v)) {
          if (int_of(v) == INT64_MIN) fail(at, "OverflowError: integer overflow (tensorlens integers are 64-bit)");
          return Value::integer(std::llabs(int_of(v)));
        }
        if (v.kind == K::Float) return Value::number(std::fabs(v.f));
        fail(at, "TypeError: bad operand type for abs(): '" + v.type_name() + "'");
      }
      case Bi::Min:
      case Bi::Max: {
        std::vector<Value> items;
        Value dflt;
        bool has_default = false;
        for (auto& [k, v] : kw) {
          if (k == "default") dflt = v, has_default = true;
          else fail(at, std::string("TypeError: ") + name + "() got an unsupported keyword argument '" + k + "'");
        }
        if (pos.empty()) fail(at, std::string("TypeError: ") + name + " expected at least 1 argument, got 0");
        items = pos.size() == 1 ? to_vector(pos[0], at) : pos;
        if (items.empty()) {
          if (has_default) return dflt;
          fail(at, std::string("ValueError: ") + name + "() arg is an empty sequence");
        }
        Value best = items[0];
        for (size_t i = 1; i < items.size(); ++i) {
          // max keeps the first of equal items: replace only when strictly greater (less for min).
          Value c = compare(id == Bi::Max ? CmpOpKind::Gt : CmpOpKind::Lt, items[i], best, at);
          if (truthy(c, at)) best = items[i];
        }
        return best;
      }
      case Bi::Sum: {
        nargs(name, pos, 1, 2, at);
        Value acc = pos.size() == 2 ? pos[1] : Value::integer(0);
        for (auto& [k, v] : kw) {
          if (k == "start") acc = v;
          else fail(at, "TypeError: sum() got an unexpected keyword argument '" + k + "'");
        }
        std::unique_ptr<Iter> it = make_iter(pos[0], at);
        Value x;
        while (it->next(x)) {
          tick(at);
          acc = binop(BinOpKind::Add, acc, x, at);
        }
        return acc;
      }
      case Bi::Round: {
        nargs(name, pos, 1, 2, at);
        Value nd = pos.size() == 2 ? pos[1] : Value::none();
        for (auto& [k, v] : kw) {
          if (k == "ndigits") nd = v;
          else fail(at, "TypeError: round() got an unexpected keyword argument '" + k + "'");
        }
        const Value& v = pos[0];
        if (v.kind == K::Tensor) {
          if (find_ops("round", kTorch).empty()) fail(at, "TypeError: round() of a Tensor is not supported");
          return call1("round", kTorch, {v}, at);
        }
        if (is_int_like(v)) return Value::integer(int_of(v));
        if (v.kind != K::Float) fail(at, "TypeError: type " + v.type_name() + " doesn't define __round__ method");
        if (nd.is_none()) {
          if (!std::isfinite(v.f)) fail(at, std::isnan(v.f) ? "ValueError: cannot convert float NaN to integer" : "OverflowError: cannot convert float infinity to integer");
          double r = std::nearbyint(v.f);  // round half to even, as Python
          if (std::fabs(r) >= 9.2233720368547758e18) fail(at, "OverflowError: integer too large for tensorlens (64-bit)");
          return Value::integer(int64_t(r));
        }
        const int64_t n = to_index(nd, at);
        if (!std::isfinite(v.f) || n > 300) return v;
        if (n < -300) return Value::number(0.0 * v.f);
        if (n >= 0) {
          // Python rounds the exact binary value correctly, as printf does.
          char buf[400];
          std::snprintf(buf, sizeof buf, "%.*f", int(n), v.f);
          return Value::number(std::strtod(buf, nullptr));
        }
        const double p = std::pow(10.0, double(-n));
        return Value::number(std::nearbyint(v.f / p) * p);
      }
      case Bi::List:
      case Bi::Tuple: {
        no_kw(name, kw, at);
        nargs(name, pos, 0, 1, at);
        std::vector<Value> items = pos.empty() ? std::vector<Value>{} : to_vector(pos[0], at);
        if (id == Bi::List) return make_seq(K::List, std::move(items), at);
        Value r = make_seq(K::Tuple, std::move(items), at);
        return r;
      }
      case Bi::Enumerate: {
        nargs(name, pos, 1, 2, at);
        int64_t start = pos.size() == 2 ? to_index(pos[1], at) : 0;
        for (auto& [k, v] : kw) {
          if (k == "start") start = to_index(v, at);
          else fail(at, "TypeError: enumerate() got an unexpected keyword argument '" + k + "'");
        }
        make_iter(pos[0], at);  // type check now, as Python
        return make_obj<EnumerateObj>(pos[0], start);
      }
      case Bi::Zip: {
        no_kw(name, kw, at);
        auto z = std::make_shared<ZipObj>();
        for (const Value& v : pos) make_iter(v, at), z->inner.push_back(v);
        return Value::object(z);
      }
      case Bi::Isinstance: {
        no_kw(name, kw, at);
        nargs(name, pos, 2, 2, at);
        std::vector<Value> types = pos[1].kind == K::Tuple ? *pos[1].items : std::vector<Value>{pos[1]};
        for (const Value& t : types) {
          if (auto c = as<NNClassObj>(t, Tag::NNClass)) {
            auto m = as<NNModuleObj>(pos[0], Tag::NNModule);
            if (m && m->m->type_name() == c->name) return Value::boolean(true);
            continue;
          }
          if (auto tt = as<TypeObj>(t, Tag::Type)) {
            if (tt->name == "torch.Tensor" && pos[0].kind == K::Tensor) return Value::boolean(true);
            continue;
          }
          auto b = as<BuiltinObj>(t, Tag::Builtin);
          if (!b) fail(at, "TypeError: isinstance() arg 2 must be a type or tuple of types");
          const Value& v = pos[0];
          bool ok = (b->id == Bi::Int && is_int_like(v)) || (b->id == Bi::Float && v.kind == K::Float) ||
                    (b->id == Bi::Bool && v.kind == K::Bool) || (b->id == Bi::Str && v.kind == K::Str) ||
                    (b->id == Bi::List && v.kind == K::List) || (b->id == Bi::Tuple && v.kind == K::Tuple);
          if (ok) return Value::boolean(true);
        }
        return Value::boolean(false);
      }
      case Bi::Sorted: {
        nargs(name, pos, 1, 1, at);
        bool reverse = false;
        for (auto& [k, v] : kw) {
          if (k == "reverse") reverse = truthy(v, at);
          else fail(at, "TypeError: sorted() got an unsupported keyword argument '" + k + "'");
        }
        std::vector<Value> items = to_vector(pos[0], at);
        // Insertion-merge via std::stable_sort; comparisons may throw ScriptError, which leaves
        // `items` (a local) valid, so that is safe.
        std::stable_sort(items.begin(), items.end(), [&](const Value& a, const Value& b) {
          return truthy(compare(CmpOpKind::Lt, reverse ? b : a, reverse ? a : b, at), at);
        });
        return make_seq(K::List, std::move(items), at);
      }
      case Bi::Reversed: {
        no_kw(name, kw, at);
        nargs(name, pos, 1, 1, at);
        std::vector<Value> items = to_vector(pos[0], at);
        std::reverse(items.begin(), items.end());
        return make_seq(K::List, std::move(items), at);
      }
      case Bi::Any:
      case Bi::All: {
        no_kw(name, kw, at);
        nargs(name, pos, 1, 1, at);
        std::unique_ptr<Iter> it = make_iter(pos[0], at);
        Value x;
        while (it->next(x)) {
          tick(at);
          if (truthy(x, at) == (id == Bi::Any)) return Value::boolean(id == Bi::Any);
        }
        return Value::boolean(id == Bi::All);
      }
      case Bi::IsGradEnabled:
        no_kw(name, kw, at);
        nargs(name, pos, 0, 0, at);
        return Value::boolean(grad_enabled());
      default: return call_math(id, name, pos, kw, at);
    }
  }

  Value call_math(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at) {
    no_kw(name, kw, at);
    const size_t want = (id == Bi::MathPow) ? 2 : 1;
    nargs(name, pos, want, id == Bi::MathLog ? 2 : want, at);
    for (const Value& v : pos)
      if (!v.is_number() && !(v.kind == K::Tensor && v.t.numel() == 1))
        fail(at, "TypeError: must be real number, not " + v.type_name());
    const double x = to_double(pos[0], at);
    auto domain = [&](bool ok) {
      if (!ok) fail(at, "ValueError: math domain error");
    };
    switch (id) {
      case Bi::MathSqrt: domain(x >= 0 || std::isnan(x)); return Value::number(std::sqrt(x));
      case Bi::MathExp: return Value::number(std::exp(x));
      case Bi::MathLog: {
        domain(x > 0 || std::isnan(x));
        if (pos.size() == 2) {
          const double b = to_double(pos[1], at);
          domain(b > 0 && b != 1);
          return Value::number(std::log(x) / std::log(b));
        }
        return Value::number(std::log(x));
      }
      case Bi::MathSin: return Value::number(std::sin(x));
      case Bi::MathCos: return Value::number(std::cos(x));
      case Bi::MathTan: return Value::number(std::tan(x));
      case Bi::MathTanh: return Value::number(std::tanh(x));
      case Bi::MathFloor:
      case Bi::MathCeil: {
        if (is_int_like(pos[0])) return Value::integer(int_of(pos[0]));
        double r = id == Bi::MathFloor ? std::floor(x) : std::ceil(x);
        if (!std::isfinite(r) || std::fabs(r) >= 9.2233720368547758e18) fail(at, "OverflowError: cannot convert float to integer");
        return Value::integer(int64_t(r));
      }
      case Bi::MathFabs: return Value::number(std::fabs(x));
      case Bi::MathIsnan: return Value::boolean(std::isnan(x));
      case Bi::MathIsinf: return Value::boolean(std::isinf(x));
      case Bi::MathIsfinite: return Value::boolean(std::isfinite(x));
      case Bi::MathPow: return Value::number(std::pow(x, to_double(pos[1], at)));
      default: break;
    }
    fail(at, std::string("TypeError: ") + name + "() is not callable");
  }

  Value call_method(const MethodObj& m, std::vector<Value>& pos, Kw& kw, Pos at) {
    const std::string& n = m.name;
    const Value& self = m.self;
    if (as<NNModuleObj>(self, Tag::NNModule)) return call_module_method(self, n, pos, kw, at);
    if (auto o = as<OptimizerObj>(self, Tag::Optimizer)) return call_optimizer_method(*o->o, n, pos, kw, at);
    if (self.kind == K::List) {
      no_kw(n.c_str(), kw, at);
      std::vector<Value>& items = *self.items;
      if (n == "append") {
        nargs("append", pos, 1, 1, at);
        check_len(int64_t(items.size() + 1), at);
        check_insert(pos[0], self.items.get(), at);
        items.push_back(pos[0]);
        return Value::none();
      }
      if (n == "extend") {
        nargs("extend", pos, 1, 1, at);
        aug_value(self, BinOpKind::Add, pos[0], at);
        return Value::none();
      }
      if (n == "insert") {
        nargs("insert", pos, 2, 2, at);
        int64_t i = to_index(pos[0], at), len = int64_t(items.size());
        if (i < 0) i = std::max<int64_t>(0, i + len);
        i = std::min(i, len);
        check_len(len + 1, at);
        check_insert(pos[1], self.items.get(), at);
        items.insert(items.begin() + i, pos[1]);
        return Value::none();
      }
      if (n == "pop") {
        nargs("pop", pos, 0, 1, at);
        if (items.empty()) fail(at, "IndexError: pop from empty list");
        int64_t i = pos.empty() ? -1 : to_index(pos[0], at), len = int64_t(items.size());
        if (i < 0) i += len;
        if (i < 0 || i >= len) fail(at, "IndexError: pop index out of range");
        Value r = items[size_t(i)];
        items.erase(items.begin() + i);
        return r;
      }
      if (n == "index" || n == "count") {
        nargs(n.c_str(), pos, 1, 1, at);
        int64_t count = 0;
        for (size_t i = 0; i < items.size(); ++i)
          if (equal(items[i], pos[0], at)) {
            if (n == "index") return Value::integer(int64_t(i));
            ++count;
          }
        if (n == "index") fail(at, "ValueError: " + repr(pos[0]) + " is not in list");
        return Value::integer(count);
      }
    }
    if (auto d = as<DictObj>(self, Tag::Dict)) {
      if (n == "get") {
        nargs("get", pos, 1, 2, at);
        const Value* v = dict_get(*d, pos[0], at);
        return v ? *v : pos.size() == 2 ? pos[1] : Value::none();
      }
      nargs(n.c_str(), pos, 0, 0, at);
      std::vector<Value> out;
      for (const auto& kv : d->items)
        out.push_back(n == "keys" ? kv.first : n == "values" ? kv.second : Value::tuple({kv.first, kv.second}));
      return make_seq(K::List, std::move(out), at);
    }
    if (self.kind == K::Str) {
      if (n == "format") return Value::str(str_format(self.s, pos, kw, at));
      no_kw(n.c_str(), kw, at);
      if (n == "join") {
        nargs("join", pos, 1, 1, at);
        std::string r;
        std::vector<Value> items = to_vector(pos[0], at);
        for (size_t i = 0; i < items.size(); ++i) {
          if (items[i].kind != K::Str) fail(at, "TypeError: sequence item " + std::to_string(i) + ": expected str instance, " + items[i].type_name() + " found");
          if (i) r += self.s;
          r += items[i].s;
          check_len(int64_t(r.size()), at);
        }
        return Value::str(r);
      }
      nargs(n.c_str(), pos, 0, 0, at);
      std::string r = self.s;
      for (char& c : r) c = char(n == "upper" ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
      return Value::str(r);
    }
    if (auto g = as<GradFnObj>(self, Tag::GradFn)) {
      nargs("name", pos, 0, 0, at);
      return Value::str(g->node->name());
    }
    fail(at, "TypeError: unsupported method " + n);
  }

  // ---------------- strings ----------------
  static std::vector<std::string> utf8_chars(const std::string& s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size();) {
      size_t n = 1;
      while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
      out.push_back(s.substr(i, n));
      i += n;
    }
    return out;
  }

  static double parse_float(const std::string& s, Pos at) {
    const char* b = s.c_str();
    while (*b == ' ' || *b == '\t' || *b == '\n') ++b;
    char* e = nullptr;
    double v = std::strtod(b, &e);
    while (e && (*e == ' ' || *e == '\t' || *e == '\n')) ++e;
    if (e == b || *e) fail(at, "ValueError: could not convert string to float: " + str_repr(s));
    return v;
  }

  static std::string pad(const std::string& s, size_t width, char align, char fill) {
    if (s.size() >= width) return s;
    const size_t n = width - s.size();
    if (align == '<') return s + std::string(n, fill);
    if (align == '^') return std::string(n / 2, fill) + s + std::string(n - n / 2, fill);
    return std::string(n, fill) + s;
  }

  // Python's format(value, spec) for the common specs: [[fill]align][sign][0][width][.prec][type].
  std::string format_value(const Value& v0, const std::string& spec, Pos at) {
    Value v = v0;
    if (v.kind == K::Tensor && !spec.empty()) {
      if (v.t.dim() != 0) fail(at, "TypeError: unsupported format string passed to Tensor.__format__");
      v = call1("item", kMethod, {v}, at);
    }
    if (spec.empty()) return str_of(v);
    size_t i = 0;
    char fill = ' ', align = 0, sign = '-';
    if (spec.size() >= 2 && std::strchr("<>^=", spec[1])) fill = spec[0], align = spec[1], i = 2;
    else if (std::strchr("<>^=", spec[0])) align = spec[0], i = 1;
    if (i < spec.size() && std::strchr("+- ", spec[i])) sign = spec[i++];
    if (i < spec.size() && spec[i] == '0') {
      if (!align) fill = '0', align = '=';
      ++i;
    }
    size_t width = 0;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) width = width * 10 + size_t(spec[i++] - '0');
    if (width > 1000) fail(at, "ValueError: format width too large");
    int prec = -1;
    if (i < spec.size() && spec[i] == '.') {
      prec = 0;
      ++i;
      while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) prec = std::min(prec * 10 + (spec[i++] - '0'), 300);
    }
    char type = i < spec.size() ? spec[i++] : 0;
    if (i != spec.size()) fail(at, "ValueError: Invalid format specifier");
    std::string body;
    if (type == 's' || (type == 0 && !v.is_number())) {
      body = str_of(v);
      if (prec >= 0 && body.size() > size_t(prec)) body.resize(size_t(prec));
      return pad(body, width, align ? align : '<', fill);
    }
    if (!v.is_number()) fail(at, "ValueError: Unknown format code '" + std::string(1, type) + "' for object of type '" + v.type_name() + "'");
    char buf[512];
    if (type == 'd') {
      if (!is_int_like(v)) fail(at, "ValueError: Unknown format code 'd' for object of type 'float'");
      std::snprintf(buf, sizeof buf, "%" PRId64, int_of(v));
    } else if (type == 0 && is_int_like(v) && prec < 0) {
      std::snprintf(buf, sizeof buf, "%" PRId64, int_of(v));
    } else if (type == 0 && prec < 0) {
      std::snprintf(buf, sizeof buf, "%s", py_float_repr(v.as_double()).c_str());
    } else {
      double x = v.as_double();
      if (type == '%') x *= 100;
      const char t = type == 0 ? 'g' : type == '%' ? 'f' : type;
      if (!std::strchr("fFeEgG", t)) fail(at, std::string("ValueError: Unknown format code '") + type + "'");
      char f[16];
      std::snprintf(f, sizeof f, "%%.%d%c", prec < 0 ? 6 : prec, t);
      std::snprintf(buf, sizeof buf, f, x);
      if (type == '%') std::strncat(buf, "%", sizeof buf - std::strlen(buf) - 1);
    }
    body = buf;
    if (sign != '-' && body[0] != '-') body = std::string(1, sign) + body;
    if (align == '=' && !body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' '))
      return body[0] + pad(body.substr(1), width ? width - 1 : 0, '>', fill);
    return pad(body, width, align ? (align == '=' ? '>' : align) : '>', fill);
  }

  std::string str_format(const std::string& f, const std::vector<Value>& pos, const Kw& kw, Pos at) {
    std::string out;
    size_t auto_idx = 0;
    for (size_t i = 0; i < f.size(); ++i) {
      const char c = f[i];
      if (c == '}') {
        if (i + 1 < f.size() && f[i + 1] == '}') ++i;
        else fail(at, "ValueError: Single '}' encountered in format string");
        out += '}';
        continue;
      }
      if (c != '{') {
        out += c;
        continue;
      }
      if (i + 1 < f.size() && f[i + 1] == '{') {
        out += '{';
        ++i;
        continue;
      }
      size_t close = f.find('}', i);
      if (close == std::string::npos) fail(at, "ValueError: Single '{' encountered in format string");
      std::string field = f.substr(i + 1, close - i - 1);
      i = close;
      std::string spec, conv;
      size_t colon = field.find(':');
      if (colon != std::string::npos) spec = field.substr(colon + 1), field.resize(colon);
      size_t bang = field.find('!');
      if (bang != std::string::npos) conv = field.substr(bang + 1), field.resize(bang);
      Value v;
      if (field.empty()) {
        if (auto_idx >= pos.size()) fail(at, "IndexError: Replacement index " + std::to_string(auto_idx) + " out of range for positional args tuple");
        v = pos[auto_idx++];
      } else if (std::isdigit(static_cast<unsigned char>(field[0]))) {
        size_t k = size_t(std::atoi(field.c_str()));
        if (k >= pos.size()) fail(at, "IndexError: Replacement index " + field + " out of range for positional args tuple");
        v = pos[k];
      } else {
        bool found = false;
        for (const auto& [n, val] : kw)
          if (n == field) v = val, found = true;
        if (!found) fail(at, "KeyError: '" + field + "'");
      }
      if (conv == "r") v = Value::str(repr(v));
      else if (conv == "s") v = Value::str(str_of(v));
      out += format_value(v, spec, at);
      check_len(int64_t(out.size()), at);
    }
    return out;
  }

  // "fmt" % args: %d %i %f %e %g %s %r %% with flags, width and precision.
  std::string percent_format(const std::string& f, const Value& args, Pos at) {
    std::vector<Value> a = args.kind == K::Tuple ? *args.items : std::vector<Value>{args};
    size_t k = 0;
    std::string out;
    for (size_t i = 0; i < f.size(); ++i) {
      if (f[i] != '%') {
        out += f[i];
        continue;
      }
      size_t j = i + 1;
      std::string flags;
      while (j < f.size() && std::strchr("-+ 0#", f[j])) flags += f[j++];
      std::string width, prec;
      while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) width += f[j++];
      if (j < f.size() && f[j] == '.') {
        prec = ".";
        ++j;
        while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) prec += f[j++];
      }
      if (j >= f.size()) fail(at, "ValueError: incomplete format");
      const char t = f[j];
      i = j;
      if (t == '%') {
        out += '%';
        continue;
      }
      if (k >= a.size()) fail(at, "TypeError: not enough arguments for format string");
      Value v = a[k++];
      if (v.kind == K::Tensor && v.t.numel() == 1 && t != 's' && t != 'r') v = call1("item", kMethod, {v}, at);
      if (width.size() > 3 || prec.size() > 4) fail(at, "ValueError: format width or precision too large");
      char buf[600];
      std::string spec = "%" + flags + width + prec;
      if (t == 's' || t == 'r') {
        std::string s = t == 's' ? str_of(v) : repr(v);
        const size_t w = width.empty() ? 0 : size_t(std::stoi(width));
        out += pad(s, w, flags.find('-') != std::string::npos ? '<' : '>', ' ');
      } else if (t == 'd' || t == 'i') {
        if (!v.is_number()) fail(at, "TypeError: %d format: a real number is required, not " + v.type_name());
        double d = v.as_double();
        int64_t x = is_int_like(v) ? int_of(v) : int64_t(std::trunc(d));
        std::snprintf(buf, sizeof buf, (spec + PRId64).c_str(), x);
        out += buf;
      } else if (std::strchr("fFeEgG", t)) {
        if (!v.is_number()) fail(at, std::string("TypeError: must be real number, not ") + v.type_name());
        std::snprintf(buf, sizeof buf, (spec + t).c_str(), v.as_double());
        out += buf;
      } else {
        fail(at, std::string("ValueError: unsupported format character '") + t + "'");
      }
      check_len(int64_t(out.size()), at);
    }
    if (k < a.size()) fail(at, "TypeError: not all arguments converted during string formatting");
    return out;
  }

  // ---------------- operators ----------------
  static const char* tensor_op_name(BinOpKind op) {
    switch (op) {
      case BinOpKind::Add: return "add";
      case BinOpKind::Sub: return "sub";
      case BinOpKind::Mul: return "mul";
      case BinOpKind::Div: return "div";
      case BinOpKind::MatMul: return "matmul";
      case BinOpKind::Pow: return "pow";
      case BinOpKind::FloorDiv: return "floor_divide";
      case BinOpKind::Mod: return "remainder";
      case BinOpKind::BitAnd: return "bitwise_and";
      case BinOpKind::BitOr: return "bitwise_or";
      case BinOpKind::BitXor: return "bitwise_xor";
      default: return "";
    }
  }

  [[noreturn]] static void unsupported(BinOpKind op, const Value& a, const Value& b, Pos at) {
    fail(at, std::string("TypeError: unsupported operand type(s) for ") + op_str(op) + ": '" + a.type_name() + "' and '" +
                 b.type_name() + "'");
  }
  [[noreturn]] static void overflow(Pos at) { fail(at, "OverflowError: integer overflow (tensorlens integers are 64-bit)"); }

  Value tensor_binop(BinOpKind op, const Value& a, const Value& b, Pos at) {
    // tensor +-*/ tensor-or-number, most of a script's arithmetic: tl::arith directly, with what
    // call_table adds (source position for the graph, error position, memory check).
    const bool is_arith = op == BinOpKind::Add || op == BinOpKind::Sub || op == BinOpKind::Mul || op == BinOpKind::Div;
    if (is_arith && a.kind == K::Tensor && (b.kind == K::Tensor || b.kind == K::Int || b.kind == K::Float)) {
      const Arith ar = op == BinOpKind::Add ? Arith::Add : op == BinOpKind::Sub ? Arith::Sub
                       : op == BinOpKind::Mul ? Arith::Mul : Arith::Div;
      Value r = at_pos(at, [&] {
        SourcePosGuard sp(at.line, at.col);
        return Value::tensor(b.kind == K::Tensor ? arith(ar, a.t, b.t) : arith(ar, a.t, b.as_double(), b.kind == K::Int));
      });
      check_memory(at);
      return r;
    }
    const char* name = tensor_op_name(op);
    const unsigned where = kTorch | kMethod;
    if (!*name || find_ops(name, where).empty()) unsupported(op, a, b, at);
    if (a.kind == K::Tensor) return call_table(name, where, {a, b}, {}, at);
    if (!a.is_number()) unsupported(op, a, b, at);
    // number OP tensor: PyTorch's reflected operators. A Python number becomes a wrapped scalar
    // of the tensor's kind (wrap_scalar), so `2 * x` and `1 - x` keep x's dtype.
    switch (op) {
      case BinOpKind::Add:
      case BinOpKind::Mul: return call_table(name, where, {b, a}, {}, at);
      case BinOpKind::Pow: return call_table(name, kTorch, {a, b}, {}, at);
      case BinOpKind::MatMul: unsupported(op, a, b, at);
      default: {
        Tensor w = wrap_scalar(a.as_double(), b.t, a.kind != K::Float);
        return call_table(name, where, {Value::tensor(w), b}, {}, at);
      }
    }
  }

  Value binop(BinOpKind op, const Value& a, const Value& b, Pos at) {
    if (a.kind == K::Tensor || b.kind == K::Tensor) return tensor_binop(op, a, b, at);
    if (a.is_number() && b.is_number()) return num_binop(op, a, b, at);
    if (op == BinOpKind::Add && a.kind == b.kind && (a.is_seq() || a.kind == K::Str)) {
      if (a.kind == K::Str) {
        check_len(int64_t(a.s.size() + b.s.size()), at);
        return Value::str(a.s + b.s);
      }
      std::vector<Value> r = *a.items;
      check_len(int64_t(r.size() + b.items->size()), at);
      r.insert(r.end(), b.items->begin(), b.items->end());
      return a.kind == K::List ? Value::list(std::move(r)) : Value::tuple(std::move(r));
    }
    const bool a_seq = a.is_seq() || a.kind == K::Str, b_seq = b.is_seq() || b.kind == K::Str;
    if (op == BinOpKind::Mul && ((a_seq && is_int_like(b)) || (b_seq && is_int_like(a)))) {
      const Value& s = is_int_like(a) ? b : a;
      const int64_t n = std::max<int64_t>(0, int_of(is_int_like(a) ? a : b));
      const int64_t len = s.kind == K::Str ? int64_t(s.s.size()) : int64_t(s.items->size());
      if (len && n > opt_.max_container_len / len) check_len(opt_.max_container_len + 1, at);
      if (s.kind == K::Str) {
        std::string r;
        for (int64_t i = 0; i < n; ++i) r += s.s;
        return Value::str(r);
      }
      std::vector<Value> r;
      for (int64_t i = 0; i < n; ++i) r.insert(r.end(), s.items->begin(), s.items->end());
      return s.kind == K::List ? Value::list(std::move(r)) : Value::tuple(std::move(r));
    }
    if (op == BinOpKind::Mod && a.kind == K::Str) return Value::str(percent_format(a.s, b, at));
    unsupported(op, a, b, at);
  }

  Value num_binop(BinOpKind op, const Value& a, const Value& b, Pos at) {
    if (is_int_like(a) && is_int_like(b)) {
      const int64_t x = int_of(a), y = int_of(b);
      int64_t r = 0;
      switch (op) {
        case BinOpKind::Add: if (__builtin_add_overflow(x, y, &r)) overflow(at); return Value::integer(r);
        case BinOpKind::Sub: if (__builtin_sub_overflow(x, y, &r)) overflow(at); return Value::integer(r);
        case BinOpKind::Mul: if (__builtin_mul_overflow(x, y, &r)) overflow(at); return Value::integer(r);
        case BinOpKind::Div:
          if (y == 0) fail(at, "ZeroDivisionError: division by zero");
          return Value::number(double(x) / double(y));
        case BinOpKind::FloorDiv:
        case BinOpKind::Mod: {
          if (y == 0) fail(at, "ZeroDivisionError: integer division or modulo by zero");
          if (y == -1) {
            if (op == BinOpKind::Mod) return Value::integer(0);
            if (x == INT64_MIN) overflow(at);
            return Value::integer(-x);
          }
          int64_t q = x / y, m = x % y;
          if (m != 0 && ((m < 0) != (y < 0))) --q, m += y;
          return Value::integer(op == BinOpKind::FloorDiv ? q : m);
        }
        case BinOpKind::Pow: {
          if (y < 0) {
            if (x == 0) fail(at, "ZeroDivisionError: 0.0 cannot be raised to a negative power");
            return Value::number(std::pow(double(x), double(y)));
          }
          int64_t base = x, e = y, acc = 1;
          while (e) {
            if (e & 1)
              if (__builtin_mul_overflow(acc, base, &acc)) overflow(at);
            e >>= 1;
            if (e && __builtin_mul_overflow(base, base, &base)) overflow(at);
          }
          return Value::integer(acc);
        }
        case BinOpKind::LShift:
          if (y < 0) fail(at, "ValueError: negative shift count");
          if (x == 0) return Value::integer(0);
          if (y >= 63 || ((x << y) >> y) != x) overflow(at);
          return Value::integer(x << y);
        case BinOpKind::RShift:
          if (y < 0) fail(at, "ValueError: negative shift count");
          return Value::integer(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
        case BinOpKind::BitAnd: return a.kind == K::Bool && b.kind == K::Bool ? Value::boolean(a.b && b.b) : Value::integer(x & y);
        case BinOpKind::BitOr: return a.kind == K::Bool && b.kind == K::Bool ? Value::boolean(a.b || b.b) : Value::integer(x | y);
        case BinOpKind::BitXor: return a.kind == K::Bool && b.kind == K::Bool ? Value::boolean(a.b != b.b) : Value::integer(x ^ y);
        case BinOpKind::MatMul: unsupported(op, a, b, at);
      }
    }
    const double x = a.as_double(), y = b.as_double();
    switch (op) {
      case BinOpKind::Add: return Value::number(x + y);
      case BinOpKind::Sub: return Value::number(x - y);
      case BinOpKind::Mul: return Value::number(x * y);
      case BinOpKind::Div:
        if (y == 0) fail(at, "ZeroDivisionError: float division by zero");
        return Value::number(x / y);
      case BinOpKind::FloorDiv:
      case BinOpKind::Mod: {
        if (y == 0) fail(at, op == BinOpKind::Mod ? "ZeroDivisionError: float modulo" : "ZeroDivisionError: float floor division by zero");
        // CPython's float_divmod.
        double mod = std::fmod(x, y), div = (x - mod) / y;
        if (mod != 0) {
          if ((y < 0) != (mod < 0)) mod += y, div -= 1.0;
        } else {
          mod = std::copysign(0.0, y);
        }
        double fl;
        if (div != 0) {
          fl = std::floor(div);
          if (div - fl > 0.5) fl += 1.0;
        } else {
          fl = std::copysign(0.0, x / y);
        }
        return Value::number(op == BinOpKind::Mod ? mod : fl);
      }
      case BinOpKind::Pow: {
        if (x == 0 && y < 0) fail(at, "ZeroDivisionError: 0.0 cannot be raised to a negative power");
        if (x < 0 && std::isfinite(y) && y != std::floor(y))
          fail(at, "ValueError: a negative number raised to a fractional power is complex (not supported)");
        double r = std::pow(x, y);
        if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) fail(at, "OverflowError: (34, 'Numerical result out of range')");
        return Value::number(r);
      }
      default: unsupported(op, a, b, at);
    }
  }

  Value unary(UnaryOpKind op, const Value& v, Pos at) {
    switch (op) {
      case UnaryOpKind::Not: return Value::boolean(!truthy(v, at));
      case UnaryOpKind::Neg:
        if (v.kind == K::Tensor) return call1("neg", kTorch, {v}, at);
        if (is_int_like(v)) {
          if (int_of(v) == INT64_MIN) overflow(at);
          return Value::integer(-int_of(v));
        }
        if (v.kind == K::Float) return Value::number(-v.f);
        break;
      case UnaryOpKind::Pos:
        if (v.kind == K::Tensor || v.kind == K::Float) return v;
        if (is_int_like(v)) return Value::integer(int_of(v));
        break;
      case UnaryOpKind::Invert:
        if (is_int_like(v)) return Value::integer(~int_of(v));
        if (v.kind == K::Tensor) {
          const char* n = v.t.dtype() == DType::Bool ? "logical_not" : "bitwise_not";
          if (!find_ops(n, kTorch).empty()) return call1(n, kTorch, {v}, at);
        }
        break;
    }
    fail(at, std::string("TypeError: bad operand type for unary ") + op_str(op) + ": '" + v.type_name() + "'");
  }

  static const char* cmp_name(CmpOpKind op) {
    switch (op) {
      case CmpOpKind::Lt: return "lt";
      case CmpOpKind::Le: return "le";
      case CmpOpKind::Gt: return "gt";
      case CmpOpKind::Ge: return "ge";
      case CmpOpKind::Eq: return "eq";
      case CmpOpKind::Ne: return "ne";
      default: return "";
    }
  }
  static CmpOpKind flip(CmpOpKind op) {
    switch (op) {
      case CmpOpKind::Lt: return CmpOpKind::Gt;
      case CmpOpKind::Le: return CmpOpKind::Ge;
      case CmpOpKind::Gt: return CmpOpKind::Lt;
      case CmpOpKind::Ge: return CmpOpKind::Le;
      default: return op;
    }
  }

  static bool identical(const Value& a, const Value& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
      case K::None: return true;
      case K::Bool: return a.b == b.b;
      case K::Int: return a.i == b.i;
      case K::Float: return a.f == b.f;
      case K::Str: return a.s == b.s;
      case K::DType: return a.i == b.i;
      case K::Tensor: return a.t.same(b.t);
      case K::List:
      case K::Tuple: return a.items == b.items;
      case K::Object: return a.obj == b.obj;
    }
    return false;
  }

  Value compare(CmpOpKind op, const Value& a, const Value& b, Pos at) {
    switch (op) {
      case CmpOpKind::Is: return Value::boolean(identical(a, b));
      case CmpOpKind::IsNot: return Value::boolean(!identical(a, b));
      case CmpOpKind::In:
      case CmpOpKind::NotIn: {
        bool found = false;
        if (b.is_seq()) {
          for (const Value& x : *b.items)
            if (identical(x, a) || (x.kind != K::Tensor && a.kind != K::Tensor && equal(x, a, at))) {
              found = true;
              break;
            }
        } else if (b.kind == K::Str) {
          if (a.kind != K::Str) fail(at, "TypeError: 'in <string>' requires string as left operand, not " + a.type_name());
          found = b.s.find(a.s) != std::string::npos;
        } else if (auto d = as<DictObj>(b, Tag::Dict)) {
          found = dict_get(*d, a, at) != nullptr;
        } else if (auto r = as<RangeObj>(b, Tag::Range)) {
          if (is_int_like(a)) {
            const int64_t x = int_of(a);
            found = r->step > 0 ? (x >= r->start && x < r->stop && (x - r->start) % r->step == 0)
                                : (x <= r->start && x > r->stop && (r->start - x) % (-r->step) == 0);
          }
        } else {
          fail(at, "TypeError: argument of type '" + b.type_name() + "' is not iterable");
        }
        return Value::boolean(found == (op == CmpOpKind::In));
      }
      default: break;
    }
    const bool eqne = op == CmpOpKind::Eq || op == CmpOpKind::Ne;
    if (a.kind == K::Tensor || b.kind == K::Tensor) {
      const Value& t = a.kind == K::Tensor ? a : b;
      const Value& o = a.kind == K::Tensor ? b : a;
      if (o.kind == K::Tensor || o.is_number())
        return call_table(cmp_name(a.kind == K::Tensor ? op : flip(op)), kTorch | kMethod, {t, o}, {}, at);
      if (eqne) return Value::boolean(op == CmpOpKind::Ne);
      fail(at, std::string("TypeError: '") + op_str(op) + "' not supported between instances of '" + a.type_name() +
                   "' and '" + b.type_name() + "'");
    }
    if (eqne) return Value::boolean(equal(a, b, at) == (op == CmpOpKind::Eq));
    int c = 0;  // -1, 0, 1
    if (a.is_number() && b.is_number()) {
      if (a.kind == K::Float || b.kind == K::Float) {
        const double x = a.as_double(), y = b.as_double();
        if (std::isnan(x) || std::isnan(y)) return Value::boolean(false);
        c = x < y ? -1 : x > y ? 1 : 0;
      } else {
        c = int_of(a) < int_of(b) ? -1 : int_of(a) > int_of(b) ? 1 : 0;
      }
    } else if (a.kind == K::Str && b.kind == K::Str) {
      c = a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
    } else if (a.is_seq() && a.kind == b.kind) {
      size_t i = 0;
      while (i < a.items->size() && i < b.items->size() && equal((*a.items)[i], (*b.items)[i], at)) ++i;
      if (i < a.items->size() && i < b.items->size()) return compare(op, (*a.items)[i], (*b.items)[i], at);
      c = a.items->size() < b.items->size() ? -1 : a.items->size() > b.items->size() ? 1 : 0;
    } else {
      fail(at, std::string("TypeError: '") + op_str(op) + "' not supported between instances of '" + a.type_name() +
                   "' and '" + b.type_name() + "'");
    }
    switch (op) {
      case CmpOpKind::Lt: return Value::boolean(c < 0);
      case CmpOpKind::Le: return Value::boolean(c <= 0);
      case CmpOpKind::Gt: return Value::boolean(c > 0);
      default: return Value::boolean(c >= 0);
    }
  }

  // ---------------- indexing ----------------
  static constexpr unsigned kAnyOp = kTorch | kMethod | kInternal;

  // Python's slice.indices(len): (start, stop, step, count).
  void py_slice(const SliceObj& s, int64_t len, int64_t& start, int64_t& stop, int64_t& step, int64_t& count, Pos at) {
    step = s.step.is_none() ? 1 : to_index(s.step, at);
    if (step == 0) fail(at, "ValueError: slice step cannot be zero");
    const int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? len - 1 : len;
    auto fix = [&](const Value& v, int64_t dflt) {
      if (v.is_none()) return dflt;
      int64_t x = to_index(v, at);
      if (x < 0) {
        x += len;
        if (x < lower) x = lower;
      } else if (x > upper) {
        x = upper;
      }
      return x;
    };
    start = fix(s.lower, step < 0 ? upper : lower);
    stop = fix(s.upper, step < 0 ? lower : upper);
    if (step > 0) count = start < stop ? (stop - start - 1) / step + 1 : 0;
    else count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
  }

  // The index items of x[...] as PyTorch sees them: a lone tuple index is its items.
  static std::vector<Value> index_items(const std::vector<Value>& idx, bool is_tuple) {
    if (idx.size() == 1 && !is_tuple && idx[0].kind == K::Tuple) return *idx[0].items;
    return idx;
  }

  Value get_item(const Value& obj, const std::vector<Value>& idx, bool is_tuple, Pos at) {
    if (obj.kind == K::Tensor) return Value::tensor(tensor_index(obj.t, index_items(idx, is_tuple), at, nullptr));
    if (auto m = as<NNModuleObj>(obj, Tag::NNModule)) {
      auto sq = std::dynamic_pointer_cast<nn::Sequential>(m->m);
      if (!sq) fail(at, "TypeError: '" + obj.type_name() + "' object is not subscriptable");
      if (idx.size() != 1 || is_tuple || !(is_int_like(idx[0]) || idx[0].kind == K::Tensor))
        fail(at, "TypeError: tensorlens indexes a Sequential with an integer only");
      const int64_t i = to_index(idx[0], at), n = int64_t(sq->size());
      if (i < -n || i >= n) fail(at, "IndexError: index " + std::to_string(i) + " is out of range");
      return make_obj<NNModuleObj>(sq->at(i));
    }
    if (auto d = as<DictObj>(obj, Tag::Dict)) {
      Value key = idx.size() == 1 && !is_tuple ? idx[0] : Value::tuple(idx);
      const Value* v = dict_get(*d, key, at);
      if (!v) fail(at, "KeyError: " + repr(key));
      return *v;
    }
    const bool seq = obj.is_seq() || obj.kind == K::Str;
    auto r = as<RangeObj>(obj, Tag::Range);
    if (!seq && !r) fail(at, "TypeError: '" + obj.type_name() + "' object is not subscriptable");
    if (idx.size() != 1 || is_tuple)
      fail(at, "TypeError: " + obj.type_name() + " indices must be integers or slices, not tuple");
    std::vector<std::string> chars;
    if (obj.kind == K::Str) chars = utf8_chars(obj.s);
    const int64_t len = r ? r->len() : obj.kind == K::Str ? int64_t(chars.size()) : int64_t(obj.items->size());
    if (auto s = as<SliceObj>(idx[0], Tag::Slice)) {
      int64_t start, stop, step, count;
      py_slice(*s, len, start, stop, step, count, at);
      if (r) return make_obj<RangeObj>(r->start + start * r->step, r->start + stop * r->step, r->step * step);
      if (obj.kind == K::Str) {
        std::string out;
        for (int64_t k = 0, i = start; k < count; ++k, i += step) out += chars[size_t(i)];
        return Value::str(out);
      }
      std::vector<Value> out;
      for (int64_t k = 0, i = start; k < count; ++k, i += step) out.push_back((*obj.items)[size_t(i)]);
      Value v = obj.kind == K::List ? Value::list(std::move(out)) : Value::tuple(std::move(out));
      v.s = obj.s;  // a slice of a torch.Size is a torch.Size
      return v;
    }
    if (!is_int_like(idx[0]) && !(idx[0].kind == K::Tensor && idx[0].t.numel() == 1 && !idx[0].t.is_floating_point()))
      fail(at, "TypeError: " + obj.type_name() + " indices must be integers or slices, not " + idx[0].type_name());
    int64_t i = to_index(idx[0], at);
    if (i < 0) i += len;
    if (i < 0 || i >= len) fail(at, "IndexError: " + obj.type_name() + " index out of range");
    if (r) return Value::integer(r->start + i * r->step);
    if (obj.kind == K::Str) return Value::str(chars[size_t(i)]);
    return (*obj.items)[size_t(i)];
  }

  // x[items] by composing the op table's views (select, slice, unsqueeze) and index_select, so
  // autograd records each step. `has_index_tensor` (optional) reports advanced indexing.
  Tensor tensor_index(const Tensor& x, std::vector<Value> items, Pos at, bool* has_index_tensor) {
    int consumed = 0, ellipsis = -1;
    for (size_t i = 0; i < items.size(); ++i) {
      Value& v = items[i];
      if (v.kind == K::List) v = Value::tensor(at_pos(at, [&] { return tensor_from_value(v); }));
      if (v.is_none()) continue;
      if (as<EllipsisObj>(v, Tag::Ellipsis)) {
        if (ellipsis >= 0) fail(at, "IndexError: an index can only have a single ellipsis ('...')");
        ellipsis = int(i);
      } else if (v.kind == K::Int || as<SliceObj>(v, Tag::Slice)) {
        ++consumed;
      } else if (v.kind == K::Tensor && v.t.dtype() == DType::Bool) {
        consumed += v.t.dim();
      } else if (v.kind == K::Tensor && v.t.dtype() == DType::Int64) {
        ++consumed;
      } else {
        fail(at, "IndexError: only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
                 "valid indices (got " + (v.kind == K::Tensor ? std::string(dtype_repr(v.t.dtype())) : v.type_name()) + ")");
      }
    }
    if (consumed > x.dim())
      fail(at, "IndexError: too many indices for tensor of dimension " + std::to_string(x.dim()));
    Value cur = Value::tensor(x);
    int64_t d = 0;
    int tensors = 0;
    for (const Value& v : items) {
      if (v.is_none()) {
        cur = call1("unsqueeze", kAnyOp, {cur, Value::integer(d)}, at);
        ++d;
      } else if (as<EllipsisObj>(v, Tag::Ellipsis)) {
        d += x.dim() - consumed;
      } else if (v.kind == K::Int) {
        cur = call1("select", kAnyOp, {cur, Value::integer(d), v}, at);
      } else if (auto s = as<SliceObj>(v, Tag::Slice)) {
        const int64_t step = s->step.is_none() ? 1 : to_index(s->step, at);
        if (step <= 0) fail(at, "ValueError: step must be greater than zero");
        if (!(s->lower.is_none() && s->upper.is_none() && step == 1)) {  // `:` is a no-op, as in PyTorch
          Value lo = s->lower.is_none() ? Value::none() : Value::integer(to_index(s->lower, at));
          Value hi = s->upper.is_none() ? Value::none() : Value::integer(to_index(s->upper, at));
          cur = call1("slice", kAnyOp, {cur, Value::integer(d), lo, hi, Value::integer(step)}, at);
        }
        ++d;
      } else {  // an index tensor
        if (has_index_tensor) *has_index_tensor = true;
        if (++tensors > 1) fail(at, "IndexError: tensorlens supports one index tensor per indexing expression");
        const Tensor& ix = v.t;
        const Tensor& c = cur.t;
        std::vector<int64_t> positions;
        if (ix.dtype() == DType::Bool) {
          const int k = ix.dim();
          if (k == 0) fail(at, "IndexError: indexing with a 0-d bool tensor is not supported by tensorlens");
          bool ok = d + k <= c.dim();
          for (int j = 0; ok && j < k; ++j) ok = ix.shape()[j] == c.shape()[int(d) + j];
          if (!ok) {
            int j = 0;
            while (d + j < c.dim() && j < k && ix.shape()[j] == c.shape()[int(d) + j]) ++j;
            fail(at, "IndexError: The shape of the mask " + shape_str(ix.shape()) + " at index " + std::to_string(j) +
                         " does not match the shape of the indexed tensor " + shape_str(c.shape()) + " at index " +
                         std::to_string(d + j));
          }
          if (k > 1)
            cur = call1("flatten", kAnyOp, {cur, Value::integer(d), Value::integer(d + k - 1)}, at);
          std::vector<int64_t> m = ix.to_int_vector();
          for (size_t j = 0; j < m.size(); ++j)
            if (m[j]) positions.push_back(int64_t(j));
        } else {
          if (ix.dim() == 0) {
            cur = call1("select", kAnyOp, {cur, Value::integer(d), Value::integer(int64_t(ix.item()))}, at);
            continue;
          }
          if (ix.dim() > 1) fail(at, "IndexError: index tensors with more than one dimension are not supported by tensorlens");
          const int64_t size = c.shape()[int(d)];
          positions = ix.to_int_vector();
          for (int64_t& p : positions) {
            if (p < -size || p >= size)
              fail(at, "IndexError: index " + std::to_string(p) + " is out of bounds for dimension " + std::to_string(d) +
                           " with size " + std::to_string(size));
            if (p < 0) p += size;
          }
        }
        std::vector<double> pd(positions.begin(), positions.end());
        Tensor pt = at_pos(at, [&] { return Tensor::from_data(pd, Shape({int64_t(pd.size())}), DType::Int64); });
        cur = call1("index_select", kAnyOp, {cur, Value::integer(d), Value::tensor(pt)}, at);
        ++d;
      }
    }
    if (cur.t.same(x)) {  // x[:] / x[...]: a new view of the same data, as PyTorch returns
      if (x.dim() == 0) {
        std::vector<Value> no_dims;
        return call1("view", kAnyOp, {cur, Value::tuple(no_dims)}, at).t;
      }
      return call1("slice", kAnyOp, {cur, Value::integer(0)}, at).t;
    }
    return cur.t;
  }

  void set_item(const Value& obj, const std::vector<Value>& idx, bool is_tuple, const Value& v, Pos at) {
    if (obj.kind == K::Tensor) return tensor_set(obj.t, index_items(idx, is_tuple), v, at);
    if (auto d = as<DictObj>(obj, Tag::Dict)) {
      dict_set(*const_cast<DictObj*>(d), idx.size() == 1 && !is_tuple ? idx[0] : Value::tuple(idx), v, at);
      return;
    }
    if (obj.kind != K::List) fail(at, "TypeError: '" + obj.type_name() + "' object does not support item assignment");
    if (idx.size() != 1 || is_tuple) fail(at, "TypeError: list indices must be integers or slices, not tuple");
    std::vector<Value>& items = *obj.items;
    const int64_t len = int64_t(items.size());
    if (auto s = as<SliceObj>(idx[0], Tag::Slice)) {
      int64_t start, stop, step, count;
      py_slice(*s, len, start, stop, step, count, at);
      if (step != 1) fail(at, "ValueError: extended slice assignment is not supported by tensorlens");
      std::vector<Value> add = to_vector(v, at);
      for (const Value& x : add) check_insert(x, obj.items.get(), at);
      stop = std::max(stop, start);
      check_len(len - (stop - start) + int64_t(add.size()), at);
      items.erase(items.begin() + start, items.begin() + stop);
      items.insert(items.begin() + start, add.begin(), add.end());
      return;
    }
    int64_t i = to_index(idx[0], at);
    if (i < 0) i += len;
    if (i < 0 || i >= len) fail(at, "IndexError: list assignment index out of range");
    check_insert(v, obj.items.get(), at);
    items[size_t(i)] = v;
  }

  // x[idx] = v: PyTorch copies v into the view x[idx] in place.
  void tensor_set(const Tensor& x, const std::vector<Value>& items, const Value& v, Pos at) {
    if (!(v.kind == K::Tensor || v.is_number() || v.kind == K::List))
      fail(at, "TypeError: can't assign a " + v.type_name() + " to a Tensor");
    // x[mask] = number with a mask over leading dims: x.copy_(where(mask, number, x)).
    if (items.size() == 1 && items[0].kind == K::Tensor && items[0].t.dtype() == DType::Bool) {
      const Tensor& m = items[0].t;
      bool ok = m.dim() >= 1 && m.dim() <= x.dim();
      for (int j = 0; ok && j < m.dim(); ++j) ok = m.shape()[j] == x.shape()[j];
      if (!ok) fail(at, "IndexError: The shape of the mask " + shape_str(m.shape()) + " does not match the shape of the indexed tensor " + shape_str(x.shape()));
      if (!(v.is_number() || (v.kind == K::Tensor && v.t.numel() == 1)))
        fail(at, "TypeError: tensorlens supports x[mask] = value only for a single number");
      Value mask = items[0];
      for (int j = m.dim(); j < x.dim(); ++j) mask = call1("unsqueeze", kAnyOp, {mask, Value::integer(j)}, at);
      Value filled = call_table("where", kTorch, {mask, v, Value::tensor(x)}, {}, at);
      refuse_grad_copy(filled.t, at);
      call_table("copy_", kMethod, {Value::tensor(x), filled}, {}, at);
      return;
    }
    bool advanced = false;
    Tensor view = tensor_index(x, items, at, &advanced);
    if (advanced) fail(at, "IndexError: assignment through an index tensor is not supported by tensorlens");
    Tensor src;
    if (v.kind == K::Tensor) src = v.t;
    else if (v.kind == K::List) src = at_pos(at, [&] { return tensor_from_value(v, view.dtype()); });
    else src = Tensor::scalar(v.as_double(), view.dtype());
    refuse_grad_copy(src, at);
    call_table("copy_", kMethod, {Value::tensor(view), Value::tensor(src)}, {}, at);
  }

  // PyTorch records a CopySlices node on the base when a tensor that requires grad is written
  // into a view; the engine has no such node, so the case is refused instead of giving wrong grads.
  static void refuse_grad_copy(const Tensor& src, Pos at) {
    if (grad_enabled() && src.requires_grad())
      fail(at, "RuntimeError: tensorlens does not support writing a tensor that requires grad into part of "
               "another tensor; build the result out of place (torch.cat, torch.stack, torch.where)");
  }

  // ---------------- iteration ----------------
  struct SeqIter : Iter {
    std::shared_ptr<std::vector<Value>> items;
    size_t i = 0;
    bool next(Value& out) override {
      if (i >= items->size()) return false;
      out = (*items)[i++];
      return true;
    }
  };
  struct StrIter : Iter {
    std::vector<std::string> chars;
    size_t i = 0;
    bool next(Value& out) override {
      if (i >= chars.size()) return false;
      out = Value::str(chars[i++]);
      return true;
    }
  };
  struct RangeIter : Iter {
    int64_t cur, left, step;
    bool next(Value& out) override {
      if (left <= 0) return false;
      out = Value::integer(cur);
      --left;
      if (left) cur += step;  // no overflow past the last element
      return true;
    }
  };
  struct TensorIter : Iter {
    Interp* in;
    Tensor t;
    int64_t i = 0;
    Pos at;
    bool next(Value& out) override {
      if (i >= t.shape()[0]) return false;
      out = in->call1("select", kAnyOp, {Value::tensor(t), Value::integer(0), Value::integer(i++)}, at);
      return true;
    }
  };
  struct EnumIter : Iter {
    std::unique_ptr<Iter> inner;
    int64_t n;
    bool next(Value& out) override {
      Value x;
      if (!inner->next(x)) return false;
      out = Value::tuple({Value::integer(n++), std::move(x)});
      return true;
    }
  };
  struct ZipIter : Iter {
    std::vector<std::unique_ptr<Iter>> inner;
    bool next(Value& out) override {
      if (inner.empty()) return false;
      std::vector<Value> row(inner.size());
      for (size_t k = 0; k < inner.size(); ++k)
        if (!inner[k]->next(row[k])) return false;
      out = Value::tuple(std::move(row));
      return true;
    }
  };

  std::unique_ptr<Iter> make_iter(const Value& v, Pos at) {
    if (v.is_seq()) {
      auto it = std::make_unique<SeqIter>();
      it->items = v.items;
      return it;
    }
    if (v.kind == K::Str) {
      auto it = std::make_unique<StrIter>();
      it->chars = utf8_chars(v.s);
      return it;
    }
    if (v.kind == K::Tensor) {
      if (v.t.dim() == 0) fail(at, "TypeError: iteration over a 0-d tensor");
      auto it = std::make_unique<TensorIter>();
      it->in = this, it->t = v.t, it->at = at;
      return it;
    }
    if (auto r = as<RangeObj>(v, Tag::Range)) {
      auto it = std::make_unique<RangeIter>();
      it->cur = r->start, it->left = r->len(), it->step = r->step;
      return it;
    }
    if (auto d = as<DictObj>(v, Tag::Dict)) {
      auto it = std::make_unique<SeqIter>();
      it->items = std::make_shared<std::vector<Value>>();
      for (const auto& kv : d->items) it->items->push_back(kv.first);
      return it;
    }
    if (auto m = as<NNModuleObj>(v, Tag::NNModule)) {
      if (std::dynamic_pointer_cast<nn::Sequential>(m->m)) {
        auto it = std::make_unique<SeqIter>();
        it->items = std::make_shared<std::vector<Value>>();
        for (const auto& c : m->m->children()) it->items->push_back(make_obj<NNModuleObj>(c.second));
        return it;
      }
    }
    if (auto e = as<EnumerateObj>(v, Tag::Enumerate)) {
      auto it = std::make_unique<EnumIter>();
      it->inner = make_iter(e->inner, at);
      it->n = e->start;
      return it;
    }
    if (auto z = as<ZipObj>(v, Tag::Zip)) {
      auto it = std::make_unique<ZipIter>();
      for (const Value& x : z->inner) it->inner.push_back(make_iter(x, at));
      return it;
    }
    fail(at, "TypeError: '" + v.type_name() + "' object is not iterable");
  }

  std::vector<Value> to_vector(const Value& v, Pos at) {
    if (v.is_seq()) return *v.items;
    std::vector<Value> out;
    std::unique_ptr<Iter> it = make_iter(v, at);
    Value x;
    while (it->next(x)) {
      out.push_back(std::move(x));
      check_len(int64_t(out.size()), at);
    }
    return out;
  }
};

// Restores process-wide engine state (allocation cap, grad mode, source position) after a run.
// Each run starts from a clean default state (a previous script's torch.set_default_dtype or
// no_grad does not leak into the next) and leaves the caller's state as it found it.
struct EngineStateGuard {
  int64_t max_el;
  bool grad;
  DType dtype;
  explicit EngineStateGuard(const RunOptions& o)
      : max_el(max_elements()), grad(grad_enabled()), dtype(default_float_dtype()) {
    set_max_elements(o.max_tensor_elements);
    set_grad_enabled(true);
    set_default_float_dtype(o.default_dtype);
    set_source_pos(0, 0);
    autograd::set_trace_enabled(o.trace_backward);
  }
  ~EngineStateGuard() {
    autograd::release_grad_graphs();  // no create_graph cycle outlives the run
    set_max_elements(max_el);
    set_grad_enabled(grad);
    set_default_float_dtype(dtype);
    set_source_pos(0, 0);
    autograd::set_trace_enabled(false);
  }
};

void take_trace(const RunOptions& o, RunResult& r) {
  if (o.trace_backward) r.backward_trace = autograd::last_backward_trace();
}

}  // namespace

bool try_run_script(const std::string& source, const RunOptions& options, RunResult& out, ScriptFailure& err) {
  try {
    Program prog = parse(source, options.parse_limits);
    EngineStateGuard guard(options);
    Interp in(options, out);
    in.run(prog);
    take_trace(options, out);
    return true;
  } catch (const ScriptError& e) {
    err = {e.line, e.col, e.message()};
  } catch (const SyntaxError& e) {
    err = {e.line, e.col, "SyntaxError: " + e.message()};
  } catch (const tl::Error& e) {
    err = {1, 1, e.what()};
  } catch (const std::bad_alloc&) {
    err = {1, 1, "MemoryError: out of memory"};
  } catch (const std::exception& e) {
    err = {1, 1, std::string("internal error: ") + e.what()};
  }
  return false;
}

struct Session::Impl {
  RunOptions options;
  RunResult result;
  std::vector<std::unique_ptr<Program>> programs;  // user functions point into their ASTs
  std::unique_ptr<Interp> interp;
};

Session::Session(const RunOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->interp = std::make_unique<Interp>(impl_->options, impl_->result);
}
Session::~Session() {
  impl_->interp.reset();
  autograd::release_grad_graphs();
}

std::string Session::exec(const std::string& source) {
  auto prog = std::make_unique<Program>(parse(source, impl_->options.parse_limits));
  impl_->result.stdout_text.clear();
  {
    EngineStateGuard guard(impl_->options);
    impl_->interp->exec_more(*prog);
    take_trace(impl_->options, impl_->result);
  }
  impl_->programs.push_back(std::move(prog));
  return impl_->result.stdout_text;
}

Tensor Session::tensor(const std::string& name) const {
  const Value* v = impl_->interp->global(name);
  return v && v->kind == Value::Kind::Tensor ? v->t : Tensor();
}

RunResult Session::snapshot(const std::string& name) const {
  RunResult r = impl_->result;
  r.tensors.clear();
  Tensor t = tensor(name);
  TL_CHECK(t.defined(), "no tensor variable named '", name, "'");
  r.tensors.emplace_back(name, t);
  r.backward_root = Tensor();
  r.last_assigned = name;
  r.last_assigned_tensor = t;
  return r;
}

RunResult run_script(const std::string& source, const RunOptions& options) {
  RunResult r;
  Program prog = parse(source, options.parse_limits);
  EngineStateGuard guard(options);
  Interp in(options, r);
  in.run(prog);
  take_trace(options, r);
  return r;
}

}  // namespace tl::lang
