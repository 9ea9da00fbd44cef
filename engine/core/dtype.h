// Element types. float32 is the default; int64 holds indices and class targets;
// bool holds comparison masks.
#pragma once
#include <cstdint>
#include <cstddef>
#include <limits>
#include <string>
#include <type_traits>
#include "engine/core/error.h"

namespace tl {

// The order of the enumerators is the wire format (JS and the CLI pass dtypes as these numbers):
// new types are appended.
enum class DType : uint8_t { Float32, Float64, Int64, Bool, Int32, Int16, Int8, UInt8 };
constexpr int kNumDTypes = 8;

inline size_t dtype_size(DType t) {
  switch (t) {
    case DType::Float32: return 4;
    case DType::Float64: return 8;
    case DType::Int64: return 8;
    case DType::Bool: return 1;
    case DType::Int32: return 4;
    case DType::Int16: return 2;
    case DType::Int8: return 1;
    case DType::UInt8: return 1;
  }
  return 4;
}
inline const char* dtype_name(DType t) {
  switch (t) {
    case DType::Float32: return "float32";
    case DType::Float64: return "float64";
    case DType::Int64: return "int64";
    case DType::Bool: return "bool";
    case DType::Int32: return "int32";
    case DType::Int16: return "int16";
    case DType::Int8: return "int8";
    case DType::UInt8: return "uint8";
  }
  return "?";
}
// The scalar-type name PyTorch's kernel errors use ("\"bitwise_xor_cpu\" not implemented for 'Float'").
inline const char* dtype_kernel_name(DType t) {
  switch (t) {
    case DType::Float32: return "Float";
    case DType::Float64: return "Double";
    case DType::Int64: return "Long";
    case DType::Bool: return "Bool";
    case DType::Int32: return "Int";
    case DType::Int16: return "Short";
    case DType::Int8: return "Char";
    case DType::UInt8: return "Byte";
  }
  return "?";
}
// The legacy tensor type of a dtype ("FloatTensor": x.type(), torch.IntTensor(...)).
inline const char* dtype_legacy_name(DType t) {
  switch (t) {
    case DType::Float32: return "FloatTensor";
    case DType::Float64: return "DoubleTensor";
    case DType::Int64: return "LongTensor";
    case DType::Bool: return "BoolTensor";
    case DType::Int32: return "IntTensor";
    case DType::Int16: return "ShortTensor";
    case DType::Int8: return "CharTensor";
    case DType::UInt8: return "ByteTensor";
  }
  return "FloatTensor";
}
// "LongTensor" -> Int64 (Float32 for "Tensor" and anything unknown).
inline DType dtype_from_legacy_name(const std::string& n) {
  for (int k = 0; k < kNumDTypes; ++k)
    if (n == dtype_legacy_name(DType(k))) return DType(k);
  return DType::Float32;
}
// dtype_name -> DType ("int32"); false when unknown.
inline bool dtype_from_name(const char* n, DType& out) {
  for (int k = 0; k < kNumDTypes; ++k) {
    const char* a = dtype_name(DType(k));
    size_t i = 0;
    while (a[i] && a[i] == n[i]) ++i;
    if (!a[i] && !n[i]) { out = DType(k); return true; }
  }
  return false;
}
// torch.set_default_dtype: the dtype of float tensors made from Python numbers (float32 unless
// changed; the playground's gradcheck re-runs scripts in float64).
DType default_float_dtype();
void set_default_float_dtype(DType t);

inline bool is_floating(DType t) { return t == DType::Float32 || t == DType::Float64; }
// Integer types, bool excluded (int64, int32, int16, int8, uint8).
inline bool is_int(DType t) { return !is_floating(t) && t != DType::Bool; }
// bool < integers < floats: PyTorch's categories for deciding whether a 0-d tensor or a Python
// scalar takes part in type promotion.
inline int dtype_category(DType t) { return t == DType::Bool ? 0 : is_floating(t) ? 2 : 1; }

// PyTorch's promotion for two tensors (c10's promoteTypes lattice, restricted to our types):
// bool < any int < float32 < float64; between ints the wider wins, except that uint8 with a signed
// type needs a sign bit: uint8 + int8 -> int16 (uint8 + int16/32/64 -> the signed type).
inline DType promote(DType a, DType b) {
  if (a == b) return a;
  if (a == DType::Bool) return b;
  if (b == DType::Bool) return a;
  if (is_floating(a) || is_floating(b)) {
    if (a == DType::Float64 || b == DType::Float64) return DType::Float64;
    return DType::Float32;
  }
  if (a == DType::UInt8 || b == DType::UInt8) {
    const DType s = a == DType::UInt8 ? b : a;  // the signed one
    return s == DType::Int8 ? DType::Int16 : s;
  }
  return dtype_size(a) >= dtype_size(b) ? a : b;
}

// Value conversion between element types. C++ leaves a float -> integer conversion of NaN or
// an out-of-range value undefined; x86 (and so PyTorch there) gives the minimum integer of the
// conversion's width, which is what this returns: int64 and int32 directly, int16/int8 through
// int32 and uint8 through int64 (gcc's code for an unsigned target), then truncation modulo 2^bits
// (torch.tensor([300.7, -1.5]).byte() == [44, 255]; a float64 2.**32 + 7 gives 7 as uint8, 0 as
// int8). Integer -> narrower integer truncates modulo 2^bits (well defined since C++20, and what
// gcc and clang do before it).
template <class D, class S>
inline D cast_value(S v) {
  if constexpr (std::is_integral<D>::value && !std::is_same<D, bool>::value && std::is_floating_point<S>::value) {
    using W = std::conditional_t<(sizeof(D) >= 8 || std::is_same<D, uint8_t>::value), int64_t, int32_t>;
    const S lo = S(std::numeric_limits<W>::min()), hi = -lo;  // 2^63 for int64, 2^31 below
    if (!(v >= lo && v < hi)) return static_cast<D>(std::numeric_limits<W>::min());
    return static_cast<D>(static_cast<W>(v));
  }
  return static_cast<D>(v);
}

// Calls f with a value of the C++ type of `t` (only used for its type): all eight dtypes.
#define TL_DISPATCH(t, T, ...)                                   \
  [&] {                                                          \
    switch (t) {                                                 \
      case ::tl::DType::Float32: { using T = float; return __VA_ARGS__(); }   \
      case ::tl::DType::Float64: { using T = double; return __VA_ARGS__(); }  \
      case ::tl::DType::Int64: { using T = int64_t; return __VA_ARGS__(); }   \
      case ::tl::DType::Bool: { using T = bool; return __VA_ARGS__(); }       \
      case ::tl::DType::Int32: { using T = int32_t; return __VA_ARGS__(); }   \
      case ::tl::DType::Int16: { using T = int16_t; return __VA_ARGS__(); }   \
      case ::tl::DType::Int8: { using T = int8_t; return __VA_ARGS__(); }     \
      case ::tl::DType::UInt8: { using T = uint8_t; return __VA_ARGS__(); }   \
    }                                                            \
    using T = float; return __VA_ARGS__();                       \
  }()

// The four dtypes of the engine before the narrow integers: for kernels that compute narrow
// integers (int32/int16/int8/uint8) by widening them to int64 first (matmul: an Eigen GEMM per
// type is costly in compile time and wasm size). A narrow dtype reaching it takes the int64 path.
#define TL_DISPATCH_WIDE(t, T, ...)                              \
  [&] {                                                          \
    switch (t) {                                                 \
      case ::tl::DType::Float32: { using T = float; return __VA_ARGS__(); }   \
      case ::tl::DType::Float64: { using T = double; return __VA_ARGS__(); }  \
      case ::tl::DType::Bool: { using T = bool; return __VA_ARGS__(); }       \
      default: { using T = int64_t; return __VA_ARGS__(); }                   \
    }                                                            \
  }()

// Kernels that only move bytes (copies, gathers, concatenation, permutation) need the element
// size, not its type: one instantiation per size instead of one per dtype (keeps compile time
// and wasm size down now that there are eight dtypes).
#define TL_DISPATCH_BYSIZE(t, T, ...)                            \
  [&] {                                                          \
    switch (::tl::dtype_size(t)) {                               \
      case 8: { using T = uint64_t; return __VA_ARGS__(); }      \
      case 4: { using T = uint32_t; return __VA_ARGS__(); }      \
      case 2: { using T = uint16_t; return __VA_ARGS__(); }      \
    }                                                            \
    using T = uint8_t; return __VA_ARGS__();                     \
  }()

#define TL_DISPATCH_FLOAT(t, T, ...)                             \
  [&] {                                                          \
    if ((t) == ::tl::DType::Float64) { using T = double; return __VA_ARGS__(); } \
    using T = float; return __VA_ARGS__();                       \
  }()

}  // namespace tl
