// float32 math as PyTorch 1.13's CPU kernels compute it in AVX2 vector lanes: SLEEF's u10
// functions (Sleef_cosf8_u10, ...; aten/src/ATen/cpu/vec/vec256/vec256_float.h), which differ from
// glibc's correctly rounded float functions in the last bit on some inputs (cos(1.0f) is
// 0.54030234 there, 0.54030228 in glibc). Out of line (sleef_math.cpp is compiled with
// -ffp-contract=off, so only the fused multiply-adds SLEEF's AVX2 build makes are fused).
#pragma once
#include <cmath>
#include <cstdint>

namespace tl::kernels {

// Whether SLEEF's sinf / cosf take their large-argument path for x (|x| >= 125, inf, NaN).
inline bool sleef_trig_large(float x) { return !(std::fabs(x) < 125.0f); }
// large: the argument reduction SLEEF uses for |x| >= 125 (and inf / NaN), also taken by the
// other lanes of a vector holding such an x.
float sleef_cosf(float x, bool large = false);
float sleef_sinf(float x, bool large = false);
float sleef_tanf(float x, bool large = false);  // Sleef_tanf8_u10
// Sleef_logf8_u10 (PyTorch's Vectorized<float>::log; its vml kernel runs every element through it).
float sleef_logf(float x);
float sleef_expf(float x);  // Sleef_expf8_u10 (Vectorized<float>::exp)
// Sleef_atanf8_u10, Sleef_asinf8_u10, Sleef_acosf8_u10.
float sleef_atanf(float x);
float sleef_asinf(float x);
float sleef_acosf(float x);
void sleef_expf_n(const float* x, float* y, int64_t n);  // y[i] = sleef_expf(x[i]), vectorised
// float64: Sleef_expd4_u10 (Vectorized<double>::exp), glibc's exp differs in the last bit on ~0.5% of inputs.
double sleef_exp(double x);
void sleef_exp_n(const double* x, double* y, int64_t n);
double sleef_log(double x);  // Sleef_logd4_u10 (Vectorized<double>::log)
// Sleef_log10f8_u10, Sleef_log2f8_u10, Sleef_log1pf8_u10 (inf above 1e38), Sleef_expm1f8_u10,
// Sleef_erff8_u10, Sleef_coshf8_u10, Sleef_sinhf8_u10 (inf above 89).
float sleef_log10f(float x);
float sleef_log2f(float x);
float sleef_log1pf(float x);
float sleef_expm1f(float x);
float sleef_erff(float x);
float sleef_erfcf(float x);  // Sleef_erfcf8_u15 (Vectorized<float>::erfc)
float sleef_coshf(float x);
float sleef_sinhf(float x);
float sleef_tanhf(float x);  // Sleef_tanhf8_u10 (1 above 8.66)
double sleef_tanh(double x);  // Sleef_tanhd4_u10 (1 above 18.71)
double sleef_expm1(double x);  // Sleef_expm1d4_u10
double sleef_log1p(double x);  // Sleef_log1pd4_u10 (inf above 1e307)
// F.gelu of a contiguous float32 tensor of 2+ elements as PyTorch 1.13 computes it: oneDNN's AVX2
// eltwise_gelu_erf (s/2 + s/2 erf(s / sqrt 2), erf by Abramowitz and Stegun 7.1.26 with oneDNN's exp).
float onednn_gelu_erf(float s);
float onednn_gelu_erf_grad(float s);  // its derivative (eltwise backward: grad = g * this)

}  // namespace tl::kernels
