// PyTorch's CPU generator and distribution kernels, reproduced bit for bit (see random.h).
//
// Floating-point contraction must stay off in this file: every multiply-add below is either a
// separately rounded multiply and add or an explicit std::fma, exactly where PyTorch's compiled
// kernels have one or the other. (The engine builds with -mfma, and GCC contracts a * b + c across
// statements by default in C++.)
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#include "engine/core/random.h"

#include "engine/core/cr_math.h"
#include "engine/core/float_bits.h"

#include <cmath>
#include <limits>
#include <utility>

namespace tl {

namespace {

constexpr double kPi = 3.14159265358979323846;  // c10::pi<double>

// ---- PyTorch's AVX2 float normal kernel, one lane at a time ----
// avx_mathfun.h's log256_ps (Cephes logf) as GCC 12 -O2 -mavx2 -mfma compiles it inside
// normal_fill_16_AVX2: the Horner steps and two of the final additions are fused. Checked
// exhaustively against the compiled intrinsics for every input 1 - k / 2^24, k in [0, 2^24).
// x is in (0, 1] here (x <= 0 would be NaN in PyTorch; it cannot occur).
inline float avx2_log(float x) {
  const float min_norm = bits_to_float(0x00800000u);
  if (x < min_norm) x = min_norm;
  const uint32_t bx = float_to_bits(x);
  float e = float(int32_t(bx >> 23) - 0x7f);
  e = e + 1.0f;
  const float xm = bits_to_float((bx & ~0x7f800000u) | float_to_bits(0.5f));
  const bool below = xm < 0.707106781186547524f;  // cephes_SQRTHF
  const float tmp = below ? xm : 0.0f;
  float v = xm + -1.0f;
  e = e - (below ? 1.0f : 0.0f);
  const float e_q1 = e * -2.12194440e-4f;
  v = v + tmp;
  float y = 7.0376836292E-2f;
  y = std::fma(y, v, -1.1514610310E-1f);
  y = std::fma(y, v, 1.1676998740E-1f);
  y = std::fma(y, v, -1.2420140846E-1f);
  y = std::fma(y, v, 1.4249322787E-1f);
  y = std::fma(y, v, -1.6668057665E-1f);
  y = std::fma(y, v, 2.0000714765E-1f);
  y = std::fma(y, v, -2.4999993993E-1f);
  y = std::fma(y, v, 3.3333331174E-1f);
  const float z = v * v;
  y = v * y;
  y = std::fma(y, z, e_q1);
  y = std::fma(-z, 0.5f, y);
  v = v + y;
  return std::fma(e, 0.693359375f, v);
}

// avx_mathfun.h's sincos256_ps (Cephes sinf/cosf) for 0 <= x < 2 pi, compiled as above.
inline void avx2_sincos(float x, float* s, float* c) {
  uint32_t sign_sin = float_to_bits(x) & 0x80000000u;
  x = bits_to_float(float_to_bits(x) & 0x7fffffffu);
  const float scaled = x * 1.27323954473516f;  // 4 / pi
  int32_t j = int32_t(scaled);                  // cvttps2dq
  j = j + 1;
  const uint32_t swap_sin = (uint32_t(j) & 4u) << 29;
  const bool poly_cos = (j & 2) == 0;
  j = j & ~1;
  const float y = float(j);
  const uint32_t sign_cos = (~uint32_t(j - 2) & 4u) << 29;
  sign_sin ^= swap_sin;
  x = std::fma(y, -0.78515625f, x);
  x = std::fma(y, -2.4187564849853515625e-4f, x);
  x = std::fma(y, -3.77489497744594108e-8f, x);
  const float z = x * x;
  float yc = 2.443315711809948E-005f;
  yc = std::fma(yc, z, -1.388731625493765E-003f);
  yc = std::fma(yc, z, 4.166664568298827E-002f);
  const float half_z = z * 0.5f;
  yc = z * yc;
  yc = std::fma(yc, z, -half_z);
  yc = yc + 1.0f;
  float ys = -1.9515295891E-4f;
  ys = std::fma(ys, z, 8.3321608736E-3f);
  ys = std::fma(ys, z, -1.6666654611E-1f);
  ys = z * ys;
  ys = std::fma(x, ys, x);
  const float ysin2 = poly_cos ? ys : 0.0f;
  const float ysin1 = poly_cos ? 0.0f : yc;
  ys = ys - ysin2;
  yc = yc - ysin1;
  const float sv = ysin2 + ysin1;
  const float cv = ys + yc;
  *s = bits_to_float(float_to_bits(sv) ^ sign_sin);
  *c = bits_to_float(float_to_bits(cv) ^ sign_cos);
}

// normal_fill_16_AVX2: 16 uniforms in place -> 16 normals.
void normal_fill_16_avx2(float* d, float mean, float std) {
  const float two_pi = float(2.0f * kPi);
  for (int j = 0; j < 8; ++j) {
    const float u1 = 1.0f - d[j];
    const float u2 = d[j + 8];
    const float radius = std::sqrt(-2.0f * avx2_log(u1));
    const float theta = two_pi * u2;
    float s, c;
    avx2_sincos(theta, &s, &c);
    const float n1 = radius * c;
    const float n2 = radius * s;
    d[j] = std::fma(n1, std, mean);
    d[j + 8] = std::fma(n2, std, mean);
  }
}

// The double-precision log/sin/cos of the Box-Muller paths. PyTorch calls glibc's; native builds
// call the same. With musl's (the wasm C library) ~3% of float64 normals differed from PyTorch's in
// the last bits; the wasm build uses correctly rounded versions instead, which agree with glibc's
// in all but ~0.1% of calls (~0.16% of float64 normals differ, by at most 2 ulp)
// (exact agreement would need glibc's own code: glibc picks an FMA or a non-FMA variant of each
// function by CPU, so even PyTorch's float64 normals differ in the last bit between machines).
#ifdef __EMSCRIPTEN__
inline double box_muller_log(double x) { return crmath::log(x); }
inline double box_muller_sin(double x) { return crmath::sin(x); }
inline double box_muller_cos(double x) { return crmath::cos(x); }
#else
inline double box_muller_log(double x) { return std::log(x); }
inline double box_muller_sin(double x) { return std::sin(x); }
inline double box_muller_cos(double x) { return std::cos(x); }
#endif

// normal_fill_16<double> (ATen/native/cpu/DistributionTemplates.h). In PyTorch's AVX2 build the
// final `radius * cos(theta) * std + mean` is one multiply then a fused multiply-add.
void normal_fill_16_double(double* d, double mean, double std) {
  for (int j = 0; j < 8; ++j) {
    const double u1 = 1 - d[j];
    const double u2 = d[j + 8];
    const double radius = std::sqrt(-2 * box_muller_log(u1));
    const double theta = 2.0 * kPi * u2;
    d[j] = std::fma(radius * box_muller_cos(theta), std, mean);
    d[j + 8] = std::fma(radius * box_muller_sin(theta), std, mean);
  }
}

}  // namespace

void Generator::manual_seed(uint64_t seed) {
  seed_ = seed;
  engine_.seed(uint32_t(seed & 0xffffffffu));
  next_double_normal_sample.reset();
}

float Generator::uniform_float(float from, float to) {
  const float x = float(random() & ((1u << 24) - 1)) * (1.0f / float(1u << 24));
  return std::fma(x, to - from, from);
}

double Generator::uniform_double(double from, double to) {
  const double x = double(random64() & ((uint64_t(1) << 53) - 1)) * (1.0 / double(uint64_t(1) << 53));
  return std::fma(x, to - from, from);
}

double Generator::normal_double(double mean, double std) {
  if (next_double_normal_sample) {
    const double ret = *next_double_normal_sample;
    next_double_normal_sample.reset();
    return std::fma(ret, std, mean);
  }
  const double u1 = uniform_double(0, 1);
  const double u2 = uniform_double(0, 1);
  const double r = std::sqrt(-2.0 * box_muller_log(1.0 - u2));
  const double theta = 2.0 * kPi * u1;
  next_double_normal_sample = r * box_muller_sin(theta);
  const double ret = r * box_muller_cos(theta);
  return std::fma(ret, std, mean);
}

int64_t Generator::uniform_int_from_to(uint64_t range, int64_t base) {
  const uint64_t v = range >= (uint64_t(1) << 32) ? random64() : uint64_t(random());
  return int64_t(v % range + uint64_t(base));
}

void Generator::fill_uniform(float* p, int64_t n, double from, double to) {
  const float f = float(from), t = float(to);
  for (int64_t i = 0; i < n; ++i) p[i] = uniform_float(f, t);
}

void Generator::fill_uniform(double* p, int64_t n, double from, double to) {
  for (int64_t i = 0; i < n; ++i) p[i] = uniform_double(from, to);
}

void Generator::fill_normal(float* p, int64_t n, double mean, double std, bool vectorized) {
  if (!vectorized || n < 16) {
    for (int64_t i = 0; i < n; ++i) p[i] = float(normal_double(mean, std));
    return;
  }
  const float m = float(mean), s = float(std);
  for (int64_t i = 0; i < n; ++i) p[i] = uniform_float(0, 1);
  for (int64_t i = 0; i + 16 <= n; i += 16) normal_fill_16_avx2(p + i, m, s);
  if (n % 16 != 0) {  // redraw and recompute the last 16
    float* d = p + n - 16;
    for (int j = 0; j < 16; ++j) d[j] = uniform_float(0, 1);
    normal_fill_16_avx2(d, m, s);
  }
}

void Generator::fill_normal(double* p, int64_t n, double mean, double std, bool vectorized) {
  if (!vectorized || n < 16) {
    for (int64_t i = 0; i < n; ++i) p[i] = normal_double(mean, std);
    return;
  }
  for (int64_t i = 0; i < n; ++i) p[i] = uniform_double(0, 1);
  for (int64_t i = 0; i + 16 <= n; i += 16) normal_fill_16_double(p + i, mean, std);
  if (n % 16 != 0) {
    double* d = p + n - 16;
    for (int j = 0; j < 16; ++j) d[j] = uniform_double(0, 1);
    normal_fill_16_double(d, mean, std);
  }
}

void Generator::fill_randperm(int64_t* p, int64_t n) {
  if (n < int64_t(std::numeric_limits<uint32_t>::max() / 20)) {
    for (int64_t i = 0; i < n; ++i) p[i] = i;
    for (int64_t i = 0; i < n - 1; ++i) {
      const int64_t z = int64_t(random() % uint64_t(n - i));
      std::swap(p[i], p[z + i]);
    }
    return;
  }
  // Large n: PyTorch's "inside-out" Fisher-Yates with 64-bit draws.
  for (int64_t i = 0; i < n; ++i) {
    const int64_t z = int64_t(random64() % uint64_t(i + 1));
    p[i] = p[z];
    p[z] = i;
  }
}

Generator& default_generator() {
  static Generator g;
  return g;
}

}  // namespace tl
