// Element types. float32 is the default; int64 holds indices and class targets;
// bool holds comparison masks.
#pragma once
#include <cstdint>
#include <cstddef>
#include <limits>
#include <type_traits>
#include "engine/core/error.h"

namespace tl {

enum class DType : uint8_t { Float32, Float64, Int64, Bool };

inline size_t dtype_size(DType t) {
  switch (t) {
    case DType::Float32: return 4;
    case DType::Float64: return 8;
    case DType::Int64: return 8;
    case DType::Bool: return 1;
  }
  return 4;
}
inline const char* dtype_name(DType t) {
  switch (t) {
    case DType::Float32: return "float32";
    case DType::Float64: return "float64";
    case DType::Int64: return "int64";
    case DType::Bool: return "bool";
  }
  return "?";
}
// torch.set_default_dtype: the dtype of float tensors made from Python numbers (float32 unless
// changed; the playground's gradcheck re-runs scripts in float64).
DType default_float_dtype();
void set_default_float_dtype(DType t);

inline bool is_floating(DType t) { return t == DType::Float32 || t == DType::Float64; }

// PyTorch's promotion for two tensors: bool < int64 < float32 < float64.
inline DType promote(DType a, DType b) {
  auto rank = [](DType t) {
    switch (t) {
      case DType::Bool: return 0;
      case DType::Int64: return 1;
      case DType::Float32: return 2;
      case DType::Float64: return 3;
    }
    return 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

// Value conversion between element types. C++ leaves a float -> integer conversion of NaN or
// an out-of-range value undefined; x86 (and so PyTorch there) gives the minimum integer, which
// is what this returns. Everything else is a plain static_cast.
template <class D, class S>
inline D cast_value(S v) {
  if constexpr (std::is_integral<D>::value && !std::is_same<D, bool>::value && std::is_floating_point<S>::value) {
    const S lo = S(std::numeric_limits<D>::min()), hi = -lo;  // 2^63 for int64
    if (!(v >= lo && v < hi)) return std::numeric_limits<D>::min();
  }
  return static_cast<D>(v);
}

// Calls f with a value of the C++ type of `t` (only used for its type).
#define TL_DISPATCH(t, T, ...)                                   \
  [&] {                                                          \
    switch (t) {                                                 \
      case ::tl::DType::Float32: { using T = float; return __VA_ARGS__(); }   \
      case ::tl::DType::Float64: { using T = double; return __VA_ARGS__(); }  \
      case ::tl::DType::Int64: { using T = int64_t; return __VA_ARGS__(); }   \
      case ::tl::DType::Bool: { using T = bool; return __VA_ARGS__(); }       \
    }                                                            \
    using T = float; return __VA_ARGS__();                       \
  }()

#define TL_DISPATCH_FLOAT(t, T, ...)                             \
  [&] {                                                          \
    if ((t) == ::tl::DType::Float64) { using T = double; return __VA_ARGS__(); } \
    using T = float; return __VA_ARGS__();                       \
  }()

}  // namespace tl
