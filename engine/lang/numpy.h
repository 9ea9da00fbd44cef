// A numpy subset for scripts (`import numpy as np`): ndarrays are their own value kind wrapping an
// engine Tensor that never requires grad, with numpy's semantics on top (float64 default dtype,
// int64 for integer lists, numpy's type promotion and broadcasting, numpy 1.x printing, the legacy
// RandomState's exact numbers for a seed). Files: numpy_core.cpp (arrays, operators, functions,
// indexing, the interpreter hooks), numpy_print.cpp (array2string), numpy_random.cpp (np.random).
// The rest of the interpreter reaches numpy only through the np_* hooks declared here.
#pragma once
#include "engine/lang/interp.h"

namespace tl::lang::detail {

// numpy.ndarray. `t` may be a strided view sharing storage with the array it was sliced from
// (numpy's basic indexing returns views: writes through them reach the base).
struct NdArrayObj : Obj {
  Tensor t;
  explicit NdArrayObj(Tensor x) : Obj(Tag::NdArray), t(std::move(x)) {}
  std::string type_name() const override { return "numpy.ndarray"; }
};

// np.NAME / np.random.NAME / np.linalg.NAME, or a method bound to an array (self).
struct NpFnObj : Obj {
  std::string name;  // "sum", "random.seed", "linalg.norm", ...
  Value self;        // the array of a bound method (None otherwise)
  NpFnObj(std::string n, Value s = Value()) : Obj(Tag::NpFn), name(std::move(n)), self(std::move(s)) {}
  std::string type_name() const override { return self.is_none() ? "function" : "builtin_function_or_method"; }
};

// A numpy dtype (arr.dtype, np.dtype('float32')) or a scalar type used as one (np.float32).
struct NpDTypeObj : Obj {
  DType d;
  bool is_type;  // np.float32 (the scalar type: callable) rather than dtype('float32')
  NpDTypeObj(DType x, bool t) : Obj(Tag::NpDType), d(x), is_type(t) {}
  std::string type_name() const override { return is_type ? "type" : "numpy.dtype[" + std::string(name()) + "]"; }
  const char* name() const {
    switch (d) {
      case DType::Float32: return "float32";
      case DType::Float64: return "float64";
      case DType::Int64: return "int64";
      case DType::Bool: return "bool";
      default: return dtype_name(d);
    }
    return "?";
  }
};

// Per-interpreter numpy state (np.random's legacy RandomState).
struct NpState {
  PyRandom mt;  // MT19937 (init_genrand seeding, as numpy's legacy seed)
  bool has_gauss = false;
  double gauss = 0;
  NpState() { mt.init_genrand(0); }  // numpy seeds from entropy; a fixed start keeps runs reproducible
};

inline const NdArrayObj* as_nd(const Value& v) { return as<NdArrayObj>(v, Tag::NdArray); }
inline bool is_nd(const Value& v) { return as_nd(v) != nullptr; }

Value np_module_attr(Interp& in, Mod m, const std::string& name, Pos at);
Value np_array_attr(Interp& in, const Value& arr, const std::string& name, Pos at);
Value np_call(Interp& in, const Value& fn, std::vector<Value>& pos, Kw& kw, Pos at);
// Operators with an ndarray operand (the other may be a Python number, list or ndarray; a torch
// Tensor operand makes the array a tensor first, as PyTorch does).
Value np_binop(Interp& in, BinOpKind op, const Value& a, const Value& b, Pos at);
Value np_compare(Interp& in, CmpOpKind op, const Value& a, const Value& b, Pos at);
Value np_unary(Interp& in, UnaryOpKind op, const Value& v, Pos at);
Value np_inplace(Interp& in, const Value& cur, BinOpKind op, const Value& rhs, Pos at);  // a += b
Value np_get_item(Interp& in, const Value& arr, const std::vector<Value>& idx, bool is_tuple, Pos at);
void np_set_item(Interp& in, const Value& arr, const std::vector<Value>& idx, bool is_tuple, const Value& v, Pos at);
std::vector<Value> np_items(Interp& in, const Value& arr, Pos at);  // iteration over axis 0
// Builtins applied to arrays (len, float, int, bool, abs, round); false when `id` is not one of them.
bool np_builtin(Interp& in, Bi id, std::vector<Value>& pos, Pos at, Value& out);
bool np_truthy(const Value& arr, Pos at);
double np_to_double(const Value& arr, Pos at);
// torch.tensor(arr) / torch.from_numpy(arr): the array's values as a tensor of its dtype.
Tensor np_to_tensor(const Value& arr, bool share);
Value np_from_tensor(const Tensor& t, Pos at);  // Tensor.numpy()
// Arguments of a torch function that are arrays become tensors; torch.tensor(arr) gets the
// array's values as nested lists and its dtype (PyTorch keeps a float64 array's dtype).
void np_args_to_torch(Interp& in, const Value& fn, std::vector<Value>& pos, Kw& kw, Pos at);
// repr (str=false) or str of an array, a numpy dtype; "" when v is neither.
std::string np_repr(const Value& v, bool str);
// numpy's array2string (numpy_print.cpp): separator ", " with prefix "array(" for repr.
std::string np_array_repr(const Tensor& t);
std::string np_array_str(const Tensor& t);
std::string np_scalar_str(double v, DType d);  // str() of a numpy scalar of dtype d

// Python scalars for numpy scalars: element `i` (flat, row-major) of a contiguous tensor.
Value np_scalar(const Tensor& contiguous, int64_t i);

}  // namespace tl::lang::detail
