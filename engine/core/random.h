// The random number generator: a bit-for-bit copy of PyTorch's CPU generator (CPUGeneratorImpl,
// PyTorch 1.13), so that `torch.manual_seed(s)` followed by rand/randn/randint/randperm/uniform_/
// normal_/bernoulli_ gives PyTorch's numbers exactly.
//
// What PyTorch does, and so what this does:
//  - the engine is a 32-bit Mersenne Twister (at::mt19937) seeded with init_genrand on the low 32
//    bits of the 64-bit seed: identical to std::mt19937(uint32_t(seed)). The default seed is
//    67280421310721.
//  - random() is one 32-bit draw; random64() is two, the first one the high word.
//  - uniform float32: 24 low bits of random() * 2^-24, then x * (to - from) + from in float;
//    uniform float64: 53 low bits of random64() * 2^-53, then the same in double.
//  - normal, scalar path (fewer than 16 elements, or a non-contiguous target, any dtype): Box-Muller
//    in double on two uniform doubles; the second value (r * sin) is cached in the generator and
//    returned by the next scalar normal draw. manual_seed clears the cache.
//  - normal, vectorized path (16 or more contiguous elements): all n uniforms are drawn first, then
//    transformed 16 at a time (u[j] with u[j + 8]); when n % 16 != 0 the last 16 uniforms are drawn
//    again and the last 16 outputs recomputed. float32 uses PyTorch's AVX2 kernel (avx_mathfun's
//    log256_ps / sincos256_ps, reproduced here lane by lane with the same fused multiply-adds that
//    GCC 12 emits for it), float64 uses std::log/cos/sin in double.
//  - randint: random() % range + low, or random64() when range >= 2^32.
//  - randperm: in-place Fisher-Yates with random() % (n - i) (n < 2^32 / 20), else the
//    "inside-out" variant with random64().
//  - bernoulli with a scalar p: a uniform double (random64) < p. With a tensor of probabilities:
//    a uniform of the probability's dtype < p.
//
// Everything is plain IEEE float/double arithmetic plus std::fma, std::sqrt, std::log, std::sin and
// std::cos in double (the last three only in the float64 / scalar paths, as in PyTorch), so the
// same numbers come out natively and in wasm.
#pragma once
#include <cstdint>
#include <optional>
#include <random>

namespace tl {

constexpr uint64_t kDefaultRngSeed = 67280421310721ULL;

class Generator {
 public:
  explicit Generator(uint64_t seed = kDefaultRngSeed) { manual_seed(seed); }

  // Reseeds and clears the cached normal sample (PyTorch's set_current_seed).
  void manual_seed(uint64_t seed);
  uint64_t initial_seed() const { return seed_; }

  uint32_t random() { return uint32_t(engine_()); }
  uint64_t random64() {
    const uint64_t hi = random();
    const uint64_t lo = random();
    return (hi << 32) | lo;
  }

  // ---- distributions (each is one element of PyTorch's corresponding kernel) ----
  float uniform_float(float from, float to);       // at::uniform_real_distribution<float>
  double uniform_double(double from, double to);   // at::uniform_real_distribution<double>
  double normal_double(double mean, double std);   // at::normal_distribution<double> (caches)
  bool bernoulli_double(double p) { return uniform_double(0, 1) < p; }
  bool bernoulli_float(float p) { return uniform_float(0, 1) < p; }
  int64_t uniform_int_from_to(uint64_t range, int64_t base);  // random_(from, to)

  // ---- whole-buffer kernels (contiguous buffers, filled front to back) ----
  void fill_uniform(float* p, int64_t n, double from, double to);
  void fill_uniform(double* p, int64_t n, double from, double to);
  // `vectorized`: PyTorch's choice for a target of n >= 16 contiguous elements. When false, the
  // scalar (cached) Box-Muller path is used for every element.
  void fill_normal(float* p, int64_t n, double mean, double std, bool vectorized);
  void fill_normal(double* p, int64_t n, double mean, double std, bool vectorized);
  void fill_randperm(int64_t* p, int64_t n);

  // The cached second Box-Muller value of the scalar path (PyTorch's next_double_normal_sample).
  std::optional<double> next_double_normal_sample;

 private:
  uint64_t seed_ = kDefaultRngSeed;
  std::mt19937 engine_;
};

// The process-wide default generator (torch.default_generator). Copy it to save the state and
// assign it back to restore it.
Generator& default_generator();

}  // namespace tl
