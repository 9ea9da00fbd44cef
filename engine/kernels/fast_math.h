// Vectorisable float32 exp / tanh. libm's and the SLEEF ports' functions are calls the compiler
// cannot vectorise (about 26 ns per element in wasm, W3's bottleneck); these are branch-free
// polynomials (Cephes' coefficients, within ~2 ulp) that compile to SIMD under -mavx2 and
// -msimd128. Special values follow libm: exp(-inf) = 0, exp of large x = inf (with gradual
// underflow below), NaN -> NaN. Used for tanh of float32 tensors of 32768+ elements only
// (elementwise.cpp); smaller ones take SLEEF's exact ports as PyTorch.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>

namespace tl::kernels {

inline float pow2i(int32_t n) {  // 2^n for n in [-126, 127]
  int32_t bits = (n + 127) << 23;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

inline float fast_exp(float x) {
  // Clamped so that the result over/underflows exactly where expf's does; NaN becomes -104
  // here (converting NaN to int is undefined) and is put back at the end.
  float c = x > -104.0f ? x : -104.0f;
  c = c < 89.0f ? c : 89.0f;
  // exp(x) = 2^n exp(r), n = round(x / ln 2), r = x - n ln 2 (ln 2 split in two for precision).
  float n = std::floor(c * 1.44269504088896341f + 0.5f);
  float r = c - n * 0.693359375f + n * 2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  float y = p * (r * r) + r + 1.0f;
  // 2^n in two factors so n in [-150, 128] never leaves the exponent range; the products
  // underflow (to denormals, then 0) or overflow (to inf) as they should.
  int32_t ni = int32_t(n);
  int32_t n1 = ni >> 1, n2 = ni - n1;
  y = y * pow2i(n1) * pow2i(n2);
  return x != x ? x : y;
}

inline float fast_tanh(float x) {
  float a = std::fabs(x);
  float z = x * x;  // |x| < 0.625: odd polynomial
  float p = -5.70498872745e-3f;
  p = p * z + 2.06390887954e-2f;
  p = p * z - 5.37397155531e-2f;
  p = p * z + 1.33314422036e-1f;
  p = p * z - 3.33332819422e-1f;
  float small = p * z * x + x;
  float e = fast_exp(2.0f * (a < 20.0f ? a : 20.0f));  // else 1 - 2 / (e^2|x| + 1): 1.0f past ~9.1
  float big = std::copysign(1.0f - 2.0f / (e + 1.0f), x);
  float y = a < 0.625f ? small : big;
  return !(a > 0.0f) ? x : y;  // NaN and +-0.0 return x (the polynomial turns -0.0 into +0.0)
}

}  // namespace tl::kernels
