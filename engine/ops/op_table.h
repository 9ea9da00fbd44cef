// THE op table. Every op is one row: its schema (name, parameters with types and defaults,
// which tensor inputs are differentiable), where it is exposed (torch.X, Tensor.X, F.X), the
// call adapter, and — for primitives — its backward. The script language, the JS API, the graph
// labels and the tests all enumerate this table; nothing else keeps a list of ops.
//
// Schema syntax (a small cousin of PyTorch's native_functions.yaml):
//   "sum.dim(Tensor self, int[] dim, bool keepdim=False, *, DType? dtype=None) -> Tensor"
// Name "sum.dim": op "sum", overload "dim" (the key tests use). Types:
//   Tensor, Tensor?, Tensor[], Number|Tensor (a Python number is wrapped to self's dtype),
//   int, int?, int[] (an int or a list/tuple of ints), int[]?, int... (varargs ints or one
//   list: x.view(2, 3) / x.view((2, 3))), float, float?, Number (int or float, kind kept),
//   bool, bool?, DType?, str, Any (e.g. nested lists for torch.tensor).
// "(nograd)" after a Tensor type marks an input that is never differentiated (indices,
// masks). A return of "Tensor(nograd)" or anything else marks a non-differentiable op.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/autograd/node.h"
#include "engine/ops/value.h"

namespace tl {

enum OpExpose : unsigned {
  kTorch = 1,     // torch.NAME(...)
  kMethod = 2,    // tensor.NAME(...)
  kF = 4,         // torch.nn.functional.NAME(...)
  kInternal = 8,  // building blocks (slicing, gradient helpers): not named in scripts, but gradchecked
  kAutograd = 16, // torch.autograd.NAME(...)
};

struct Param {
  enum class Type { Tensor, TensorList, NumberOrTensor, Number, Int, IntList, IntVarargs, Float, Bool, DType, Str, Any };
  std::string name;
  Type type = Type::Tensor;
  bool optional = false;  // "?": None allowed
  bool nograd = false;
  bool kw_only = false;
  bool has_default = false;
  Value default_value;
};

// Bound arguments, in schema order, defaults filled in.
struct Args {
  std::vector<Value> v;
  uint64_t given = 0;  // bit j: parameter j was passed (not its default), by bind_args
  const Tensor& t(size_t i) const;          // a Tensor
  Tensor opt_t(size_t i) const;             // Tensor? (undefined when None)
  Tensor num_or_t(size_t i, size_t self) const;  // Number|Tensor, wrapped like v[self]
  std::vector<Tensor> tensors(size_t i) const;
  int64_t i(size_t k) const;
  std::optional<int64_t> opt_i(size_t k) const;
  std::vector<int64_t> ints(size_t k) const;  // int[] / int...; None -> empty
  double f(size_t k) const;
  std::optional<double> opt_f(size_t k) const;
  bool b(size_t k) const;
  std::optional<DType> dtype(size_t k) const;
  bool is_none(size_t k) const { return v[k].is_none(); }
  bool is_int_value(size_t k) const { return v[k].kind == Value::Kind::Int || v[k].kind == Value::Kind::Bool; }
};

struct OpDef {
  std::string schema;
  unsigned expose = 0;
  std::function<Value(const Args&)> call;
  // Primitives: the backward of the node the forward records (record(TL_ROW(key), ...)); null
  // for composites, whose nodes are recorded by the rows of their parts.
  BackwardFn backward = nullptr;
  const char* derivative = "";    // the formula, for the playground's step-through panel
  // The row whose grad_fn name the node this row's call returns gets, when it depends on the
  // arguments (nll_loss2d's for inputs of more than 2 dims; kNodeNamers in op_table.cpp).
  const OpDef* (*node_name)(const struct Args&, const Tensor&) = nullptr;
  // PyTorch's grad_fn name of this row's node: "MulBackward0" from the name, or the name
  // PyTorch gives it (kGradFnNames in op_table.cpp: "SumBackward1", "CopyBackwards"). A
  // composite's row gives its name to the node its call returns (mean -> MeanBackward0).
  std::string grad_fn;

  // Parsed from schema.
  std::string name;      // "sum"
  std::string key;       // "sum.dim"
  std::vector<Param> params;
  bool differentiable = false;
  bool vararg = false;   // has an int... parameter
  bool view = false;     // returns Tensor(view) / Tensor[](view): PyTorch's view ops
  // An elementwise op PyTorch computes with TensorIterator whose kernel here writes a row-major
  // result without noting TensorIterator's strides (kTensorIteratorRows in op_table.cpp): call_op
  // notes them from the row's tensor arguments (ti_layout_hint) when the result reaches the script.
  bool ti_like = false;
  std::string returns;
};

const std::vector<OpDef>& op_table();
// A result an op row returns to the script: the TensorIterator strides noted on it
// (TensorImpl::ti_strides) applied in place, unless it is a view or its storage is shared (call_op
// does this for every row; a caller of an op's C++ function for the script must, as the
// interpreter's arithmetic fast path does).
void apply_ti_layout(Tensor& t);
// The row with this key ("mul.Tensor"); a missing key is a programming error (tl::Error).
const OpDef& op_row(const char* key);
// The row an op forward records its node with, looked up once per call site:
//   record(TL_ROW("mul.Tensor"), {&a, &b}, out)
#define TL_ROW(key) \
  ([]() -> const ::tl::OpDef& { static const ::tl::OpDef& row_ = ::tl::op_row(key); return row_; }())
// A composite's output node is one of its parts' nodes: gives it the grad_fn name of the row
// PyTorch records for the composite (flip -> FlipBackward0, nn.Linear -> addmm's) if this call
// made it (it is none of the inputs'), and groups the nodes the call made for the graph view.
void label_node(const Tensor& out, const OpDef& row, std::initializer_list<const Tensor*> inputs);
// A gradient PyTorch computes with an ATen op of its own from a mask of `saved` (relu's
// threshold_backward): under create_graph it is that op's node (label_node), which requires grad
// when `saved` does even where g does not (its derivative in `saved` is zero: piecewise constant).
void backward_op_result(Tensor& gi, const OpDef& row, const Tensor& g, const Tensor& saved);
// A composite for an op whose PyTorch backward is one op taking self (nll_loss_backward,
// elu_backward, ...): an alias of x whose backward names x's gradient after that op's row under
// create_graph (backward_op_result when the composite's gradient needs no grad).
Tensor grad_named(const Tensor& x, const OpDef& row);
// sum/prod/cumsum with an integral or bool dtype= of an input that requires grad: PyTorch 1.13's
// isDifferentiableType assert (RuntimeError), raised after the result is computed (reduce.cpp).
void check_dtype_differentiable(const Tensor& x, std::optional<DType> d);
// After self's values were overwritten by values that need no grad (fill_, zero_, random fills)
// while recording: self's history becomes the row's node (FillBackward2, ZeroBackward0, ...), whose
// backward (overwrite_bw) gives the previous values a zero gradient; through a view, CopySlices.
// param: an argument that requires grad and gets a zero gradient too (bernoulli_'s p).
void record_overwrite(Tensor& self, const OpDef& row, const Tensor* param = nullptr);
void overwrite_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi);
// mul.Scalar's backward (mul_number, elementwise.cpp): g times the node's number.
void mul_number_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi);
// PyTorch's evenly_distribute_backward (max(), min(), median()): g shared by the elements equal to
// the result (saved: the input, then the output), the NaNs for a NaN result.
void max_all_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi);
// The backward of an in-place op PyTorch 1.13 gives no derivative (asinh_, acosh_, atanh_): raises
// its NotImplementedError.
void inplace_not_implemented_bw(Node& n, const Tensor& g, std::vector<Tensor>& gi);
// Rows named `name` that are exposed as `where` (overloads, in table order).
std::vector<const OpDef*> find_ops(const std::string& name, unsigned where);
const OpDef* find_op_key(const std::string& key);

// Fills a row's parsed fields from its schema (for signatures outside the table that want the
// same binding and messages, e.g. the constructors of nn modules and optimizers).
void parse_op_schema(OpDef& op);
// Binds Python-style arguments to one row's schema. Returns "" on success, else why not.
std::string bind_args(const OpDef& op, const std::vector<Value>& pos,
                      const std::vector<std::pair<std::string, Value>>& kw, Args& out);
// PyTorch's checked conversion of a Python number (int/float/bool Value) to a tensor dtype
// (fill_, full, x[i] = number): RuntimeError "value cannot be converted to type T without overflow".
bool number_overflows(const Value& v, DType dt);
void check_number_fits(const Value& v, DType dt);
// clamp with int bounds (a None one absent) on an integral tensor: exact, bounds checked.
Tensor clamp_int(const Tensor& x, const Value& lo, const Value& hi);
// alpha * other for add/sub(other, alpha=) when the common dtype ct is integral or bool: PyTorch's
// kernel computes in ct with alpha converted to it (checked; alpha=6 is True for bool).
Tensor alpha_times(const Tensor& other, const Value& alpha, DType ct);
// A one-element tensor's value as PyTorch's item() Scalar: a bool, an int or a float by its dtype.
Value item_number(const Tensor& t);
// A Python number as the 0-d operand of an op on `like` (wrap_scalar; an int exactly).
Tensor wrap_number(const Value& n, const Tensor& like);

// Resolves the overload and calls it; a tl::Error names the op and the argument types when no
// overload fits.
Value call_op(const std::string& name, unsigned where, const std::vector<Value>& pos,
              const std::vector<std::pair<std::string, Value>>& kw = {});

// Each op family adds its rows (engine/ops/*.cpp).
void register_elementwise_ops(std::vector<OpDef>& t);
void register_reduce_ops(std::vector<OpDef>& t);
void register_linalg_ops(std::vector<OpDef>& t);
void register_shape_ops(std::vector<OpDef>& t);
void register_nn_ops(std::vector<OpDef>& t);
void register_conv_ops(std::vector<OpDef>& t);
void register_creation_ops(std::vector<OpDef>& t);
void register_tensor_api_ops(std::vector<OpDef>& t);
void register_pointwise_more_ops(std::vector<OpDef>& t);
void register_sort_scan_ops(std::vector<OpDef>& t);
void register_shape_more_ops(std::vector<OpDef>& t);
void register_inplace_twins(std::vector<OpDef>& t);

// Nested lists/tuples of numbers (or a number) -> tensor, with PyTorch's dtype inference
// (bool, int64, or float32) and its error for ragged lists.
Tensor tensor_from_value(const Value& data, std::optional<DType> dtype = std::nullopt);
// Tensor -> nested lists of Python numbers (tolist()).
Value tensor_to_value(const Tensor& t);

}  // namespace tl
