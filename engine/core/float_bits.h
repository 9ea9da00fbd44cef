#pragma once
// The bit pattern of a float and back (std::bit_cast before C++20), for kernels that reproduce
// PyTorch's float32 bit manipulations (random.cpp, kernels/sleef_math.cpp).
#include <cstdint>
#include <cstring>

namespace tl {

inline uint32_t float_to_bits(float f) {
  uint32_t b;
  std::memcpy(&b, &f, 4);
  return b;
}
inline float bits_to_float(uint32_t b) {
  float f;
  std::memcpy(&f, &b, 4);
  return f;
}

inline double bits_to_double(uint64_t b) {
  double d;
  std::memcpy(&d, &b, 8);
  return d;
}

}  // namespace tl
