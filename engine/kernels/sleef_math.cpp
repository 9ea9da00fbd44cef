// Scalar ports of SLEEF's float32 u10 algorithms (SLEEF, Boost Software License 1.0; the AVX2 +
// FMA variants PyTorch 1.13's Vectorized<float> calls). See sleef_math.h.
#include "engine/kernels/sleef_math.h"

#include "engine/core/float_bits.h"

#include <cmath>
#include <cstdint>
#include <cstring>

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
inline F2 mul_f2f(F2 x, float y) {
  const float s = x.x * y;
  return {s, fmaf_(x.y, y, fmaf_(x.x, y, -s))};
}
inline F2 add_f2f2(F2 x, F2 y) {  // |x| >= |y|
  const float s = x.x + y.x;
  return {s, (((x.x - s) + y.x) + x.y) + y.y};
}
inline F2 div_f2f2(F2 n, F2 d) {
  const float t = 1.0f / d.x, s = n.x * t;
  const float u = fmaf_(t, n.x, -s);
  const float v = fmaf_(-d.y, t, fmaf_(-d.x, t, 1.0f));
  return {s, fmaf_(s, v, fmaf_(n.y, t, u))};
}
inline F2 sub_f2f2(F2 x, F2 y) {  // |x| >= |y|
  const float s = x.x - y.x;
  return {s, (((x.x - s) - y.x) + x.y) - y.y};
}
inline F2 sub_f2f(F2 x, float y) {
  const float s = x.x - y;
  return {s, ((x.x - s) - y) + x.y};
}
inline F2 normalize_f2(F2 x) {
  const float s = x.x + x.y;
  return {s, (x.x - s) + x.y};
}
inline F2 mul_ff(float x, float y) {
  const float s = x * y;
  return {s, fmaf_(x, y, -s)};
}
inline F2 add2_ff2(float x, F2 y) {
  const float s = x + y.x, v = s - x;
  return {s, ((x - (s - v)) + (y.x - v)) + y.y};
}
inline F2 sqrt_f2(float d) {  // SLEEF's dfsqrt_vf2_vf
  const float t = std::sqrt(d), r = 1.0f / t;
  const F2 q = mul_f2f2(add2_ff2(d, mul_ff(t, t)), {r, r * fmaf_(-t, r, 1.0f)});
  return {q.x * 0.5f, q.y * 0.5f};
}
inline float mulsign(float x, float y) { return std::copysign(1.0f, y) * x; }
inline F2 add2_f2f2(F2 x, F2 y) {  // any order
  const float s = x.x + y.x, v = s - x.x;
  return {s, ((x.x - (s - v)) + (y.x - v)) + (x.y + y.y)};
}
inline F2 neg_f2(F2 x) { return {-x.x, -x.y}; }
inline F2 rec_f2(F2 d) {  // 1 / d
  const float s = 1.0f / d.x;
  return {s, s * fmaf_(-d.y, s, fmaf_(-d.x, s, 1.0f))};
}
inline F2 f2_of(double d) { return {float(d), float(d - double(float(d)))}; }  // SLEEF's vcast_vf2_d

// SLEEF's integer helpers: the biased exponent of x minus 127 (x normal), x * 2^e by adding e to
// the exponent bits (vldexp3), 2^q (vpow2i) and x * 2^q in two factors (vldexp2).
inline int ilogb2k(float x) { return int((float_to_bits(x) >> 23) & 0xff) - 0x7f; }
inline float ldexp3(float x, int e) { return bits_to_float(float_to_bits(x) + (uint32_t(e) << 23)); }
inline float pow2i(int q) { return bits_to_float(uint32_t(q + 0x7f) << 23); }
inline float ldexp2(float x, int q) { return x * pow2i(q >> 1) * pow2i(q - (q >> 1)); }
// An int from an integral-valued float/double as x86's cvt instructions give it (SLEEF's vector
// code): INT_MIN for NaN and out-of-range values, where a C++ cast would be undefined.
inline int cvt_i(double x) { return x >= -2147483648.0 && x < 2147483648.0 ? int(x) : INT32_MIN; }
inline int rint_i(float x) { return cvt_i(std::nearbyint(x)); }  // vrint_vi2_vf (to even)

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
  const int q = cvt_i(u);
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
  const int q = cvt_i(dq);
  F2 s = add2_ff(d, dq * (-kPiA * 0.5f));
  s = add2_f2f(s, dq * (-kPiB * 0.5f));
  s = add2_f2f(s, dq * (-kPiC * 0.5f));
  const float r = sin_poly(s);
  return (q & 2) == 0 ? -r : r;
}

float sleef_logf(float d) {
  const bool sub = d < 1.17549435e-38f;  // FLT_MIN: scaled by 2^64 first
  const float a = sub ? d * 18446744073709551616.0f : d;
  int e = int((float_to_bits(a * (1.0f / 0.75f)) >> 23) & 0xff) - 0x7f;
  const float m = ldexp3(a, -e);
  if (sub) e -= 64;
  F2 s = mul_f2f({0.69314718246459960938f, -1.904654323148236017e-09f}, float(e));
  const F2 x = div_f2f2(add2_ff(-1.0f, m), add2_ff(1.0f, m));
  const float x2 = x.x * x.x;
  float t = 0.3027294874f;
  t = fmaf_(t, x2, 0.3996108174f);
  t = fmaf_(t, x2, 0.6666694880f);
  s = add_f2f2(s, {x.x * 2.0f, x.y * 2.0f});
  s = add_f2f(s, x2 * x.x * t);
  float r = s.x + s.y;
  if (d == INFINITY) r = INFINITY;
  if (d < 0.0f || std::isnan(d)) r = NAN;
  if (d == 0.0f) r = -INFINITY;
  return r;
}

namespace {

// Branch-free so that sleef_expf_n vectorises (d out of [-104, 100] and NaN are selected at the end;
// the clamped c keeps the int conversion in range).
inline float expf_lane(float d) {
  float c = d > -104.0f ? d : -104.0f;
  c = c < 100.0f ? c : 100.0f;
  const float t = c * 1.442695040888963407359924681001892137f;
  const float qf = (t + 12582912.0f) - 12582912.0f;  // rint(t), to even (SLEEF's vrint), |t| < 2^22
  const int q = cvt_i(qf);
  float s = fmaf_(qf, -0.693145751953125f, c);
  s = fmaf_(qf, -1.428606765330187045e-06f, s);
  float u = 0.000198527617612853646278381f;
  u = fmaf_(u, s, 0.00139304355252534151077271f);
  u = fmaf_(u, s, 0.00833336077630519866943359f);
  u = fmaf_(u, s, 0.0416664853692054748535156f);
  u = fmaf_(u, s, 0.166666671633720397949219f);
  u = fmaf_(u, s, 0.5f);
  u = 1.0f + fmaf_(s * s, u, s);
  const int q1 = q >> 1;  // 2^q in two factors (SLEEF's vldexp2)
  u = u * bits_to_float(uint32_t(q1 + 0x7f) << 23) * bits_to_float(uint32_t(q - q1 + 0x7f) << 23);
  return d != d ? d : d < -104.0f ? 0.0f : d > 100.0f ? INFINITY : u;
}

}  // namespace

float sleef_expf(float d) { return expf_lane(d); }
void sleef_expf_n(const float* x, float* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i) y[i] = expf_lane(x[i]);
}

namespace {

// Sleef_expd4_u10 (Vectorized<double>::exp), one lane: the polynomial in Estrin's scheme as SLEEF's
// POLY10 with FMA. Branch-free (q is clamped so the int conversion stays in range; d out of
// [-1000, 709.78] selected at the end, NaN propagates) so that sleef_exp_n vectorises.
inline double exp_lane(double d) {
  const double c = d > -1100.0 ? (d < 1100.0 ? d : 1100.0) : -1100.0;
  const double u = std::nearbyint(c * 1.442695040888963407359924681001892137);
  const int q = cvt_i(u);
  double s = std::fma(u, -.69314718055966295651160180568695068359375, c);
  s = std::fma(u, -.28235290563031577122588448175013436025525412068e-12, s);
  const double s2 = s * s, s4 = s2 * s2, s8 = s4 * s4;
  auto mla = [](double x, double y, double z) { return std::fma(x, y, z); };
  double p = mla(s8, mla(s, +0.2081276378237164457e-8, +0.2511210703042288022e-7),
                 mla(s4, mla(s2, mla(s, +0.2755762628169491192e-6, +0.2755723402025388239e-5),
                             mla(s, +0.2480158687479686264e-4, +0.1984126989855865850e-3)),
                     mla(s2, mla(s, +0.1388888888914497797e-2, +0.8333333333314938210e-2),
                         mla(s, +0.4166666666666602598e-1, +0.1666666666666669072e+0))));
  p = std::fma(p, s, 0.5);
  p = std::fma(p, s, 1.0);
  p = std::fma(p, s, 1.0);
  const int q1 = q >> 1;  // 2^q in two factors (SLEEF's vldexp2)
  p = p * bits_to_double(uint64_t(q1 + 0x3ff) << 52) * bits_to_double(uint64_t(q - q1 + 0x3ff) << 52);
  return d != d ? d : d > 709.78271289338397 ? INFINITY : d < -1000.0 ? 0.0 : p;
}

}  // namespace

double sleef_exp(double d) { return exp_lane(d); }
void sleef_exp_n(const double* x, double* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i) y[i] = exp_lane(x[i]);
}

// Sleef_logd4_u10 (SLEEF's xlog_u1 with FMA): log(m) + e log(2) in double-double, d = m 2^e with
// m in [0.75, 1.5), the polynomial in Estrin's scheme as SLEEF's POLY7.
double sleef_log(double d) {
  struct D2 {
    double x, y;
  };
  const bool sub = d < 2.2250738585072014e-308;  // DBL_MIN: scaled by 2^64 first
  const double a = sub ? d * 18446744073709551616.0 : d;
  uint64_t bits;
  std::memcpy(&bits, &a, 8);
  const double a43 = a * (1.0 / 0.75);
  uint64_t b43;
  std::memcpy(&b43, &a43, 8);
  int e = int((b43 >> 52) & 0x7ff) - 0x3ff;
  const double m = bits_to_double(bits - (uint64_t(int64_t(e)) << 52));
  if (sub) e -= 64;
  const double ef = double(e);
  const double sx = 0.693147180559945286226764 * ef;  // ddmul_vd2_vd2_vd
  D2 s = {sx, std::fma(2.319046813846299558417771e-17, ef, std::fma(0.693147180559945286226764, ef, -sx))};
  auto add2 = [](double x, double y) {  // ddadd2_vd2_vd_vd
    const double r = x + y, v = r - x;
    return D2{r, (x - (r - v)) + (y - v)};
  };
  const D2 n = add2(-1.0, m), q = add2(1.0, m);
  const double t0 = 1.0 / q.x, xs = n.x * t0;  // dddiv_vd2_vd2_vd2
  const double u0 = std::fma(t0, n.x, -xs), v0 = std::fma(-q.y, t0, std::fma(-q.x, t0, 1.0));
  const D2 x = {xs, std::fma(xs, v0, std::fma(n.y, t0, u0))};
  const double x2 = x.x * x.x, x4 = x2 * x2, x8 = x4 * x4;
  const double t = std::fma(x8, std::fma(x4, 0.1532076988502701353e+0, std::fma(x2, 0.1525629051003428716e+0, 0.1818605932937785996e+0)),
                            std::fma(x4, std::fma(x2, 0.2222214519839380009e+0, 0.2857142932794299317e+0),
                                     std::fma(x2, 0.3999999999635251990e+0, 0.6666666666667333541e+0)));
  double r = s.x + x.x * 2.0;  // ddadd_vd2_vd2_vd2(s, 2x)
  s = {r, (((s.x - r) + x.x * 2.0) + s.y) + x.y * 2.0};
  const double w = x2 * x.x * t;  // ddadd_vd2_vd2_vd
  r = s.x + w;
  s = {r, ((s.x - r) + w) + s.y};
  r = s.x + s.y;
  if (d == INFINITY) r = INFINITY;
  if (d < 0.0 || d != d) r = NAN;
  if (d == 0.0) r = -INFINITY;
  return r;
}

namespace {

// SLEEF's atan2kf_u1: atan2(y, x) in double-float.
F2 atan2k(F2 y, F2 x) {
  int q = x.x < 0 ? -2 : 0;
  if (x.x < 0) x = {-x.x, -x.y};
  const bool p = x.x < y.x;
  if (p) ++q;
  F2 s = p ? F2{-x.x, -x.y} : y, t = p ? y : x;
  s = div_f2f2(s, t);
  t = normalize_f2(sqr_f2(s));
  float u = -0.00176397908944636583328247f;
  u = fmaf_(u, t.x, 0.0107900900766253471374512f);
  u = fmaf_(u, t.x, -0.0309564601629972457885742f);
  u = fmaf_(u, t.x, 0.0577365085482597351074219f);
  u = fmaf_(u, t.x, -0.0838950723409652709960938f);
  u = fmaf_(u, t.x, 0.109463557600975036621094f);
  u = fmaf_(u, t.x, -0.142626821994781494140625f);
  u = fmaf_(u, t.x, 0.199983194470405578613281f);
  t = mul_f2f2(t, add_ff(-0.333332866430282592773438f, u * t.x));
  t = mul_f2f2(s, add_ff2(1.0f, t));
  return add_f2f2(mul_f2f({1.5707963705062866211f, -4.3711388286737928865e-08f}, float(q)), t);
}

// The common part of SLEEF's asinf_u1 / acosf_u1: x (|d| or sqrt((1 - |d|) / 2)) and the
// polynomial's u.
struct AsinParts {
  bool small;
  F2 x;
  float u;
};
AsinParts asin_parts(float d) {
  const float a = std::fabs(d);
  const bool o = a < 0.5f;
  const float x2 = o ? d * d : (1.0f - a) * 0.5f;
  F2 x = o ? F2{a, 0.0f} : sqrt_f2(x2);
  if (a == 1.0f) x = {0.0f, 0.0f};
  float u = 0.4197454825e-1f;
  u = fmaf_(u, x2, 0.2424046025e-1f);
  u = fmaf_(u, x2, 0.4547423869e-1f);
  u = fmaf_(u, x2, 0.7495029271e-1f);
  u = fmaf_(u, x2, 0.1666677296e+0f);
  return {o, x, u * (x2 * x.x)};
}

}  // namespace

namespace {

// tan(t) for the reduced argument t (|t| <= pi/4) in double-float; odd: -1 / tan(-t) (x = t + q pi/2,
// q odd: SLEEF passes -t).
float tan_poly(F2 t, bool odd) {
  const F2 s = normalize_f2(sqr_f2(t));
  float u = 0.00446636462584137916564941f;
  u = fmaf_(u, s.x, -8.3920182078145444393158e-05f);
  u = fmaf_(u, s.x, 0.0109639242291450500488281f);
  u = fmaf_(u, s.x, 0.0212360303848981857299805f);
  u = fmaf_(u, s.x, 0.0540687143802642822265625f);
  F2 x = add_ff(0.133325666189193725585938f, u * s.x);
  x = add_ff2(1.0f, mul_f2f2(add_ff2(0.33333361148834228515625f, mul_f2f2(s, x)), s));
  x = mul_f2f2(t, x);
  if (odd) {  // SLEEF's dfrec
    const float r = 1.0f / x.x;
    x = {r, r * fmaf_(-x.y, r, fmaf_(-x.x, r, 1.0f))};
  }
  return x.x + x.y;
}

}  // namespace

float sleef_tanf(float d, bool large) {
  if (d == 0.0f) return d;
  if (large || sleef_trig_large(d)) {  // t from the double sine and cosine, as sin_large
    if (!std::isfinite(d)) return NAN;
    const double s = std::sin(double(d)), c = std::cos(double(d));
    const bool odd = std::fabs(s) > std::fabs(c);
    const double t = odd ? (s < 0 ? std::atan2(-c, -s) : std::atan2(c, s)) : (c < 0 ? std::atan2(-s, -c) : std::atan2(s, c));
    const float hi = float(t);
    return tan_poly({hi, float(t - double(hi))}, odd);
  }
  const float u = std::nearbyint(d * float(2 * 0.318309886183790671537767526745028724));
  const int q = cvt_i(u);
  const float v = fmaf_(u, -kPiA * 0.5f, d);
  F2 s = add2_ff(v, u * (-kPiB * 0.5f));
  s = add_f2f(s, u * (-kPiC * 0.5f));
  if (q & 1) s = {-s.x, -s.y};
  return tan_poly(s, q & 1);
}

float sleef_atanf(float d) {
  const F2 t = atan2k({std::fabs(d), 0.0f}, {1.0f, 0.0f});
  float r = t.x + t.y;
  if (std::isinf(d)) r = 1.570796326794896557998982f;
  return mulsign(r, d);
}

float sleef_asinf(float d) {
  const AsinParts p = asin_parts(d);
  const F2 y = sub_f2f(sub_f2f2({3.1415927410125732422f / 4, -8.7422776573475857731e-08f / 4}, p.x), p.u);
  const float r = p.small ? p.u + p.x.x : (y.x + y.y) * 2.0f;
  return mulsign(r, d);
}

float sleef_acosf(float d) {
  const AsinParts p = asin_parts(d);
  F2 y = sub_f2f2({3.1415927410125732422f / 2, -8.7422776573475857731e-08f / 2},
                  add_ff(mulsign(p.x.x, d), mulsign(p.u, d)));
  const F2 x = add_f2f(p.x, p.u);
  if (!p.small) y = {x.x * 2.0f, x.y * 2.0f};
  if (!p.small && d < 0) y = sub_f2f2({3.1415927410125732422f, -8.7422776573475857731e-08f}, y);
  return y.x + y.y;
}


namespace {

// SLEEF's expk2f: e^d in double-float (d.x >= -104 else 0).
F2 expk2(F2 d) {
  const int q = rint_i((d.x + d.y) * 1.442695040888963407359924681001892137f);
  F2 s = add2_f2f(d, float(q) * -0.693145751953125f);
  s = add2_f2f(s, float(q) * -1.428606765330187045e-06f);
  float u = 0.1980960224e-3f;
  u = fmaf_(u, s.x, 0.1394256484e-2f);
  u = fmaf_(u, s.x, 0.8333456703e-2f);
  u = fmaf_(u, s.x, 0.4166637361e-1f);
  F2 t = add2_f2f(mul_f2f(s, u), 0.166666659414234244790680580464e+0f);
  t = add2_f2f(mul_f2f2(s, t), 0.5f);
  t = add2_f2f2(s, mul_f2f2(sqr_f2(s), t));
  t = add_ff2(1.0f, t);
  if (d.x < -104.0f) return {0.0f, 0.0f};
  return {ldexp2(t.x, q), ldexp2(t.y, q)};
}

// The argument reduction of SLEEF's log10f / log2f: d = m 2^e with m in [0.75, 1.5), and
// x = (m - 1) / (m + 1) in double-float.
struct LogParts {
  int e;
  F2 x;
};
LogParts log_parts(float d) {
  const bool sub = d < 1.17549435e-38f;  // FLT_MIN: scaled by 2^64 first
  if (sub) d *= 18446744073709551616.0f;
  int e = ilogb2k(d * float(1.0 / 0.75));
  const float m = ldexp3(d, -e);
  if (sub) e -= 64;
  return {e, div_f2f2(add2_ff(-1.0f, m), add2_ff(1.0f, m))};
}
float log_special(float d, float r) {
  if (d == INFINITY) r = INFINITY;
  if (d < 0.0f || std::isnan(d)) r = NAN;
  if (d == 0.0f) r = -INFINITY;
  return r;
}

}  // namespace

float sleef_log10f(float d) {
  const LogParts p = log_parts(d);
  const F2 x = p.x;
  const float x2 = x.x * x.x;
  float t = 0.1314289868f;
  t = fmaf_(t, x2, 0.1735493541f);
  t = fmaf_(t, x2, 0.2895309627f);
  F2 s = mul_f2f({0.30103001f, -1.432098889e-08f}, float(p.e));
  s = add_f2f2(s, mul_f2f2(x, {0.868588984f, -2.170757285e-08f}));
  s = add_f2f(s, x2 * x.x * t);
  return log_special(d, s.x + s.y);
}

float sleef_log2f(float d) {
  const LogParts p = log_parts(d);
  const F2 x = p.x;
  const float x2 = x.x * x.x;
  float t = 0.4374550283f;
  t = fmaf_(t, x2, 0.5764790177f);
  t = fmaf_(t, x2, 0.9618012905f);
  F2 s = add2_ff2(float(p.e), mul_f2f2(x, {2.8853900432586669922f, 3.2734474483568488616e-08f}));
  s = add2_f2f(s, x2 * x.x * t);
  return log_special(d, s.x + s.y);
}

float sleef_log1pf(float d) {
  float dp1 = d + 1.0f;
  const bool sub = dp1 < 1.17549435e-38f;
  if (sub) dp1 *= 18446744073709551616.0f;
  int e = ilogb2k(dp1 * (1.0f / 0.75f));
  const float t0 = ldexp3(1.0f, -e);
  const float m = fmaf_(d, t0, t0 - 1.0f);
  if (sub) e -= 64;
  F2 s = mul_f2f({0.69314718246459960938f, -1.904654323148236017e-09f}, float(e));
  const F2 x = div_f2f2({m, 0.0f}, add_ff(2.0f, m));
  const float x2 = x.x * x.x;
  float t = 0.3027294874f;
  t = fmaf_(t, x2, 0.3996108174f);
  t = fmaf_(t, x2, 0.6666694880f);
  s = add_f2f2(s, {x.x * 2.0f, x.y * 2.0f});
  s = add_f2f(s, x2 * x.x * t);
  float r = s.x + s.y;
  if (d > 1e38f) r = INFINITY;
  if (d < -1.0f) r = NAN;
  if (d == -1.0f) r = -INFINITY;
  if (d == 0.0f) r = d;  // keeps -0.0
  return r;
}

float sleef_expm1f(float a) {
  const F2 d = add2_f2f(expk2({a, 0.0f}), -1.0f);
  float x = d.x + d.y;
  if (a > 88.72283172607421875f) x = INFINITY;
  if (a < -16.635532333438687426013570f) x = -1.0f;
  if (a == 0.0f) x = a;  // keeps -0.0
  return x;
}

float sleef_erff(float s) {
  const float a = std::fabs(s);
  const bool o0 = a < 1.1f, o1 = a < 2.4f, o2 = a < 4.0f;
  const float u = o0 ? a * a : a;
  auto sel = [&](double c0, double c1, double c2) { return o0 ? c0 : o1 ? c1 : c2; };
  float t = float(sel(+0.7089292194e-4f, -0.1792667899e-4f, -0.9495757695e-5f));
  t = fmaf_(t, u, float(sel(-0.7768311189e-3f, +0.3937633010e-3f, +0.2481465926e-3f)));
  t = fmaf_(t, u, float(sel(+0.5159463733e-2f, -0.3949181177e-2f, -0.2918176819e-2f)));
  t = fmaf_(t, u, float(sel(-0.2683781274e-1f, +0.2445474640e-1f, +0.2059706673e-1f)));
  t = fmaf_(t, u, float(sel(+0.1128318012e+0f, -0.1070996150e+0f, -0.9901899844e-1f)));
  F2 d = mul_ff(t, u);
  d = add2_f2f2(d, f2_of(sel(-0.376125876000657465175213237214e+0, -0.634588905908410389971210809210e+0,
                             -0.643598050547891613081201721633e+0)));
  d = mul_f2f(d, u);
  d = add2_f2f2(d, f2_of(sel(+0.112837916021059138255978217023e+1, -0.112879855826694507209862753992e+1,
                             -0.112461487742845562801052956293e+1)));
  d = mul_f2f(d, a);
  if (!o0) d = add_ff2(1.0f, neg_f2(expk2(d)));
  const float r = mulsign(o2 ? d.x + d.y : 1.0f, s);
  return std::isnan(a) ? NAN : r;
}

// Sleef_erfcf8_u15 (PyTorch 1.13's Vectorized<float>::erfc): four polynomial ranges, then
// e^(-x^2 + d) (|x| < 2.2) or e^(-x + d(1/x)) / x in double-float.
float sleef_erfcf(float s) {
  const float a = std::fabs(s);
  const bool o0 = a < 1.0f, o1 = a < 2.2f, o2 = a < 4.3f, o3 = a < 10.1f;
  const F2 u = o1 ? F2{a, 0.0f} : div_f2f2({1.0f, 0.0f}, {a, 0.0f});
  auto sel = [&](double c0, double c1, double c2, double c3) { return o0 ? c0 : o1 ? c1 : o2 ? c2 : c3; };
  float t = float(sel(-0.8638041618e-4f, -0.6236977242e-5f, -0.3869504035e+0f, +0.1115344167e+1f));
  t = fmaf_(t, u.x, float(sel(+0.6000166177e-3f, +0.5749821503e-4f, +0.1288077235e+1f, -0.9454904199e+0f)));
  t = fmaf_(t, u.x, float(sel(-0.1665703603e-2f, +0.6002851478e-5f, -0.1816803217e+1f, -0.3667259514e+0f)));
  t = fmaf_(t, u.x, float(sel(+0.1795156277e-3f, -0.2851036377e-2f, +0.1249150872e+1f, +0.7155663371e+0f)));
  t = fmaf_(t, u.x, float(sel(+0.1914106123e-1f, +0.2260518074e-1f, -0.1328857988e+0f, -0.1262947265e-1f)));
  F2 d = mul_f2f(u, t);
  d = add2_f2f2(d, f2_of(sel(-0.102775359343930288081655368891e+0, -0.105247583459338632253369014063e+0,
                             -0.482365310333045318680618892669e+0, -0.498961546254537647970305302739e+0)));
  d = mul_f2f2(d, u);
  d = add2_f2f2(d, f2_of(sel(-0.636619483208481931303752546439e+0, -0.635609463574589034216723775292e+0,
                             -0.134450203224533979217859332703e-2, -0.471199543422848492080722832666e-4)));
  d = mul_f2f2(d, u);
  d = add2_f2f2(d, f2_of(sel(-0.112837917790537404939545770596e+1, -0.112855987376668622084547028949e+1,
                             -0.572319781150472949561786101080e+0, -0.572364030327966044425932623525e+0)));
  F2 x = mul_f2f(o1 ? d : F2{-a, 0.0f}, a);
  if (!o1) x = add2_f2f2(x, d);
  x = expk2(x);
  if (!o1) x = mul_f2f2(x, u);
  float r = o3 ? x.x + x.y : 0.0f;
  if (std::signbit(s)) r = 2.0f - r;
  return std::isnan(s) ? NAN : r;
}

float sleef_coshf(float x) {
  const float y = std::fabs(x);
  F2 d = expk2({y, 0.0f});
  d = add_f2f2(d, rec_f2(d));
  const float r = (d.x + d.y) * 0.5f;
  return std::isnan(x) ? x : y > 89.0f || std::isnan(r) ? INFINITY : r;
}

float sleef_sinhf(float x) {
  const float y = std::fabs(x);
  F2 d = expk2({y, 0.0f});
  d = sub_f2f2(d, rec_f2(d));
  float r = (d.x + d.y) * 0.5f;
  if (y > 89.0f || std::isnan(r)) r = INFINITY;
  return std::isnan(x) ? x : mulsign(r, x);
}

// SLEEF's xtanhf: (e^|x| - e^-|x|) / (e^|x| + e^-|x|) in double-float; 1 above 8.664339742.
float sleef_tanhf(float x) {
  const float a = std::fabs(x);
  F2 d = expk2({a, 0.0f});
  const F2 e = rec_f2(d);
  d = div_f2f2(add_f2f2(d, neg_f2(e)), add_f2f2(d, e));
  float y = d.x + d.y;
  if (a > 8.664339742f || std::isnan(y)) y = 1.0f;
  y = mulsign(y, x);
  return std::isnan(x) ? x : y;
}

namespace {

// Double-double arithmetic (value = x + y), as SLEEF 3.5's dd.h with FMA.
struct D2 {
  double x, y;
};
inline D2 dd_add2(D2 x, double y) {  // ddadd2_vd2_vd2_vd
  const double s = x.x + y, v = s - x.x;
  return {s, ((x.x - (s - v)) + (y - v)) + x.y};
}
inline D2 dd_add2(D2 x, D2 y) {  // ddadd2_vd2_vd2_vd2
  const double s = x.x + y.x, v = s - x.x;
  return {s, ((x.x - (s - v)) + (y.x - v)) + (x.y + y.y)};
}
inline D2 dd_add(double x, D2 y) {  // ddadd_vd2_vd_vd2, |x| >= |y|
  const double s = x + y.x;
  return {s, ((x - s) + y.x) + y.y};
}
inline D2 dd_add(D2 x, D2 y) {  // ddadd_vd2_vd2_vd2, |x| >= |y|
  const double s = x.x + y.x;
  return {s, (((x.x - s) + y.x) + x.y) + y.y};
}
inline D2 dd_mul(D2 x, double y) {  // ddmul_vd2_vd2_vd
  const double s = x.x * y;
  return {s, std::fma(x.y, y, std::fma(x.x, y, -s))};
}
inline D2 dd_mul(D2 x, D2 y) {  // ddmul_vd2_vd2_vd2
  const double s = x.x * y.x;
  return {s, std::fma(x.x, y.y, std::fma(x.y, y.x, std::fma(x.x, y.x, -s)))};
}
inline D2 dd_squ(D2 x) {  // ddsqu_vd2_vd2
  const double s = x.x * x.x;
  return {s, std::fma(x.x + x.x, x.y, std::fma(x.x, x.x, -s))};
}
inline D2 dd_rec(D2 d) {  // ddrec_vd2_vd2
  const double s = 1.0 / d.x;
  return {s, s * std::fma(-d.y, s, std::fma(-d.x, s, 1.0))};
}
inline D2 dd_div(D2 n, D2 d) {  // dddiv_vd2_vd2_vd2
  const double t = 1.0 / d.x, s = n.x * t;
  const double u = std::fma(t, n.x, -s), v = std::fma(-d.y, t, std::fma(-d.x, t, 1.0));
  return {s, std::fma(s, v, std::fma(n.y, t, u))};
}
inline double ldexp2d(double x, int q) {  // vldexp2_vd_vd_vi
  const int q1 = q >> 1;
  return x * bits_to_double(uint64_t(q1 + 0x3ff) << 52) * bits_to_double(uint64_t(q - q1 + 0x3ff) << 52);
}

// SLEEF 3.5's expk2 (double): e^d in double-double, the polynomial in Estrin's scheme (POLY10).
// d.x in [-36.8, 710) here (larger and smaller ones are selected away by the callers).
D2 expk2d(D2 d) {
  const double u0 = (d.x + d.y) * 1.442695040888963407359924681001892137;
  const double dq = std::nearbyint(u0);
  const int q = cvt_i(dq);
  D2 s = dd_add2(d, dq * -.69314718055966295651160180568695068359375);
  s = dd_add2(s, dq * -.28235290563031577122588448175013436025525412068e-12);
  const D2 s2 = dd_squ(s), s4 = dd_squ(s2);
  const double s8 = s4.x * s4.x, x = s.x, x2 = s2.x, x4 = s4.x;
  auto mla = [](double a, double b, double c) { return std::fma(a, b, c); };
  const double u = mla(s8, mla(x, +0.1602472219709932072e-9, +0.2092255183563157007e-8),
                       mla(x4, mla(x2, mla(x, +0.2505230023782644465e-7, +0.2755724800902135303e-6),
                                   mla(x, +0.2755731892386044373e-5, +0.2480158735605815065e-4)),
                           mla(x2, mla(x, +0.1984126984148071858e-3, +0.1388888888886763255e-2),
                               mla(x, +0.8333333333333347095e-2, +0.4166666666666669905e-1))));
  D2 t = dd_add(0.5, dd_mul(s, +0.1666666666666666574e+0));
  t = dd_add(1.0, dd_mul(t, s));
  t = dd_add(1.0, dd_mul(t, s));
  t = dd_add(t, dd_mul(s4, u));
  return {ldexp2d(t.x, q), ldexp2d(t.y, q)};
}

}  // namespace

double sleef_tanh(double x) {
  const double a = std::fabs(x);
  if (!(a <= 18.714973875)) return std::isnan(x) ? x : std::copysign(1.0, x);
  D2 d = expk2d({a, 0.0});
  const D2 e = dd_rec(d);
  d = dd_div(dd_add2(d, D2{-e.x, -e.y}), dd_add2(d, e));
  double y = d.x + d.y;
  if (std::isnan(y)) y = 1.0;
  return std::copysign(1.0, x) * y;
}

double sleef_expm1(double a) {
  if (std::isnan(a)) return a;
  if (a > 709.782712893383996732223) return INFINITY;
  if (a < -36.736800569677101399113302437) return -1.0;
  if (a == 0.0) return a;  // keeps -0.0 (+0.0 gives (1 + 0) - 1 = +0.0 too)
  const D2 d = dd_add2(expk2d({a, 0.0}), -1.0);
  return d.x + d.y;
}

// SLEEF 3.5's xlog1p (double): log(1 + d) = e log 2 + 2 atanh(m / (2 + m)) in double-double,
// 1 + d = (1 + m) 2^e, the polynomial in Estrin's scheme (POLY7).
double sleef_log1p(double d) {
  double dp1 = d + 1.0;
  const bool sub = dp1 < 2.2250738585072014e-308;
  if (sub) dp1 *= 18446744073709551616.0;
  const double s43 = dp1 * (1.0 / 0.75);
  uint64_t b43;
  std::memcpy(&b43, &s43, 8);
  int e = int((b43 >> 52) & 0x7ff) - 0x3ff;  // vilogb2k
  const double t0 = bits_to_double(uint64_t(int64_t(0x3ff - e)) << 52);  // vldexp3(1, -e)
  const double m = std::fma(d, t0, t0 - 1.0);
  if (sub) e -= 64;
  const double ef = double(e);
  D2 s = {0.693147180559945286226764 * ef, 0.0};
  s.y = std::fma(2.319046813846299558417771e-17, ef, std::fma(0.693147180559945286226764, ef, -s.x));
  const double q = 2.0 + m;  // ddadd_vd2_vd_vd(2, m)
  const D2 den = {q, (2.0 - q) + m};
  const D2 x = dd_div({m, 0.0}, den);
  const double x2 = x.x * x.x, x4 = x2 * x2, x8 = x4 * x4;
  const double t = std::fma(x8, std::fma(x4, 0.1532076988502701353e+0, std::fma(x2, 0.1525629051003428716e+0, 0.1818605932937785996e+0)),
                            std::fma(x4, std::fma(x2, 0.2222214519839380009e+0, 0.2857142932794299317e+0),
                                     std::fma(x2, 0.3999999999635251990e+0, 0.6666666666667333541e+0)));
  s = dd_add(s, D2{x.x * 2.0, x.y * 2.0});
  const double w = x2 * x.x * t;  // ddadd_vd2_vd2_vd
  const double r0 = s.x + w;
  s = {r0, ((s.x - r0) + w) + s.y};
  double r = s.x + s.y;
  if (d > 1e307) r = INFINITY;
  if (d < -1.0 || std::isnan(d)) r = NAN;
  if (d == -1.0) r = -INFINITY;
  if (d == 0.0 && std::signbit(d)) r = -0.0;
  return r;
}

// ---- oneDNN 2.6's AVX2 eltwise injector (jit_uni_eltwise_injector_f32), one lane at a time ----

namespace {

// exp_compute_vector_fwd: 2 * 2^(n-1) * p(r), n = floor(x log2(e) + 0.5), r = x - n ln 2; 0 below
// log(FLT_MIN).
float onednn_exp(float x) {
  const float lo = bits_to_float(0xc2aeac50u), hi = bits_to_float(0x42b17218u);
  const bool zero = x < lo;
  float v = x < hi ? x : hi;  // vminps / vmaxps: NaN takes the bound
  v = v > lo ? v : lo;
  float fx = std::floor(v * bits_to_float(0x3fb8aa3bu) + 0.5f);
  const float r = fmaf_(-fx, bits_to_float(0x3f317218u), v);
  fx = fx - 1.0f;
  const float p2 = zero ? 0.0f : bits_to_float(uint32_t(cvt_i(fx) + 127) << 23);
  float y = bits_to_float(0x3c07cfceu);
  y = fmaf_(y, r, bits_to_float(0x3d2b9d0du));
  y = fmaf_(y, r, bits_to_float(0x3e2aad40u));
  y = fmaf_(y, r, bits_to_float(0x3efffee3u));
  y = fmaf_(y, r, bits_to_float(0x3f7ffffbu));
  y = fmaf_(y, r, 1.0f);
  return y * p2 * 2.0f;
}

}  // namespace

namespace {

// erf(x) ~ 1 - t p(t) e^(-x^2), t = 1 / (1 + 0.3275911 |x|) (Abramowitz and Stegun 7.1.26), from
// q = -e^(-x^2) as the injector computes it.
float onednn_erf(float x, float q) {
  const float t = 1.0f / fmaf_(bits_to_float(0x3ea7ba05u), std::fabs(x), 1.0f);
  float r = bits_to_float(0x3f87dc22u);
  r = fmaf_(r, t, bits_to_float(0xbfba00e3u));
  r = fmaf_(r, t, bits_to_float(0x3fb5f0e3u));
  r = fmaf_(r, t, bits_to_float(0xbe91a98eu));
  r = fmaf_(r, t, bits_to_float(0x3e827906u));
  return bits_to_float(float_to_bits(fmaf_(q * t, r, 1.0f)) ^ (float_to_bits(x) & 0x80000000u));
}

}  // namespace

float onednn_gelu_erf(float s) {
  const float x = s * bits_to_float(0x3f3504f3u);  // s / sqrt(2)
  const float erf = onednn_erf(x, -onednn_exp(-(x * x)));
  const float half = s * 0.5f;  // (0.5 s, not x / sqrt 2 again: checked against PyTorch on 1e6 inputs)
  return fmaf_(erf, half, half);
}

float onednn_gelu_erf_grad(float s) {  // gelu_erf_compute_vector_bwd: 0.5 + x e^(-x^2) / sqrt(pi) + erf(x) / 2
  const float x = s * bits_to_float(0x3f3504f3u);
  const float q = onednn_exp(-(x * x));
  const float t = x * bits_to_float(0x3f106ebau) * q;  // 1 / sqrt(pi)
  return fmaf_(onednn_erf(x, -q), 0.5f, t + 0.5f);
}

}  // namespace tl::kernels
