// engine/core/cr_math: correctly rounded log/sin/cos (the wasm build's Box-Muller functions).
// The reference is the x87 long double function (64-bit significand, accurate to about an ulp of
// it, i.e. ~2^-63 relative): its value rounds to the correctly rounded double unless it lies within
// a few long-double ulps of a midpoint between two doubles; those rare inputs are skipped, counted.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <random>

#include "engine/core/cr_math.h"

namespace {

// The correctly rounded double of the long double `ref`, or nothing (false) when `ref` is too close
// to a midpoint between two doubles to decide.
bool rounded_reference(long double ref, double& out) {
  const long double ulp = std::ldexp(1.0L, std::ilogb(ref) - 63);
  const double lo = double(ref - 4 * ulp), hi = double(ref + 4 * ulp);
  out = double(ref);
  return lo == hi;
}

struct Tally {
  int checked = 0, skipped = 0;
};

template <class F, class R>
void check_correctly_rounded(const char* name, double x, F f, R ref, Tally& t) {
  double want;
  if (!rounded_reference(ref(static_cast<long double>(x)), want)) {
    ++t.skipped;
    return;
  }
  ++t.checked;
  const double got = f(x);
  if (got != want) {  // one message with the operands, then fail
    INFO(name << "(" << std::hexfloat << x << ") = " << got << ", correctly rounded " << want);
    REQUIRE(got == want);
  }
}

}  // namespace

TEST_CASE("cr_math log/sin/cos are correctly rounded on the Box-Muller inputs", "[random][cr_math]") {
  // The inputs the generator passes: log(1 - u) and sin/cos(2 pi u), u a 53-bit uniform in [0, 1).
  std::mt19937_64 g(20261126);
  const double two_pi = 2.0 * 3.14159265358979323846;
  Tally tl, ts, tc;
  for (int i = 0; i < 200000; ++i) {
    const double u = double(g() >> 11) * 0x1p-53;
    check_correctly_rounded("log", 1.0 - u, tl::crmath::log, [](long double v) { return std::log(v); }, tl);
    check_correctly_rounded("sin", two_pi * u, tl::crmath::sin, [](long double v) { return std::sin(v); }, ts);
    check_correctly_rounded("cos", two_pi * u, tl::crmath::cos, [](long double v) { return std::cos(v); }, tc);
  }
  for (const Tally* t : {&tl, &ts, &tc}) {
    CHECK(t->checked > 199000);  // skips are rare (~1 in 500)
    CHECK(t->skipped < 1000);
  }
}

TEST_CASE("cr_math on the edges of its domains", "[random][cr_math]") {
  Tally t;
  const auto log_ref = [](long double v) { return std::log(v); };
  const auto sin_ref = [](long double v) { return std::sin(v); };
  const auto cos_ref = [](long double v) { return std::cos(v); };
  // log: exact at 1, the smallest 1 - u, subnormals, the ends of the reduction interval, large x.
  CHECK(tl::crmath::log(1.0) == 0.0);
  CHECK(!std::signbit(tl::crmath::log(1.0)));
  for (double x : {0x1p-53, 0x1p-1074, 0x1.8p-1060, 0x1.6a09e667f3bcdp-1, 0x1.6a09e667f3bccp-1, 0x1.fffffffffffffp-1,
                   0x1.0000000000001p+0, 2.0, 10.0, 1e300, 0.5})
    check_correctly_rounded("log", x, tl::crmath::log, log_ref, t);
  CHECK(std::isinf(tl::crmath::log(0.0)));
  CHECK(std::isnan(tl::crmath::log(-1.0)));
  // sin/cos: 0, tiny arguments, and the doubles next to multiples of pi/2 (the hardest reductions).
  CHECK(tl::crmath::sin(0.0) == 0.0);
  CHECK(tl::crmath::cos(0.0) == 1.0);
  for (double x : {0x1p-30, 1e-8, 0.5, 0x1.921fb54442d18p+0, 0x1.921fb54442d19p+0, 0x1.921fb54442d18p+1,
                   0x1.921fb54442d19p+1, 0x1.2d97c7f3321d2p+2, 0x1.921fb54442d18p+2, 0x1.921fb54442d17p+2, -2.5,
                   7.9}) {
    check_correctly_rounded("sin", x, tl::crmath::sin, sin_ref, t);
    check_correctly_rounded("cos", x, tl::crmath::cos, cos_ref, t);
  }
  CHECK(t.checked >= 30);
}
