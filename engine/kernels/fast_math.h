// Vectorisable float32 exp / sigmoid. libm's expf is a call the compiler cannot
// vectorise (about 26 ns per element in wasm, W3's bottleneck); these are branch-free
// polynomials (Cephes' coefficients, within ~2 ulp) that compile to SIMD under -mavx2 and
// -msimd128. Special values follow libm: exp(-inf) = 0, exp of large x = inf (with gradual
// underflow below), NaN -> NaN. float64 keeps libm.
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

inline float fast_sigmoid(float x) { return 1.0f / (1.0f + fast_exp(-x)); }

}  // namespace tl::kernels
