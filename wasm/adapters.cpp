#include "wasm/adapters.h"

#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <vector>

#include "engine/lang/gradcheck.h"
#include "engine/lang/graph.h"
#include "engine/lang/interpreter.h"
#include "engine/lang/json.h"
#include "engine/nn/bind.h"
#include "engine/tensorlens.h"

namespace tl::wasm {

namespace {

double g_args[kSlots];
double g_result[kSlots];
std::string g_error;
int g_error_line = 0, g_error_col = 0;
std::vector<std::string> g_keywords;

// Handle table: slot i holds a tensor or is on the free list.
std::vector<Tensor> g_handles;
std::vector<int> g_free;
int g_live = 0;

int put(Tensor t) {
  int h;
  if (!g_free.empty()) {
    h = g_free.back();
    g_free.pop_back();
    g_handles[size_t(h)] = std::move(t);
  } else {
    h = int(g_handles.size());
    g_handles.push_back(std::move(t));
  }
  ++g_live;
  return h;
}
const Tensor& get(int h) {
  TL_CHECK(h >= 0 && size_t(h) < g_handles.size() && g_handles[size_t(h)].defined(),
           "invalid tensor handle ", h, " (was the tensor disposed?)");
  return g_handles[size_t(h)];
}

// Decodes one Value starting at slot i (advances i). Nesting is bounded.
Value decode(int& i, int end, int depth) {
  TL_CHECK(i + 1 < end, "argument buffer overrun");
  TL_CHECK(depth < 32, "arguments nested too deeply");
  int tag = int(g_args[i]);
  double p = g_args[i + 1];
  i += 2;
  switch (tag) {
    case kNone: return Value::none();
    case kBool: return Value::boolean(p != 0);
    case kInt: return Value::integer(int64_t(p));
    case kFloat: return Value::number(p);
    case kTensor: return Value::tensor(get(int(p)));
    case kDType: return Value::dtype(DType(int(p)));
    case kStr: {
      TL_CHECK(p >= 0 && size_t(p) < g_keywords.size(), "bad string id ", p);
      return Value::str(g_keywords[size_t(p)]);
    }
    case kList:
    case kTuple: {
      std::vector<Value> items;
      for (int k = 0; k < int(p); ++k) items.push_back(decode(i, end, depth + 1));
      return tag == kList ? Value::list(std::move(items)) : Value::tuple(std::move(items));
    }
    default: TL_FAIL("bad argument tag ", tag);
  }
}

void encode(const Value& v, int& i, int depth) {
  TL_CHECK(i + 2 <= kSlots, "result too large");
  TL_CHECK(depth < 32, "result nested too deeply");
  switch (v.kind) {
    case Value::Kind::None: g_result[i] = kNone, g_result[i + 1] = 0; break;
    case Value::Kind::Bool: g_result[i] = kBool, g_result[i + 1] = v.b; break;
    case Value::Kind::Int: g_result[i] = kInt, g_result[i + 1] = double(v.i); break;
    case Value::Kind::Float: g_result[i] = kFloat, g_result[i + 1] = v.f; break;
    case Value::Kind::Tensor: g_result[i] = kTensor, g_result[i + 1] = put(v.t); break;
    case Value::Kind::DType: g_result[i] = kDType, g_result[i + 1] = double(v.i); break;
    case Value::Kind::List:
    case Value::Kind::Tuple: {
      g_result[i] = v.kind == Value::Kind::List ? kList : kTuple;
      g_result[i + 1] = double(v.items->size());
      i += 2;
      for (const Value& x : *v.items) encode(x, i, depth + 1);
      return;
    }
    default: TL_FAIL("cannot return a value of type ", v.type_name(), " to JavaScript");
  }
  i += 2;
}

template <class F>
auto guarded(F f, decltype(f()) on_error) -> decltype(f()) {
  try {
    g_error.clear();
    g_error_line = g_error_col = 0;
    return f();
  } catch (const lang::SyntaxError& e) {
    g_error = e.message(), g_error_line = e.line, g_error_col = e.col;
  } catch (const lang::ScriptError& e) {
    g_error = e.message(), g_error_line = e.line, g_error_col = e.col;
  } catch (const std::bad_alloc&) {
    g_error = "out of memory";
  } catch (const std::exception& e) {
    g_error = e.what();
  }
  return on_error;
}

std::vector<int64_t> g_shape_out;
std::vector<double> g_data_f64;
std::vector<char> g_data_bytes;  // the last data() copy, until the next call

}  // namespace

uintptr_t arg_buffer() { return reinterpret_cast<uintptr_t>(g_args); }
uintptr_t result_buffer() { return reinterpret_cast<uintptr_t>(g_result); }

int keyword_id(const std::string& name) {
  for (size_t i = 0; i < g_keywords.size(); ++i)
    if (g_keywords[i] == name) return int(i);
  g_keywords.push_back(name);
  return int(g_keywords.size() - 1);
}

namespace {
std::vector<std::string> g_op_names;
std::unordered_map<int64_t, std::vector<const OpDef*>> g_overloads;  // (id, where) -> rows

// Decodes the arg buffer into positional and keyword arguments.
void decode_args(const std::string& name, int argc, std::vector<Value>& pos,
                 std::vector<std::pair<std::string, Value>>& kw) {
  int i = 0;
  for (int a = 0; a < argc; ++a) {
    if (int(g_args[i]) == kKeyword) {
      int k = int(g_args[i + 1]);
      TL_CHECK(k >= 0 && size_t(k) < g_keywords.size(), "bad keyword id ", k);
      i += 2;
      kw.emplace_back(g_keywords[size_t(k)], decode(i, kSlots, 0));
    } else {
      TL_CHECK(kw.empty(), name, "(): positional argument follows keyword argument");
      pos.push_back(decode(i, kSlots, 0));
    }
  }
}
}  // namespace

int op_name_id(const std::string& name) {
  for (size_t i = 0; i < g_op_names.size(); ++i)
    if (g_op_names[i] == name) return int(i);
  g_op_names.push_back(name);
  return int(g_op_names.size() - 1);
}

int call_op_id(int id, int where, int argc) {
  return guarded(
      [&] {
        TL_CHECK(id >= 0 && size_t(id) < g_op_names.size(), "bad op id ", id);
        const std::string& name = g_op_names[size_t(id)];
        auto key = (int64_t(id) << 8) | int64_t(where);
        auto it = g_overloads.find(key);
        if (it == g_overloads.end()) it = g_overloads.emplace(key, find_ops(name, unsigned(where))).first;
        const std::vector<const OpDef*>& rows = it->second;
        static thread_local std::vector<Value> pos;
        static thread_local std::vector<std::pair<std::string, Value>> kw;
        pos.clear(), kw.clear();
        decode_args(name, argc, pos, kw);
        Value r;
        static thread_local Args args;
        if (rows.size() == 1 && bind_args(*rows[0], pos, kw, args).empty()) {
          r = rows[0]->call(args);  // the common case: one overload, no resolution needed
        } else {
          r = tl::call_op(name, unsigned(where), pos, kw);
        }
        args.v.clear(), pos.clear(), kw.clear();  // release the arguments' tensors now
        int o = 0;
        encode(r, o, 0);
        return 0;
      },
      -1);
}

int arith(int code, int self, int other, double scalar, bool scalar_is_int) {
  return guarded(
      [&] {
        TL_CHECK(code >= 0 && code <= 3, "arith: bad op code ", code);
        const Arith op = Arith(code);  // 0..3: add, sub, mul, div
        const Tensor& a = get(self);
        return put(other >= 0 ? tl::arith(op, a, get(other)) : tl::arith(op, a, scalar, scalar_is_int));
      },
      -1);
}

std::string last_error() { return g_error; }
int last_error_line() { return g_error_line; }
int last_error_col() { return g_error_col; }

namespace {
const char* param_type_name(Param::Type t) {
  using T = Param::Type;
  switch (t) {
    case T::Tensor: return "Tensor";
    case T::TensorList: return "Tensor[]";
    case T::NumberOrTensor: return "Number|Tensor";
    case T::Number: return "Number";
    case T::Int: return "int";
    case T::IntList: return "int[]";
    case T::IntVarargs: return "int...";
    case T::Float: return "float";
    case T::Bool: return "bool";
    case T::DType: return "DType";
    case T::Str: return "str";
    case T::Any: return "Any";
  }
  return "Any";
}
// A default value as JSON (numbers, booleans, strings, null, []).
std::string default_json(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Bool: return v.b ? "true" : "false";
    case Value::Kind::Int: return std::to_string(v.i);
    case Value::Kind::Float: return lang::py_float_repr(v.f);
    case Value::Kind::Str: return lang::json_quote(v.s);
    case Value::Kind::List: return "[]";
    default: return "null";
  }
}
// One schema row (op or constructor) as JSON.
std::string op_json(const OpDef& op) {
  using lang::json_quote;
  auto b = [](bool v) { return v ? "true" : "false"; };
  std::string o = "{\"name\":" + json_quote(op.name) + ",\"key\":" + json_quote(op.key) + ",\"schema\":" + json_quote(op.schema) +
                  ",\"expose\":" + std::to_string(op.expose) + ",\"differentiable\":" + b(op.differentiable) +
                  ",\"returns\":" + json_quote(op.returns) + ",\"derivative\":" + json_quote(op.derivative) + ",\"params\":[";
  for (size_t k = 0; k < op.params.size(); ++k) {
    const Param& p = op.params[k];
    o += (k ? ",{" : "{") + std::string("\"name\":") + json_quote(p.name) + ",\"type\":" + json_quote(param_type_name(p.type)) +
         ",\"optional\":" + b(p.optional) + ",\"kwOnly\":" + b(p.kw_only) + ",\"hasDefault\":" + b(p.has_default) +
         (p.has_default ? ",\"default\":" + default_json(p.default_value) : std::string()) + "}";
  }
  return o + "]}";
}
}  // namespace

std::string op_table_json() {
  std::string o = "[";
  for (const OpDef& op : op_table()) {
    if (o.size() > 1) o += ",";
    o += op_json(op);
  }
  return o + "]";
}

std::string constants_json() {
  using lang::json_quote;
  std::string o = "{\"tags\":{\"None\":" + std::to_string(kNone) + ",\"Bool\":" + std::to_string(kBool) +
                  ",\"Int\":" + std::to_string(kInt) + ",\"Float\":" + std::to_string(kFloat) +
                  ",\"Tensor\":" + std::to_string(kTensor) + ",\"List\":" + std::to_string(kList) +
                  ",\"Tuple\":" + std::to_string(kTuple) + ",\"DType\":" + std::to_string(kDType) +
                  ",\"Keyword\":" + std::to_string(kKeyword) + ",\"Str\":" + std::to_string(kStr) + "}";
  o += ",\"expose\":{\"torch\":" + std::to_string(kTorch) + ",\"method\":" + std::to_string(kMethod) +
       ",\"F\":" + std::to_string(kF) + ",\"internal\":" + std::to_string(kInternal) +
       ",\"autograd\":" + std::to_string(kAutograd) + "}";
  o += ",\"dtypes\":[";
  for (int k = 0; k < kNumDTypes; ++k)  // indexed by the DType enum's values
    o += std::string(k ? "," : "") + json_quote(dtype_name(DType(k)));
  o += "],\"argSlots\":" + std::to_string(kSlots) + ",\"modules\":[";
  for (size_t i = 0; i < nn::module_classes().size(); ++i) o += (i ? "," : "") + json_quote(nn::module_classes()[i]);
  o += "],\"signatures\":[";
  for (size_t i = 0; i < nn::constructor_schemas().size(); ++i) {
    OpDef d;
    d.schema = nn::constructor_schemas()[i];
    parse_op_schema(d);
    o += (i ? "," : "") + op_json(d);
  }
  return o + "]}";
}

int from_data(uintptr_t data, int n, uintptr_t shape, int nd, int dt, bool requires_grad) {
  return guarded(
      [&] {
        TL_CHECK(nd >= 0 && nd <= kMaxDims, "tensor: at most ", kMaxDims, " dimensions");
        const double* pd = reinterpret_cast<const double*>(data);
        const double* ps = reinterpret_cast<const double*>(shape);
        Shape s;
        for (int i = 0; i < nd; ++i) {
          TL_CHECK(ps[i] >= 0 && ps[i] == double(int64_t(ps[i])), "tensor: bad dimension ", ps[i]);
          s.push_back(int64_t(ps[i]));
        }
        TL_CHECK(s.numel() == n, "tensor: ", n, " values do not fill shape ", shape_str(s));
        Tensor t = Tensor::from_data(std::vector<double>(pd, pd + n), s, DType(dt));
        if (requires_grad) t.requires_grad_(true);
        return put(t);
      },
      -1);
}

int ndim(int h) { return guarded([&] { return get(h).dim(); }, -1); }
uintptr_t shape_ptr(int h) {
  return guarded(
      [&] {
        g_shape_out = get(h).shape().vec();
        return reinterpret_cast<uintptr_t>(g_shape_out.data());
      },
      uintptr_t(0));
}
int dtype(int h) { return guarded([&] { return int(get(h).dtype()); }, -1); }
int numel(int h) { return guarded([&] { return int(get(h).numel()); }, -1); }

uintptr_t data_ptr(int h, int as_dtype) {
  return guarded(
      [&] {
        const Tensor& t = get(h);
        if (as_dtype < 0) {  // float64 copy
          g_data_f64 = t.to_vector();
          return reinterpret_cast<uintptr_t>(g_data_f64.data());
        }
        Tensor c = contiguous(to_dtype(t.detach(), DType(as_dtype)));
        // Typed: data_ptr<T> adds the view's offset in elements of T (a contiguous view, e.g.
        // x[2], keeps its offset), so data_ptr<char> would be off for any nonzero offset.
        const char* p = TL_DISPATCH_BYSIZE(c.dtype(), T, [&] { return reinterpret_cast<const char*>(c.data_ptr<T>()); });
        g_data_bytes.assign(p, p + c.numel() * int64_t(dtype_size(c.dtype())));  // no tensor kept alive
        return reinterpret_cast<uintptr_t>(g_data_bytes.data());
      },
      uintptr_t(0));
}

int grad(int h) {
  return guarded(
      [&] {
        Tensor g = get(h).grad();
        return g.defined() ? put(g) : -1;
      },
      -2);
}
int set_grad(int h, int g) {
  return guarded(
      [&] {
        Tensor t = get(h);
        t.set_grad(g < 0 ? Tensor() : get(g));
        return 0;
      },
      -1);
}
bool requires_grad(int h) { return guarded([&] { return get(h).requires_grad(); }, false); }
bool is_leaf(int h) { return guarded([&] { return get(h).is_leaf(); }, false); }
std::string grad_fn_name(int h) {
  return guarded([&] { return get(h).grad_fn() ? get(h).grad_fn()->name() : std::string(); }, std::string());
}
int release(int h) {
  if (h < 0 || size_t(h) >= g_handles.size() || !g_handles[size_t(h)].defined()) return -1;
  g_handles[size_t(h)] = Tensor();
  g_free.push_back(h);
  --g_live;
  return 0;
}
void release_many(const int32_t* handles, int n) {
  for (int i = 0; i < n; ++i) release(handles[i]);
}
int dup(int h) { return guarded([&] { return put(get(h)); }, -1); }
int same(int a, int b) { return guarded([&] { return int(get(a).same(get(b))); }, 0); }
int grad_is(int h, int g) {
  return guarded(
      [&] {
        const Tensor gr = get(h).grad();
        if (!gr.defined()) return -1;
        return g >= 0 && size_t(g) < g_handles.size() && g_handles[size_t(g)].defined() && gr.same(g_handles[size_t(g)]) ? 1 : 0;
      },
      -2);
}
std::string repr(int h) { return guarded([&] { return lang::tensor_repr(get(h)); }, std::string()); }
int live_handles() { return g_live; }
double storage_bytes() { return double(stats().storage_bytes); }
int live_tensors() { return int(stats().live_tensors); }

void set_grad_enabled(bool on) { tl::set_grad_enabled(on); }
bool grad_enabled() { return tl::grad_enabled(); }
void manual_seed(double seed) { tl::manual_seed(uint64_t(seed)); }

namespace {
// Runs f, turning any failure into the error JSON the JS wrapper throws from.
template <class F>
std::string json_or_error(F f) {
  try {
    return f();
  } catch (const lang::SyntaxError& e) {
    return lang::error_to_json("SyntaxError: " + e.message(), e.line, e.col);
  } catch (const lang::ScriptError& e) {
    return lang::error_to_json(e.message(), e.line, e.col);
  } catch (const std::bad_alloc&) {
    return lang::error_to_json("MemoryError: out of memory", 0, 0);
  } catch (const std::exception& e) {
    return lang::error_to_json(e.what(), 0, 0);
  }
}
}  // namespace

std::string run(const std::string& source) {
  return json_or_error([&] {
    lang::RunResult r;
    lang::ScriptFailure f;
    if (lang::try_run_script(source, {}, r, f)) return lang::result_to_json(r);
    // The error carries what the script printed before it: {"error": {..., "stdout": "..."}}.
    std::string e = lang::error_to_json(f.message, f.line, f.col);
    e.resize(e.size() - 2);
    return e + ", \"stdout\": " + lang::json_quote(r.stdout_text) + "}}";
  });
}

std::string graph(const std::string& source, const std::string& var) {
  return json_or_error([&] {
    lang::RunOptions o;
    o.trace_backward = true;
    return lang::graph_json(lang::run_script(source, o), var);
  });
}

namespace {
std::vector<std::unique_ptr<lang::Session>> g_sessions;
lang::Session& session(int id) {
  TL_CHECK(id >= 0 && size_t(id) < g_sessions.size() && g_sessions[size_t(id)], "invalid session ", id);
  return *g_sessions[size_t(id)];
}
}  // namespace

int session_new() {
  g_sessions.push_back(std::make_unique<lang::Session>());
  return int(g_sessions.size() - 1);
}
std::string session_exec(int id, const std::string& source) {
  return json_or_error([&] {
    std::string out = session(id).exec(source);
    return "{\"stdout\": " + lang::json_quote(out) + "}";
  });
}
std::string session_tensor(int id, const std::string& name) {
  return json_or_error([&] {
    if (!session(id).tensor(name).defined()) return std::string("{\"tensor\": null}");
    std::string j = lang::result_to_json(session(id).snapshot(name));
    // {"tensors": {"NAME": {...}}, "stdout": ...} -> the one tensor's object
    return "{\"result\": " + j + "}";
  });
}
std::string session_graph(int id, const std::string& name) {
  return json_or_error([&] { return lang::graph_json(session(id).snapshot(name), name); });
}
void session_free(int id) {
  if (id >= 0 && size_t(id) < g_sessions.size()) g_sessions[size_t(id)].reset();
}

std::string gradcheck(const std::string& source, const std::string& var) {
  return json_or_error([&] { return lang::gradcheck_to_json(lang::gradcheck_script(source, var)); });
}

}  // namespace tl::wasm

// ---------------- nn modules and optimizers ----------------
namespace tl::wasm {

namespace {
std::vector<nn::ModulePtr> g_modules;  // id -> module (null once freed)
std::vector<std::shared_ptr<optim::Optimizer>> g_optims;

template <class T>
int put_obj(std::vector<std::shared_ptr<T>>& table, std::shared_ptr<T> p) {
  for (size_t i = 0; i < table.size(); ++i)
    if (!table[i]) return table[i] = std::move(p), int(i);
  table.push_back(std::move(p));
  return int(table.size() - 1);
}
template <class T>
T& get_obj(std::vector<std::shared_ptr<T>>& table, int id, const char* what) {
  TL_CHECK(id >= 0 && size_t(id) < table.size() && table[size_t(id)], "invalid ", what, " id ", id, " (was it disposed?)");
  return *table[size_t(id)];
}
nn::Module& module(int id) { return get_obj(g_modules, id, "module"); }
optim::Optimizer& optimizer(int id) { return get_obj(g_optims, id, "optimizer"); }
}  // namespace

int module_new(const std::string& cls, int argc) {
  return guarded(
      [&] {
        std::vector<Value> pos;
        std::vector<std::pair<std::string, Value>> kw;
        decode_args(cls, argc, pos, kw);
        return put_obj(g_modules, nn::make_module(cls, pos, kw));
      },
      -1);
}

int module_sequential(int argc) {
  return guarded(
      [&] {
        std::vector<Value> pos;
        std::vector<std::pair<std::string, Value>> kw;
        decode_args("Sequential", argc, pos, kw);
        TL_CHECK(kw.empty(), "Sequential() takes no keyword arguments");
        std::vector<nn::ModulePtr> mods;
        for (const Value& v : pos) {
          TL_CHECK(v.kind == Value::Kind::Int, "Sequential(): arguments must be modules");
          module(int(v.i));  // checks the id
          mods.push_back(g_modules[size_t(v.i)]);
        }
        return put_obj(g_modules, nn::ModulePtr(nn::Sequential::make(std::move(mods))));
      },
      -1);
}

int module_forward(int id, int argc) {
  return guarded(
      [&] {
        nn::Module& m = module(id);
        std::vector<Value> pos;
        std::vector<std::pair<std::string, Value>> kw;
        decode_args(m.type_name(), argc, pos, kw);
        TL_CHECK(kw.empty(), m.type_name(), ".forward() takes no keyword arguments");
        std::vector<Tensor> in;
        for (const Value& v : pos) {
          TL_CHECK(v.kind == Value::Kind::Tensor, m.type_name(), ".forward(): expected Tensor arguments, got ", v.type_name());
          in.push_back(v.t);
        }
        Tensor out = m.forward(in);
        pos.clear(), in.clear();
        int o = 0;
        encode(Value::tensor(out), o, 0);
        return 0;
      },
      -1);
}

int module_parameters(int id) {
  return guarded(
      [&] {
        std::vector<Value> items;
        for (const Tensor& t : module(id).parameters()) items.push_back(Value::tensor(t));
        int o = 0;
        encode(Value::list(std::move(items)), o, 0);
        return 0;
      },
      -1);
}

std::string module_info(int id) {
  return json_or_error([&] {
    using lang::json_quote;
    nn::Module& m = module(id);
    std::string o = "{\"type\":" + json_quote(m.type_name()) + ",\"repr\":" + json_quote(m.repr()) +
                    ",\"training\":" + (m.training() ? "true" : "false") + ",\"names\":[";
    bool first = true;
    for (const auto& [name, t] : m.named_parameters()) o += (first ? "" : ",") + json_quote(name), first = false;
    return o + "]}";
  });
}

int module_train(int id, bool mode) {
  return guarded([&] { return module(id).train(mode), 0; }, -1);
}
int module_zero_grad(int id, bool set_to_none) {
  return guarded([&] { return module(id).zero_grad(set_to_none), 0; }, -1);
}
void module_free(int id) {
  if (id >= 0 && size_t(id) < g_modules.size()) g_modules[size_t(id)].reset();
}

int optim_new(const std::string& cls, int argc) {
  return guarded(
      [&] {
        std::vector<Value> pos;
        std::vector<std::pair<std::string, Value>> kw;
        decode_args(cls, argc, pos, kw);
        TL_CHECK(!pos.empty() && pos[0].is_seq(), cls, "(): the first argument must be a list of tensors (model.parameters())");
        std::vector<Tensor> params;
        for (const Value& v : *pos[0].items) {
          TL_CHECK(v.kind == Value::Kind::Tensor, cls, "(): params must be tensors, got ", v.type_name());
          params.push_back(v.t);
        }
        TL_CHECK(!params.empty(), "ValueError: optimizer got an empty parameter list");
        pos.erase(pos.begin());
        return put_obj(g_optims, nn::make_optimizer(cls, std::move(params), pos, kw));
      },
      -1);
}
int optim_step(int id) {
  return guarded([&] { return optimizer(id).step(), 0; }, -1);
}
int optim_zero_grad(int id, bool set_to_none) {
  return guarded([&] { return optimizer(id).zero_grad(set_to_none), 0; }, -1);
}
double optim_lr(int id) {
  return guarded(
      [&] {
        optim::Optimizer& o = optimizer(id);
        if (auto* s = dynamic_cast<optim::SGD*>(&o)) return s->opt.lr;
        if (auto* a = dynamic_cast<optim::Adam*>(&o)) return a->opt.lr;
        TL_FAIL("optimizer has no lr");
      },
      std::nan(""));
}
int optim_set_lr(int id, double lr) {
  return guarded(
      [&] {
        TL_CHECK(lr >= 0, "ValueError: Invalid learning rate: ", lr);
        optim::Optimizer& o = optimizer(id);
        if (auto* s = dynamic_cast<optim::SGD*>(&o)) return s->opt.lr = lr, 0;
        if (auto* a = dynamic_cast<optim::Adam*>(&o)) return a->opt.lr = lr, 0;
        TL_FAIL("optimizer has no lr");
      },
      -1);
}
void optim_free(int id) {
  if (id >= 0 && size_t(id) < g_optims.size()) g_optims[size_t(id)].reset();
}

}  // namespace tl::wasm
