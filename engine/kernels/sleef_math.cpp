// Scalar ports of SLEEF's float32 u10 algorithms (SLEEF, Boost Software License 1.0; the AVX2 +
// FMA variants PyTorch 1.13's Vectorized<float> calls). See sleef_math.h.
#include "engine/kernels/sleef_math.h"

#include <cmath>

namespace tl::kernels {
namespace {

// SLEEF's AVX2 build fuses these. In wasm std::fma is a slow software routine: there the product
// of two floats is exact in double and only the sum rounds twice (which differs from a fused
// multiply-add in rare cases).
inline float fmaf_(float a, float b, float c) {
#ifdef __EMSCRIPTEN__
  return float(double(a) * double(b) + double(c));
#else
  return std::fma(a, b, c);
#endif
}

// Double-float arithmetic (value = hi + lo), as SLEEF's df.h with FMA.
struct F2 {
  float x, y;
};
inline F2 add_ff(float x, float y) {  // |x| >= |y|
  const float s = x + y;
  return {s, (x - s) + y};
}
inline F2 add2_ff(float x, float y) {  // any order
  const float s = x + y, v = s - x;
  return {s, (x - (s - v)) + (y - v)};
}
inline F2 add2_f2f(F2 x, float y) {
  const float s = x.x + y, v = s - x.x;
  return {s, ((x.x - (s - v)) + (y - v)) + x.y};
}
inline F2 add_f2f(F2 x, float y) {  // |x| >= |y|
  const float s = x.x + y;
  return {s, ((x.x - s) + y) + x.y};
}
inline F2 add_ff2(float x, F2 y) {  // |x| >= |y|
  const float s = x + y.x;
  return {s, ((x - s) + y.x) + y.y};
}
inline F2 sqr_f2(F2 x) {
  const float s = x.x * x.x;
  return {s, fmaf_(x.x + x.x, x.y, fmaf_(x.x, x.x, -s))};
}
inline F2 mul_f2f2(F2 x, F2 y) {
  const float s = x.x * y.x;
  return {s, fmaf_(x.x, y.y, fmaf_(x.y, y.x, fmaf_(x.x, y.x, -s)))};
}
inline float mul_f2f2_f(F2 x, F2 y) { return fmaf_(x.x, y.x, fmaf_(x.y, y.x, x.x * y.y)); }

// Cody-Waite split of pi (SLEEF's PI_A2f, PI_B2f, PI_C2f), valid for |x| < 125.
constexpr float kPiA = 3.1414794921875f, kPiB = 0.00011315941810607910156f, kPiC = 1.9841872589410058936e-09f;
constexpr float k1Pi = float(0.318309886183790671537767526745028724);

// sin(t) for the reduced argument t (|t| <= pi/2) in double-float.
inline float sin_poly(F2 t) {
  const F2 s = sqr_f2(t);
  float u = 2.6083159809786593541503e-06f;
  u = fmaf_(u, s.x, -0.0001981069071916863322258f);
  u = fmaf_(u, s.x, 0.00833307858556509017944336f);
  const F2 x = add_ff2(1.0f, mul_f2f2(add_ff(-0.166666597127914428710938f, u * s.x), s));
  return mul_f2f2_f(t, x);
}

// SLEEF reduces |x| >= 125 with Payne-Hanek to t = x - k pi in [-pi/2, pi/2] (sin x = +-sin t)
// and evaluates sin_poly(t) in double-float. Here t comes from the double sine s and cosine c of
// x (libm reduces them exactly): t = atan2(+-s, +-c), accurate to a double's precision, so it
// rounds to SLEEF's double-float t but in rare cases.
inline float sin_large(double s, double c) {
  const bool flip = c < 0;
  const double t = flip ? std::atan2(-s, -c) : std::atan2(s, c);
  const float hi = float(t);
  const float r = sin_poly({hi, float(t - double(hi))});
  return flip ? -r : r;
}

}  // namespace

float sleef_sinf(float d, bool large) {
  if (large || sleef_trig_large(d)) {
    if (d == 0.0f) return d;
    return std::isfinite(d) ? sin_large(std::sin(double(d)), std::cos(double(d))) : std::sin(d);
  }
  const float u = std::nearbyint(d * k1Pi);
  const int q = int(u);
  const float v = fmaf_(u, -kPiA, d);
  F2 s = add2_ff(v, u * -kPiB);
  s = add_f2f(s, u * -kPiC);
  const float r = sin_poly(s);
  if (d == 0.0f) return d;  // keeps -0.0
  return (q & 1) ? -r : r;
}

float sleef_cosf(float d, bool large) {
  if (large || sleef_trig_large(d))
    return std::isfinite(d) ? sin_large(std::cos(double(d)), -std::sin(double(d))) : std::cos(d);
  const float dq = fmaf_(std::nearbyint(fmaf_(d, k1Pi, -0.5f)), 2.0f, 1.0f);
  const int q = int(dq);
  F2 s = add2_ff(d, dq * (-kPiA * 0.5f));
  s = add2_f2f(s, dq * (-kPiB * 0.5f));
  s = add2_f2f(s, dq * (-kPiC * 0.5f));
  const float r = sin_poly(s);
  return (q & 2) == 0 ? -r : r;
}

}  // namespace tl::kernels
