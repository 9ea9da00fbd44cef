// Private to the interpreter's files (engine/lang/*.cpp): the object model of script values
// (Value::Kind::Object tags), and the Interp class, whose member functions are defined by
// responsibility in interp_exec.cpp (statements, names), interp_eval.cpp (expressions, calls),
// operators.cpp, indexing.cpp, iteration.cpp, builtins.cpp (builtins and str/list/dict methods),
// strformat.cpp (format specs, str.format, %), torch_names.cpp (torch/nn/optim names and
// attributes); objects.cpp holds repr, tensor_print.cpp the tensor repr and JSON, session.cpp the
// entry points of interpreter.h.
//
// Recursion: eval/exec recurse over the syntax tree, whose depth the parser bounds (256); calls
// of user functions nest that at most RunOptions::max_call_depth times, and a global depth
// counter (kMaxEvalDepth) bounds the product so native and wasm stacks are never exhausted.
// Everything that can grow at run time (loops, graphs, nested lists) is walked iteratively or
// is bounded by an explicit limit.
#pragma once
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
#include "engine/lang/interpreter.h"
#include "engine/lang/parser.h"
#include "engine/lang/json.h"
#include "engine/nn/bind.h"
#include "engine/ops/op_table.h"
#include "engine/ops/ops.h"
#include "engine/ops/value.h"

namespace tl::lang::detail {

// ---------------------------------------------------------------------------------------
// Interpreter objects (Value::Kind::Object). One tagged base so dispatch is a switch.
// ---------------------------------------------------------------------------------------
using K = Value::Kind;
using Kw = std::vector<std::pair<std::string, Value>>;

enum class Tag : uint8_t {
  Module, Builtin, OpFn, UserFn, Range, GradFn, GradModeClass, GradMode, Dict, Method, Slice,
  Ellipsis, Enumerate, Zip, Type, NNClass, NNModule, OptimClass, Optimizer,
  Class, Instance, BoundMethod, Super, StaticMethod, ClassMethod, Property, Set, Generator, NotImpl,
  GradWrapped, Device, RngGen,
  NdArray, NpFn, NpDType  // numpy (numpy.h)
};

struct Obj : Object {
  Tag tag;
  explicit Obj(Tag t) : tag(t) {}
};

enum class Mod : uint8_t { Torch, NN, F, Autograd, Math, Optim, Utils, Random, Cuda, Backends, Mps, Data, Init,
                           LrScheduler, Numpy, NpRandom, NpLinalg, AutogradFunctional, AutogradGradcheck,
                           NNUtils, Os, OsPath, Sys, Time,  // script-language preludes (prelude_py.cpp)
                           // torch / torch.nn / torch.nn.functional names written in the script
                           // language (prelude_torch.cpp), read when the native module lacks a name
                           TorchExtras, NNExtras, FExtras,
                           Count_ };
// Source of the script-language part of torch / torch.nn / torch.nn.functional (prelude_torch.cpp).
const char* torch_prelude_source(Mod m);
// The syntax tree of a prelude source, parsed once per process and shared by every interpreter
// (prelude_py.cpp). Trees are never modified after parsing; parsing them again for every script
// was a fifth of the time of a short script (measured on the libFuzzer target).
const Program& prelude_program(const char* source);
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
      case Mod::Utils: return "torch.utils";
      case Mod::Random: return "random";
      case Mod::Cuda: return "torch.cuda";
      case Mod::Backends: return "torch.backends";
      case Mod::Mps: return "torch.backends.mps";
      case Mod::Data: return "torch.utils.data";
      case Mod::Init: return "torch.nn.init";
      case Mod::LrScheduler: return "torch.optim.lr_scheduler";
      case Mod::Numpy: return "numpy";
      case Mod::NpRandom: return "numpy.random";
      case Mod::NpLinalg: return "numpy.linalg";
      case Mod::AutogradFunctional: return "torch.autograd.functional";
      case Mod::AutogradGradcheck: return "torch.autograd.gradcheck";
      case Mod::NNUtils: return "torch.nn.utils";
      case Mod::Os: return "os";
      case Mod::OsPath: return "os.path";
      case Mod::Sys: return "sys";
      case Mod::Time: return "time";
      case Mod::TorchExtras: return "torch";
      case Mod::NNExtras: return "torch.nn";
      case Mod::FExtras: return "torch.nn.functional";
      case Mod::Count_: break;
    }
    return "?";
  }
  std::string type_name() const override { return "module"; }
};

enum class Bi : uint8_t {
  Print, Len, Range, Float, Int, Bool, Str, Repr, Abs, Min, Max, Sum, Round, List, Tuple, Enumerate,
  Zip, Isinstance, Sorted, Reversed, Any, All, IsGradEnabled, TlLabel,
  Dict, Set, Type, Id, Hasattr, Getattr, Setattr, Delattr, Callable, Iter, Next, Map, Filter, Divmod,
  Pow, Chr, Ord, Hash, Issubclass, Super, Object, Staticmethod, Classmethod, Property, Format, Vars,
  NNModuleInit, ExceptionInit, Parameter,
  Device, CudaIsAvailable, CudaDeviceCount, NoOp, DataSeed, DataPerm,
  RandSeed, RandRandom, RandUniform, RandRandint, RandRandrange, RandGetrandbits, RandChoice, RandShuffle, RandGauss,
  RandNormal, RandSample, RandChoices,
  MathSqrt, MathExp, MathLog, MathSin, MathCos, MathTan, MathTanh, MathFloor, MathCeil, MathFabs,
  MathIsnan, MathIsinf, MathIsfinite, MathPow,
  SetGradEnabled, TorchGenerator,  // torch_extras.cpp
  TimeClock,  // time.time() (prelude_py.cpp)
  InferenceMode, IsInferenceModeEnabled, RemoveHook, GcGet, GcSet  // autograd_extras.cpp
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

// A function's local variables. Closures hold their defining scope strongly (Python
// semantics: micrograd's `_backward` closures outlive the call that made them); the cycles this
// can make (a scope holding a closure over itself) are broken when the interpreter ends
// (Interp::~Interp clears every scope a closure captured and every instance's attributes).
struct Scope {
  std::unordered_map<std::string, Value> vars;
  std::shared_ptr<Scope> parent;  // enclosing function scope
  // Names declared `global` / `nonlocal` in this function.
  std::vector<std::string> globals, nonlocals;
  // Class bodies keep their names in definition order (the class's attributes).
  std::vector<std::string>* order = nullptr;
};

struct ClassObj;

struct UserFnObj : Obj {
  const Stmt* def;
  std::vector<Value> defaults;  // parallel to def->params (None where there is no default)
  std::shared_ptr<Scope> closure;
  std::weak_ptr<ClassObj> cls;  // the class whose body defined it (zero-argument super())
  std::string qualname;
  UserFnObj(const Stmt* d) : Obj(Tag::UserFn), def(d) {}
  std::string type_name() const override { return "function"; }
};

// A class: user-defined, or one of the builtin bases a script can derive from.
enum class BuiltinBase : uint8_t { None, Object, Exception, Module, Function };
struct ClassObj : Obj {
  std::string name;
  std::string module = "__main__";  // for repr: <class '__main__.Net'>
  std::shared_ptr<ClassObj> base;
  std::vector<std::pair<std::string, Value>> attrs;  // definition order
  BuiltinBase builtin = BuiltinBase::None;          // set on the builtin classes themselves
  ClassObj() : Obj(Tag::Class) {}
  std::string type_name() const override { return "type"; }
  // The attribute `n` of this class or its bases (nullptr if none).
  const Value* lookup(const std::string& n) const {
    for (const ClassObj* c = this; c; c = c->base.get())
      for (const auto& kv : c->attrs)
        if (kv.first == n) return &kv.second;
    return nullptr;
  }
  // The builtin root of the class chain (Object for plain classes).
  BuiltinBase root() const {
    for (const ClassObj* c = this; c; c = c->base.get())
      if (c->builtin != BuiltinBase::None && c->builtin != BuiltinBase::Object) return c->builtin;
    return BuiltinBase::Object;
  }
  bool derives_from(const ClassObj* other) const {
    for (const ClassObj* c = this; c; c = c->base.get())
      if (c == other) return true;
    return false;
  }
  void set(const std::string& n, const Value& v) {
    for (auto& kv : attrs)
      if (kv.first == n) {
        kv.second = v;
        return;
      }
    attrs.emplace_back(n, v);
  }
};

// An instance of a user class (nn.Module subclasses are UserModule, see below).
struct InstanceObj : Obj {
  std::shared_ptr<ClassObj> cls;
  std::vector<std::pair<std::string, Value>> attrs;
  explicit InstanceObj(std::shared_ptr<ClassObj> c) : Obj(Tag::Instance), cls(std::move(c)) {}
  std::string type_name() const override { return cls->name; }
  Value* find(const std::string& n) {
    for (auto& kv : attrs)
      if (kv.first == n) return &kv.second;
    return nullptr;
  }
  void set(const std::string& n, const Value& v) {
    if (Value* x = find(n)) *x = v;
    else attrs.emplace_back(n, v);
  }
};

// An nn.Module subclass instance: an engine module (so Sequential, parameters(), zero_grad,
// optimizers and the module repr all work on it) carrying the script object's class and
// attributes. forward() from the engine (a Sequential holding it) calls back into the script.
struct UserModule : nn::Module {
  std::shared_ptr<ClassObj> cls;
  std::vector<std::pair<std::string, Value>> attrs;    // plain attributes
  std::vector<std::pair<std::string, Tensor>> buffers;  // register_buffer
  std::function<Tensor(UserModule&, const std::vector<Tensor>&)> call_forward;
  std::function<std::string(const UserModule&)> call_extra_repr;
  std::weak_ptr<nn::Module> self_weak;
  void set_training(bool b) { training_ = b; }
  std::string type_name() const override { return cls->name; }
  Tensor forward(const std::vector<Tensor>& in) override { return call_forward(*this, in); }
  std::string extra_repr() const override { return call_extra_repr ? call_extra_repr(*this) : ""; }
  Value* find_attr(const std::string& n) {
    for (auto& kv : attrs)
      if (kv.first == n) return &kv.second;
    return nullptr;
  }
  // Assignments to `self.name` with PyTorch's registration rules.
  void set_parameter(const std::string& n, const Tensor& t);
  void set_child(const std::string& n, const nn::ModulePtr& m);
  void set_buffer(const std::string& n, const Tensor& t);
  void set_plain(const std::string& n, const Value& v);
  bool remove(const std::string& n);  // del self.name
  std::vector<std::pair<std::string, Tensor>>& params() { return params_; }
  std::vector<std::pair<std::string, nn::ModulePtr>>& kids() { return children_; }
};

// nn.ModuleList / nn.ModuleDict: containers of modules, with no forward of their own.
struct ContainerModule : nn::Module {
  bool is_dict;
  explicit ContainerModule(bool d) : is_dict(d) {}
  std::string type_name() const override { return is_dict ? "ModuleDict" : "ModuleList"; }
  Tensor forward(const std::vector<Tensor>&) override {
    throw tl::Error("Module [" + type_name() + "] is missing the required \"forward\" function");
  }
  void add(const std::string& n, nn::ModulePtr m) {
    for (auto& [pn, t] : m->named_parameters()) t.impl()->name = n + "." + pn;
    for (auto& kv : children_)
      if (kv.first == n) {
        kv.second = std::move(m);
        return;
      }
    children_.emplace_back(n, std::move(m));
  }
  std::vector<std::pair<std::string, nn::ModulePtr>>& kids() { return children_; }
};

struct BoundMethodObj : Obj {
  Value self, fn;
  BoundMethodObj(Value s, Value f) : Obj(Tag::BoundMethod), self(std::move(s)), fn(std::move(f)) {}
  std::string type_name() const override { return "method"; }
};

struct SuperObj : Obj {
  std::shared_ptr<ClassObj> start;  // lookups begin at start->base
  Value self;
  SuperObj(std::shared_ptr<ClassObj> c, Value s) : Obj(Tag::Super), start(std::move(c)), self(std::move(s)) {}
  std::string type_name() const override { return "super"; }
};

// staticmethod / classmethod / property wrappers (decorators).
struct WrapperObj : Obj {
  Value fn, setter;
  WrapperObj(Tag t, Value f) : Obj(t), fn(std::move(f)) {}
  std::string type_name() const override {
    return tag == Tag::StaticMethod ? "staticmethod" : tag == Tag::ClassMethod ? "classmethod" : "property";
  }
};

// A hash index over a dict's keys / a set's items (their positions in the insertion-ordered
// `items` vector, which every reader iterates), so membership and lookup are O(1) instead of a scan
// with Python equality. Used by Interp::key_find; containers under kMinIndexed items, keys without
// an identity-consistent hash (instances whose class defines __eq__/__hash__, tuples of objects)
// and lookups of such keys scan linearly, as before.
// Maintenance: appending to `items` directly is fine (the tail past the indexed positions is added
// at the next lookup); any other direct change (erase, clear, overwriting a key) must call reset().
// A stale index that was not reset is detected at the next lookup when a probed position lies past
// the end or holds a key of another hash, and is rebuilt.
struct KeyIndex {
  static constexpr size_t kMinIndexed = 8;
  static constexpr uint64_t kNoHash = ~uint64_t(0);  // hashes[p] of a key that has no fast hash
  std::vector<uint32_t> slots;   // open addressing, linear probing: position + 1 (0: empty)
  std::vector<uint64_t> hashes;  // hashes[p]: the hash of items[p]'s key when it was indexed
  size_t slow = 0;               // indexed keys without a fast hash (lookups then scan)
  void reset() {
    slots.clear();
    hashes.clear();
    slow = 0;
  }
};

// set: insertion order, membership by Python equality (hash index: KeyIndex).
struct SetObj : Obj {
  std::vector<Value> items;
  KeyIndex index;
  SetObj() : Obj(Tag::Set) {}
  std::string type_name() const override { return "set"; }
};
// The items in the order CPython 3.11 (PYTHONHASHSEED=0) iterates the same insertions
// (pyhash.cpp); insertion order for keys whose hash it does not reproduce.
std::vector<Value> set_iteration_order(const SetObj& st);

// A generator: `next()` and iteration walk `items`. A generator function whose yields are all
// statements (`yield x` / `yield from xs`, inside if/while/for blocks) runs lazily, one value at a
// time as it is consumed (`lazy`, Interp::gen_resume), so endless generators work; other generator
// functions and generator expressions run to completion when made.
struct GenState;
struct GeneratorObj : Obj {
  std::shared_ptr<std::vector<Value>> items = std::make_shared<std::vector<Value>>();
  size_t pos = 0;
  std::string name;
  std::shared_ptr<GenState> lazy;  // the suspended body (null: items are complete)
  explicit GeneratorObj(std::string n) : Obj(Tag::Generator), name(std::move(n)) {}
  std::string type_name() const override { return "generator"; }
};

// torch.device("cpu" | "cuda:0" | ...).
// torch.Generator(): a PyTorch CPU generator of its own (ops given generator= draw from it).
struct TorchGeneratorObj : Obj {
  tl::Generator g;
  TorchGeneratorObj() : Obj(Tag::RngGen) {}
  std::string type_name() const override { return "torch._C.Generator"; }
};

struct DeviceObj : Obj {
  std::string type;
  int64_t index = -1;
  DeviceObj(std::string t, int64_t i) : Obj(Tag::Device), type(std::move(t)), index(i) {}
  std::string type_name() const override { return "torch.device"; }
  std::string str() const { return index < 0 ? type : type + ":" + std::to_string(index); }
};

struct NotImplObj : Obj {
  NotImplObj() : Obj(Tag::NotImpl) {}
  std::string type_name() const override { return "NotImplementedType"; }
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
  int restore = -1;  // torch.set_grad_enabled(m): set at the call; a with block restores this mode
  int inference = -1;  // torch.inference_mode(mode): 1/0 (mode=True also turns grad mode off); -1: not it
  GradModeObj(Tag t, bool e) : Obj(t), enable(e) {}
  std::string type_name() const override {
    return inference >= 0 ? "inference_mode" : restore >= 0 ? "set_grad_enabled" : enable ? "enable_grad" : "no_grad";
  }
};

struct DictObj : Obj {
  std::vector<std::pair<Value, Value>> items;  // insertion order; lookups through `index`
  KeyIndex index;
  bool ordered = false;                        // an OrderedDict (state_dict): its own repr
  // Module._modules / _parameters / _buffers ('m' / 'p' / 'b'): d[k] = v also registers v in
  // the module (nn_dicts.cpp).
  char owner_kind = 0;
  std::weak_ptr<nn::Module> owner;
  DictObj() : Obj(Tag::Dict) {}
  std::string type_name() const override { return ordered ? "OrderedDict" : "dict"; }
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

// A torch.optim optimizer (optim_groups.cpp): one engine optimizer per parameter group, all of
// the same class, each with its group's hyperparameters.
struct OptimizerObj : Obj {
  std::shared_ptr<optim::Optimizer> o;               // group 0
  std::vector<std::shared_ptr<optim::Optimizer>> more;  // groups 1, 2, ...
  std::string cls;
  Kw ctor_kw;  // the constructor's hyperparameters (positional ones named): each group's defaults
  // Per group: the entries of the dict it was given, params excepted (PyTorch keeps them first).
  std::vector<std::vector<std::pair<std::string, Value>>> given;
  Value groups;  // optimizer.param_groups once read: [dict, ...]; step() takes lr etc. from it
  explicit OptimizerObj(std::shared_ptr<optim::Optimizer> p) : Obj(Tag::Optimizer), o(std::move(p)) {}
  std::string type_name() const override { return o->type_name(); }
  size_t num_groups() const { return 1 + more.size(); }
  optim::Optimizer& group(size_t i) const { return i == 0 ? *o : *more[i - 1]; }
};

inline const Obj* as_obj(const Value& v) { return v.kind == K::Object ? static_cast<const Obj*>(v.obj.get()) : nullptr; }
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
inline constexpr char kSizeMark[] = "torch.Size";
// torch.return_types.max / sort / topk ...: a (values, indices) tuple whose s names the type.
inline bool is_return_type(const Value& v) { return v.kind == Value::Kind::Tuple && v.s.rfind("torch.return_types.", 0) == 0; }
Value size_value(const Shape& s);
std::string hex_addr(const void* p);
const char* dtype_repr(DType d);
std::string str_repr(const std::string& s);



inline bool is_int_like(const Value& v) { return v.kind == K::Int || v.kind == K::Bool; }
inline int64_t int_of(const Value& v) { return v.kind == K::Bool ? int64_t(v.b) : v.i; }







// Python's repr/str. Container nesting is bounded at construction (max_container_depth), so the
// recursion here is bounded too.
std::string repr(const Value& v);
std::string str_of(const Value& v);




// ---------------------------------------------------------------------------------------
// The interpreter
// ---------------------------------------------------------------------------------------
enum class Flow { Normal, Break, Continue, Return };

// Bound on eval/exec nesting across user calls: the parser bounds one function's nesting to
// 256 levels and max_call_depth bounds the calls, but their product could still exhaust a
// small (wasm) stack, so the total is capped as well.
#ifdef __EMSCRIPTEN__
// In wasm the JS engine bounds the machine stack wasm code may use (V8: ~1 MB): measured in Node 20,
// 800 nested Python calls (~3,200 levels) run and 990 (~4,000) overflow, so the bound is lower.
constexpr int kMaxEvalDepth = 2600;  // 2,800 overflowed once V8 had tiered up the interpreter (a gradcheck run earlier in the same module)
#else
// exec+eval levels: 1,000 Python calls (CPython's limit) of <= 7 levels each; < 1 KB per level
// natively, < 64 MiB under ASan (its no-return handling gives up beyond that).
constexpr int kMaxEvalDepth = 7000;
#endif

// One step of iteration over a Python iterable.
struct Iter {
  virtual ~Iter() = default;
  virtual bool next(Value& out) = 0;
};

// The suspended body of a lazy generator function: its scope and the blocks being executed
// (an explicit stack, so execution can stop at a `yield` and resume at the next value).
struct GenFrame {
  enum class Kind : uint8_t { Block, While, For, YieldFrom } kind;
  const std::vector<Stmt*>* block = nullptr;  // Block/While/For: the statements; idx: the next one
  size_t idx = 0;
  const Stmt* loop = nullptr;  // While/For
  std::shared_ptr<Iter> it;    // For/YieldFrom
};
struct GenState {
  Value fn;                      // the UserFnObj (keeps its closure alive)
  std::shared_ptr<Scope> scope;  // the call's locals
  std::vector<GenFrame> frames;
  bool done = false, running = false;
};

// A Python exception raised by the script (`raise`), carrying the exception object.
class PyException : public ScriptError {
 public:
  PyException(Pos p, const std::string& msg, Value e) : ScriptError(p.line, p.col, msg), exc(std::move(e)) {}
  Value exc;
};
// A resource limit (statements, output, memory): ends the run; `except` cannot catch it.
class LimitError : public ScriptError {
 public:
  using ScriptError::ScriptError;
};

// CPython's random number generator (pyrandom.cpp).
struct PyRandom {
  uint32_t mt[624];
  int idx = 625;
  bool has_gauss = false;
  double gauss_next = 0;
  PyRandom() { seed(0); }
  void init_genrand(uint32_t s);
  void seed(uint64_t n);
  uint32_t next32();
  double random();
  uint64_t getrandbits(int k);
  uint64_t randbelow(uint64_t n);
};

class Interp;
struct NpState;  // numpy.h
// The interpreter running on this thread (repr of script objects calls their __repr__).
Interp*& current_interp();

class Interp {
 public:
  Interp(const RunOptions& o, RunResult& r) : opt_(o), res_(r) {
    saved_current_ = current_interp();
    current_interp() = this;
    stack_limit_ = compute_stack_limit();
    globals_ = std::make_shared<Scope>();
    globals_->vars["__name__"] = Value::str("__main__");
    scope_ = globals_.get();
    base_bytes_ = stats().storage_bytes;
  }

  void run(const Program& prog);

  // Session use: runs more statements in the same globals, with a fresh statement budget.
  void exec_more(const Program& prog);
  const Value* global(const std::string& name) const;

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

  void check_memory(Pos at);

  void tick(Pos at);

  // Bounds exec/eval nesting by a level count and, natively, by the machine stack itself: a frame
  // below `stack_limit` (the stack grows down) ends the run with a RecursionError, whatever the
  // frame sizes (sanitizer builds have frames several times larger) and the thread's stack size.
  struct DepthGuard {
    int& d;
    DepthGuard(int& depth, Pos at, uintptr_t stack_limit) : d(depth) {
      if (++d > kMaxEvalDepth || (stack_limit && uintptr_t(__builtin_frame_address(0)) < stack_limit)) {
        --d;
        fail(at, "RecursionError: maximum recursion depth exceeded");
      }
    }
    ~DepthGuard() { --d; }
  };
  // Restores the current scope (and its owner) on every exit, including errors.
  struct ScopeSwap {
    Interp& in;
    Scope* scope;
    std::shared_ptr<Scope> owner;
    ScopeSwap(Interp& i, std::shared_ptr<Scope> s) : in(i), scope(i.scope_), owner(i.scope_owner_) {
      in.scope_ = s.get();
      in.scope_owner_ = std::move(s);
    }
    ~ScopeSwap() {
      in.scope_ = scope;
      in.scope_owner_ = std::move(owner);
    }
  };
  uintptr_t stack_limit_ = 0;  // see DepthGuard; 0 in wasm (V8 bounds its stack; kMaxEvalDepth)
  static uintptr_t compute_stack_limit();

  // Calls an op-table entry, positioning failures (and the graph nodes it records) at `at`.
  Value call_table(const std::string& name, unsigned where, const std::vector<Value>& pos, const Kw& kw, Pos at);
  Value call1(const char* name, unsigned where, std::vector<Value> pos, Pos at);
  bool device_arg(const Value& v, Pos at);
  // torch.utils.data (prelude_data.cpp, run once when first used): its namespace and syntax tree.
  std::shared_ptr<Scope> data_ns_;
  Value data_attr(const std::string& name);
  Value call_legacy_type(const std::string& type, std::vector<Value>& pos, Kw& kw, Pos at);
  Value call_nn_init(const std::string& n, std::vector<Value>& pos, Kw& kw, Pos at);

  // ---------------- containers ----------------
  void check_len(int64_t n, Pos at);
  // Refuses nesting deeper than max_container_depth and cycles (a container inside itself):
  // both would make repr, comparison and destruction recurse without bound.
  void check_insert(const Value& elem, const void* container, Pos at);
  Value make_seq(K kind, std::vector<Value> items, Pos at);

  // ---------------- names ----------------
  Value* find_var(const std::string& name);

  Value lookup(const Expr* e);

  static Value builtin(const std::string& n);

  void bind(const std::string& name, const Value& v0);

  // Labels the tensor for graphs and remembers which autograd node a variable name stood for.
  void note_tensor(const std::string& name, const Tensor& t);

  // ---------------- statements ----------------
  Flow exec_block(const std::vector<Stmt*>& body);

  Flow exec(const Stmt* s);

  Flow exec_for(const Stmt* s);

  Flow exec_with(const Stmt* s);

  void exec_import(const Stmt* s);

  // ---------------- assignment ----------------
  void assign(const Expr* t, const Value& v, Pos at);

  static const char* inplace_name(BinOpKind op);

  // x OP= v: in place on tensors (version bump, leaf checks as PyTorch) and lists; a rebinding
  // on numbers, strings and tuples.
  Value aug_value(const Value& cur, BinOpKind op, const Value& rhs, Pos at);

  void aug_assign(const Stmt* s);

  // ---------------- positions ----------------
  static Pos attr_pos(const Expr* e);
  static Pos call_pos(const Expr* e);

  // ---------------- expressions ----------------
  Value eval(const Expr* e);

  Value eval_listcomp(const Expr* e);

  Value eval_call(const Expr* e);

  std::vector<Value> eval_index(const Expr* e);

  // ---------------- truthiness, equality ----------------
  bool truthy(const Value& v, Pos at);

  // Python ==, for containers and dict keys (tensors compare elementwise, then need truthiness).
  bool equal(const Value& a, const Value& b, Pos at, int depth = 0);

  // ---------------- dicts ----------------
  void dict_set(DictObj& d, const Value& k, const Value& v, Pos at);
  void set_add(SetObj& s, const Value& v, Pos at);
  void check_hashable(const Value& k, Pos at);
  bool key_equal(const Value& a, const Value& b, Pos at);
  const Value* dict_get(const DictObj& d, const Value& k, Pos at);
  // Position of key k in a dict / set (-1 if absent), through its KeyIndex.
  long dict_find(const DictObj& d, const Value& k, Pos at);
  long set_find(const SetObj& s, const Value& k, Pos at);
  // A hash of k consistent with key_equal (equal keys hash alike); false when k has none that
  // can be computed without calling script code (see KeyIndex).
  bool fast_hash(const Value& k, uint64_t& h, int depth = 0);
  template <class Items, class KeyOf>
  long key_find(KeyIndex& ix, const Items& items, const KeyOf& key_of, const Value& k, Pos at);

  // ---------------- attributes ----------------
  Value get_attr(const Value& obj, const std::string& name, Pos at);

  Value module_attr(const ModuleObj& m, const std::string& name, Pos at);
  Value builtin_type_of(const Value& v);

  Value tensor_attr(const Tensor& t, const std::string& name, Pos at);

  void set_attr(const Value& obj, const std::string& name, const Value& v, Pos at);

  // ---------------- calls ----------------
  Value call(const Value& fn, std::vector<Value>& pos, Kw& kw, Pos at);
  bool call_op_kw_options(const OpFnObj* f, std::vector<Value>& pos, Kw& kw, Pos at, Value& out);
  void python_side_checks(const OpFnObj* f, const std::vector<Value>& pos, const Kw& kw, Pos at);

  Value call_user(const UserFnObj& f, std::vector<Value>& pos, Kw& kw, Pos at);
  // Binds arguments to the parameters of `d` in `scope` (Python's rules: defaults, *args,
  // keyword-only, **kwargs), with CPython's messages.
  void bind_args(const UserFnObj& f, Scope& scope, std::vector<Value>& pos, Kw& kw, Pos at);

  // ---------------- classes, instances, exceptions (classes.cpp) ----------------
  struct Frame {
    const UserFnObj* fn;
    Scope* scope;
  };
  std::vector<Frame> frames_;
  std::vector<std::weak_ptr<Scope>> captured_;        // scopes held by closures
  std::vector<std::weak_ptr<InstanceObj>> instances_;  // broken at the end (cycles)
  std::vector<std::weak_ptr<nn::Module>> user_modules_;
  std::unordered_map<std::string, std::shared_ptr<ClassObj>> builtin_classes_;
  std::shared_ptr<ClassObj> defining_class_;   // the class whose body runs now
  std::shared_ptr<Scope> class_outer_owner_;   // the scope around that class body
  std::vector<Value>* yield_sink_ = nullptr;   // the running generator function's values
  std::vector<Value> handling_;                // exceptions whose `except` block runs (bare raise)
  // Lazy generators (interp_eval.cpp): whether a statement contains a yield of its own function,
  // whether a body can run lazily, and running a lazy generator until it adds one value (false:
  // it has ended).
  std::unordered_map<const Stmt*, bool> has_yield_;
  bool stmt_has_yield(const Stmt* s);
  bool lazy_generator_ok(const std::vector<Stmt*>& body);
  bool gen_resume(GeneratorObj& g, Pos at);
  Interp* saved_current_ = nullptr;

  ~Interp();
  // object, the builtin exception classes, nn.Module, torch.autograd.Function (nullptr if `name`
  // is none of them).
  std::shared_ptr<ClassObj> builtin_class(const std::string& name);
  Flow exec_class(const Stmt* s);
  Flow exec_try(const Stmt* s);
  void exec_raise(const Stmt* s);
  void exec_delete(const Expr* t, Pos at);
  Value apply_decorators(const Stmt* s, Value v);
  Value call_class(const std::shared_ptr<ClassObj>& c, std::vector<Value>& pos, Kw& kw, Pos at);
  Value class_attr(const Value& cls_v, const ClassObj& c, const std::string& name, Pos at);
  // A class attribute seen through an instance: functions bind, wrappers unwrap.
  Value bind_attr(const Value& self, const Value& attr, const std::shared_ptr<ClassObj>& cls, Pos at);
  Value instance_attr(const Value& obj, const std::string& name, Pos at, bool* found = nullptr);
  void instance_set_attr(const Value& obj, const std::string& name, const Value& v, Pos at);
  Value super_attr(const SuperObj& s, const std::string& name, Pos at);
  // The class of a script object (instance or user module), or null.
  static std::shared_ptr<ClassObj> class_of(const Value& v);
  // Calls self.name(*args) when the object's class defines it; false when it does not.
  bool call_dunder(const Value& self, const char* name, std::vector<Value> args, Value& out, Pos at);
  std::string instance_repr(const Value& v, bool str);
  bool isinstance_of(const Value& v, const Value& cls, Pos at);
  // The exception object for a failure (a script's raise, or an engine/interpreter error).
  Value exception_value(const ScriptError& e);
  Value make_exception(const std::string& type, const std::vector<Value>& args);
  Value call_module_forward(const std::shared_ptr<UserModule>& m, std::vector<Value>& pos, Kw& kw, Pos at);
  Value make_user_fn(const Stmt* s);

  // ---------------- torch.nn modules and torch.optim optimizers (engine/nn, engine/optim) ----------------
  Value construct_module(const std::string& cls, std::vector<Value>& pos, Kw& kw, Pos at);

  Value construct_optimizer(const std::string& cls, std::vector<Value>& pos, Kw& kw, Pos at);

  Value call_module(const nn::ModulePtr& m, std::vector<Value>& pos, Kw& kw, Pos at);

  Value nn_module_attr(const Value& self, const nn::Module& m, const std::string& name, Pos at);

  // Optional bool argument `name` (position 0 or keyword) of a module/optimizer method.
  bool bool_arg(const char* fn, const char* name, bool dflt, std::vector<Value>& pos, Kw& kw, Pos at);

  Value call_module_method(const Value& self, const std::string& n, std::vector<Value>& pos, Kw& kw, Pos at);

  Value call_optimizer_method(const Value& self, OptimizerObj& o, const std::string& n, std::vector<Value>& pos, Kw& kw, Pos at);

  // ---------------- builtins ----------------
  static void no_kw(const char* name, const Kw& kw, Pos at);
  static void nargs(const char* name, const std::vector<Value>& pos, size_t lo, size_t hi, Pos at);
  // An integer argument: Python ints/bools, or a one-element integer tensor (__index__).
  int64_t to_index(const Value& v, Pos at);
  double to_double(const Value& v, Pos at);

  void write_out(const std::string& s, Pos at);

  Value call_builtin(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at);

  Value call_math(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at);
  // The builtins of builtins2.cpp (classes and introspection, functional helpers, dict/set).
  Value call_builtin2(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at);
  bool call_method2(const MethodObj& m, std::vector<Value>& pos, Kw& kw, Pos at, Value& out);
  // torch_extras.cpp: torch.Generator, torch.set_grad_enabled.
  Value call_torch_extra(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at);
  bool torch_extra_method(const MethodObj& m, std::vector<Value>& pos, Kw& kw, Pos at, Value& out);
  // autograd_extras.cpp: Tensor.register_hook / is_inference, grad_fn's hooks and _saved_*
  // attributes, torch.inference_mode; prelude_autograd.cpp: torch.autograd.functional, gradcheck.
  Value call_autograd_extra(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at);
  bool autograd_attr(const Value& obj, const std::string& name, Pos at, Value& out);
  bool autograd_method(const MethodObj& m, std::vector<Value>& pos, Kw& kw, Pos at, Value& out);
  Value autograd_prelude(const std::string& name);  // a name of the prelude (none: Value::none())
  std::shared_ptr<Scope> ag_ns_;
  // Errors raised by prelude code are reported at the script's call of the prelude function
  // (the prelude's own lines mean nothing to the user); errors of script callbacks it runs keep
  // their position.
  bool in_prelude_ = false, error_from_script_ = false;
  Value call_user_positioned(const UserFnObj& f, std::vector<Value>& pos, Kw& kw, Pos at);
  Value call_inference_wrapped(const WrapperObj& w, std::vector<Value>& pos, Kw& kw, Pos at);
  // out=: writes op `name`'s result r into the tensor out (resized when its shape differs).
  Value write_out(const std::string& name, const Value& out, const Value& r, Pos at);
  // key= of sorted/min/max/list.sort
  Value key_of(const Value& key, const Value& x, Pos at);
  // MyFunction.apply(*args) of a torch.autograd.Function subclass (autograd_function.cpp).
  Value function_apply(const Value& cls, std::vector<Value>& pos, Kw& kw, Pos at);
  // The ctx class of torch.autograd.Function (autograd_function.cpp, made on first use).
  Value function_ctx_class();
  // torch.optim.lr_scheduler (prelude_optim.cpp): its names; optimizer.param_groups.
  Value sched_attr(const std::string& name);
  std::shared_ptr<Scope> sched_ns_;
  Value param_groups(OptimizerObj& o, Pos at);
  void sync_param_groups(OptimizerObj& o, Pos at);
  // optim_groups.cpp: parameter groups, state_dict / load_state_dict, add_param_group.
  Value optimizer_attr(const Value& self, OptimizerObj& o, const std::string& name, Pos at);
  std::shared_ptr<optim::Optimizer> make_group(OptimizerObj& o, const Value& group, Pos at);
  Value optimizer_state_dict(OptimizerObj& o, bool by_tensor, Pos at);
  void optimizer_load_state_dict(OptimizerObj& o, const Value& sd, Pos at);
  // module._modules / _parameters / _buffers (nn_dicts.cpp): an OrderedDict read from the module
  // whose item assignments write through.
  Value module_member_dict(const Value& self, const std::string& name, Pos at);
  void module_dict_store(const DictObj& d, const Value& k, const Value& v, Pos at);
  // Prelude modules (prelude_py.cpp): torch.nn.utils, os, os.path, sys, time.
  Value py_module_attr(const ModuleObj& m, const std::string& name, Pos at);
  // The public name `name` of prelude module m (run on first use), or false when it has none.
  bool py_module_find(Mod m, const std::string& name, Value& out);
  // print(optimizer): PyTorch's Optimizer.__repr__ over param_groups (optim_groups.cpp).
  std::string optimizer_repr(const Value& v);
  struct PyModule {
    std::shared_ptr<Scope> ns;
  };
  static double wall_clock();
  // A function of a prelude module: its errors are reported at the script's call.
  bool is_library_scope(const Scope* s) const {
    for (const PyModule& m : py_modules_)
      if (m.ns.get() == s) return true;
    return false;
  }
  Value call_library(const UserFnObj& f, std::vector<Value>& pos, Kw& kw, Pos at);
  PyModule py_modules_[int(Mod::Count_)];
  std::shared_ptr<Scope> ctx_ns_;
  PyRandom py_random_;
  std::shared_ptr<NpState> np_state_;  // np.random's RandomState (numpy_random.cpp), made on first use
  Value call_random(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at);

  Value call_method(const MethodObj& m, std::vector<Value>& pos, Kw& kw, Pos at);

  // ---------------- strings ----------------
  static std::vector<std::string> utf8_chars(const std::string& s);

  static double parse_float(const std::string& s, Pos at);

  static std::string pad(const std::string& s, size_t width, char align, char fill);

  // Python's format(value, spec) for the common specs: [[fill]align][sign][0][width][.prec][type].
  std::string format_value(const Value& v0, const std::string& spec, Pos at);

  std::string str_format(const std::string& f, const std::vector<Value>& pos, const Kw& kw, Pos at);

  // "fmt" % args: %d %i %f %e %g %s %r %% with flags, width and precision.
  std::string percent_format(const std::string& f, const Value& args, Pos at);

  // ---------------- operators ----------------
  static const char* tensor_op_name(BinOpKind op);

  [[noreturn]] static void unsupported(BinOpKind op, const Value& a, const Value& b, Pos at);
  [[noreturn]] static void overflow(Pos at);

  Value tensor_binop(BinOpKind op, const Value& a, const Value& b, Pos at);

  Value binop(BinOpKind op, const Value& a, const Value& b, Pos at);
  bool instance_binop(BinOpKind op, const Value& a, const Value& b, Pos at, Value& out);

  Value num_binop(BinOpKind op, const Value& a, const Value& b, Pos at);

  Value unary(UnaryOpKind op, const Value& v, Pos at);

  static const char* cmp_name(CmpOpKind op);
  static CmpOpKind flip(CmpOpKind op);

  static bool identical(const Value& a, const Value& b);

  Value compare(CmpOpKind op, const Value& a, const Value& b, Pos at);

  // ---------------- indexing ----------------
  static constexpr unsigned kAnyOp = kTorch | kMethod | kInternal;

  // Python's slice.indices(len): (start, stop, step, count).
  void py_slice(const SliceObj& s, int64_t len, int64_t& start, int64_t& stop, int64_t& step, int64_t& count, Pos at);

  // The index items of x[...] as PyTorch sees them: a lone tuple index is its items.
  static std::vector<Value> index_items(const std::vector<Value>& idx, bool is_tuple);

  Value get_item(const Value& obj, const std::vector<Value>& idx, bool is_tuple, Pos at);

  // x[items] by composing the op table's views (select, slice, unsqueeze) and index_select, so
  // autograd records each step. `has_index_tensor` (optional) reports advanced indexing.
  // bare_slice: getitem's x[a:b] (no tuple), which PyTorch always slices.
  Tensor tensor_index(const Tensor& x, std::vector<Value> items, Pos at, bool* has_index_tensor, bool bare_slice = false);
  struct AdvIndex {
    int64_t dim;  // the dim of the basic-indexed view it indexes
    Tensor idx;   // int64 (before expand_indices: any index tensor or mask)
  };
  // is_self (optional): whether PyTorch's applySlicing result is x's own TensorImpl (no item made a
  // new view; `:` does), which its memory-overlap checks see.
  // skip_full: applySlice's shortcut (0:size(d) is no slice), off for getitem's bare x[a:b].
  Value index_basic(const Tensor& x, std::vector<Value>& items, Pos at, std::vector<AdvIndex>& pending,
                    bool* is_self = nullptr, bool skip_full = true);
  std::vector<AdvIndex> expand_indices(const Tensor& view, const std::vector<AdvIndex>& pending, Pos at);
  void adv_positions(const Tensor& cur, const std::vector<AdvIndex>& adv, Pos at, Shape& B, std::vector<int64_t>& lin,
                     std::vector<int64_t>& sizes);

  void set_item(const Value& obj, const std::vector<Value>& idx, bool is_tuple, const Value& v, Pos at);

  // x[idx] = v: PyTorch copies v into the view x[idx] in place.
  void tensor_set(const Tensor& x, const std::vector<Value>& items, const Value& v, Pos at);
  void tensor_set_basic(const Tensor& x, const std::vector<Value>& items, const Tensor& view, const Tensor& value,
                        bool is_self, Pos at);
  void copy_to(const Tensor& dst, const Tensor& src, Pos at);
  Tensor copy_source(const Tensor& dst, const Tensor& src, Pos at);
  // node: the name of the node x gets (CopySlices, IndexPutBackward0, CopyBackwards, FillBackward3)
  void tensor_set_recorded(const Tensor& x, const std::vector<Value>& items, const Tensor& src, const char* node, Pos at);

  // PyTorch records a CopySlices node on the base when a tensor that requires grad is written
  // into a view; the engine has no such node, so the case is refused instead of giving wrong grads.

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

  std::unique_ptr<Iter> make_iter(const Value& v, Pos at);
  void check_iterable(const Value& v, Pos at);

  std::vector<Value> to_vector(const Value& v, Pos at);
};

}  // namespace tl::lang::detail
