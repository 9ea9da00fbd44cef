// float32 math as PyTorch 1.13's CPU kernels compute it in AVX2 vector lanes: SLEEF's u10
// functions (Sleef_cosf8_u10, ...; aten/src/ATen/cpu/vec/vec256/vec256_float.h), which differ from
// glibc's correctly rounded float functions in the last bit on some inputs (cos(1.0f) is
// 0.54030234 there, 0.54030228 in glibc). Out of line (sleef_math.cpp is compiled with
// -ffp-contract=off, so only the fused multiply-adds SLEEF's AVX2 build makes are fused).
#pragma once
#include <cmath>

namespace tl::kernels {

// Whether SLEEF's sinf / cosf take their large-argument path for x (|x| >= 125, inf, NaN).
inline bool sleef_trig_large(float x) { return !(std::fabs(x) < 125.0f); }
// large: the argument reduction SLEEF uses for |x| >= 125 (and inf / NaN), also taken by the
// other lanes of a vector holding such an x.
float sleef_cosf(float x, bool large = false);
float sleef_sinf(float x, bool large = false);

}  // namespace tl::kernels
