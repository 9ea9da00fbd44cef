#include "engine/core/cr_math.h"

#include <cmath>

// Double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi) / 2. Products are exact
// through Dekker's splitting, not std::fma: wasm has no fused multiply-add instruction (musl's
// software fma is ~50x slower), and one code path everywhere lets the native tests check the exact
// arithmetic the wasm build runs. That needs the compiler not to contract a*b+c into an fma here:
// CMakeLists.txt builds this file with -ffp-contract=off.

namespace tl::crmath {

namespace {

struct DD {
  double hi, lo;
};

inline DD two_sum(double a, double b) {
  const double s = a + b;
  const double bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}

inline DD fast_two_sum(double a, double b) {  // |a| >= |b| or a == 0
  const double s = a + b;
  return {s, b - (s - a)};
}

inline void split(double a, double& hi, double& lo) {  // Veltkamp: hi has 26 bits, lo the rest
  const double c = 134217729.0 * a;                     // 2^27 + 1
  hi = c - (c - a);
  lo = a - hi;
}

inline DD two_prod(double a, double b) {
  const double p = a * b;
  double ah, al, bh, bl;
  split(a, ah, al);
  split(b, bh, bl);
  return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

inline DD neg(DD a) { return {-a.hi, -a.lo}; }

inline DD add(DD a, DD b) {  // the accurate ("IEEE") double-double sum
  DD s = two_sum(a.hi, b.hi);
  const DD t = two_sum(a.lo, b.lo);
  s.lo += t.hi;
  s = fast_two_sum(s.hi, s.lo);
  s.lo += t.lo;
  return fast_two_sum(s.hi, s.lo);
}

inline DD mul(DD a, DD b) {
  DD p = two_prod(a.hi, b.hi);
  p.lo += a.hi * b.lo + a.lo * b.hi;
  return fast_two_sum(p.hi, p.lo);
}

inline DD mul(DD a, double b) {
  DD p = two_prod(a.hi, b);
  p.lo += a.lo * b;
  return fast_two_sum(p.hi, p.lo);
}

DD div(DD a, DD b) {  // long division, three quotient digits
  const double q1 = a.hi / b.hi;
  DD r = add(a, neg(mul(b, q1)));
  const double q2 = r.hi / b.hi;
  r = add(r, neg(mul(b, q2)));
  const double q3 = r.hi / b.hi;
  return add(fast_two_sum(q1, q2), DD{q3, 0});
}

template <int N>
DD horner(const DD (&c)[N], DD t) {  // c[0] + c[1] t + ... + c[N-1] t^(N-1)
  DD p = c[N - 1];
  for (int k = N - 2; k >= 0; --k) p = add(mul(p, t), c[k]);
  return p;
}

// Constants as exact double-double roundings (computed with 400-bit mpmath / Python fractions).
constexpr DD kLn2 = {0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56};
constexpr double kPio2[3] = {0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54, -0x1.f1976b7ed8fbcp-110};
constexpr double kTwoOverPi = 0x1.45f306dc9c883p-1;

// log(m) = 2 atanh(s) = 2 s (1 + s^2/3 + s^4/5 + ...), s = (m-1)/(m+1), |s| <= 0.1716 for m in
// [sqrt(1/2), sqrt(2)): 22 terms bring the truncation below 2^-110.
constexpr DD kAtanhCoef[22] = {
    {0x1.0000000000000p+0, 0x0.0p+0},           {0x1.5555555555555p-2, 0x1.5555555555555p-56},
    {0x1.999999999999ap-3, -0x1.999999999999ap-57}, {0x1.2492492492492p-3, 0x1.2492492492492p-57},
    {0x1.c71c71c71c71cp-4, 0x1.c71c71c71c71cp-58},  {0x1.745d1745d1746p-4, -0x1.745d1745d1746p-59},
    {0x1.3b13b13b13b14p-4, -0x1.3b13b13b13b14p-58}, {0x1.1111111111111p-4, 0x1.1111111111111p-60},
    {0x1.e1e1e1e1e1e1ep-5, 0x1.e1e1e1e1e1e1ep-61},  {0x1.af286bca1af28p-5, 0x1.af286bca1af28p-59},
    {0x1.8618618618618p-5, 0x1.8618618618618p-59},  {0x1.642c8590b2164p-5, 0x1.642c8590b2164p-60},
    {0x1.47ae147ae147bp-5, -0x1.eb851eb851eb8p-61}, {0x1.2f684bda12f68p-5, 0x1.2f684bda12f68p-59},
    {0x1.1a7b9611a7b96p-5, 0x1.1a7b9611a7b96p-61},  {0x1.0842108421084p-5, 0x1.0842108421084p-60},
    {0x1.f07c1f07c1f08p-6, -0x1.f07c1f07c1f08p-61}, {0x1.d41d41d41d41dp-6, 0x1.0750750750750p-60},
    {0x1.bacf914c1bad0p-6, -0x1.bacf914c1bad0p-60}, {0x1.a41a41a41a41ap-6, 0x1.0690690690690p-60},
    {0x1.8f9c18f9c18fap-6, -0x1.f3831f3831f38p-61}, {0x1.7d05f417d05f4p-6, 0x1.7d05f417d05f4p-62},
};

// sin(r) = r * sum (-1)^k r^2k / (2k+1)!,  cos(r) = sum (-1)^k r^2k / (2k)!, |r| <= pi/4:
// 15 terms bring the truncation below 2^-115.
constexpr DD kSinCoef[15] = {
    {0x1.0000000000000p+0, 0x0.0p+0},
    {-0x1.5555555555555p-3, -0x1.5555555555555p-57},
    {0x1.1111111111111p-7, 0x1.1111111111111p-63},
    {-0x1.a01a01a01a01ap-13, -0x1.a01a01a01a01ap-73},
    {0x1.71de3a556c734p-19, -0x1.c154f8ddc6c00p-73},
    {-0x1.ae64567f544e4p-26, 0x1.c062e06d1f209p-80},
    {0x1.6124613a86d09p-33, 0x1.f28e0cc748ebep-87},
    {-0x1.ae7f3e733b81fp-41, -0x1.1d8656b0ee8cbp-97},
    {0x1.952c77030ad4ap-49, 0x1.ac981465ddc6cp-103},
    {-0x1.2f49b46814157p-57, -0x1.2650f61dbdcb4p-112},
    {0x1.71b8ef6dcf572p-66, -0x1.d043ae40c4647p-120},
    {-0x1.761b41316381ap-75, 0x1.3423c7d91404fp-130},
    {0x1.3f3ccdd165fa9p-84, -0x1.58ddadf344487p-139},
    {-0x1.d1ab1c2dccea3p-94, -0x1.054d0c78aea14p-149},
    {0x1.259f98b4358adp-103, 0x1.eaf8c39dd9bc5p-157},
};
constexpr DD kCosCoef[15] = {
    {0x1.0000000000000p+0, 0x0.0p+0},
    {-0x1.0000000000000p-1, 0x0.0p+0},
    {0x1.5555555555555p-5, 0x1.5555555555555p-59},
    {-0x1.6c16c16c16c17p-10, 0x1.f49f49f49f49fp-65},
    {0x1.a01a01a01a01ap-16, 0x1.a01a01a01a01ap-76},
    {-0x1.27e4fb7789f5cp-22, -0x1.cbbc05b4fa99ap-76},
    {0x1.1eed8eff8d898p-29, -0x1.2aec959e14c06p-83},
    {-0x1.93974a8c07c9dp-37, -0x1.05d6f8a2efd1fp-92},
    {0x1.ae7f3e733b81fp-45, 0x1.1d8656b0ee8cbp-101},
    {-0x1.6827863b97d97p-53, -0x1.eec01221a8b0bp-107},
    {0x1.e542ba4020225p-62, 0x1.ea72b4afe3c2fp-120},
    {-0x1.0ce396db7f853p-70, 0x1.aebcdbd20331cp-124},
    {0x1.f2cf01972f578p-80, -0x1.9ada5fcc1ab14p-135},
    {-0x1.88e85fc6a4e5ap-89, 0x1.71c37ebd16540p-143},
    {0x1.0a18a2635085dp-98, 0x1.b9e2e28e1aa54p-153},
};

// x = k pi/2 + r with |r| <= pi/4 (up to rounding of k), r in double-double; returns k mod 4.
// pi/2 to 159 bits keeps r accurate to ~2^-95 relative even for the x closest to a multiple.
int reduce(double x, DD& r) {
  const double k = std::nearbyint(x * kTwoOverPi);
  r = add(DD{x, 0}, neg(two_prod(k, kPio2[0])));
  r = add(r, neg(two_prod(k, kPio2[1])));
  r = add(r, DD{-k * kPio2[2], 0});
  return int(k) & 3;
}

DD sin_dd(DD r) { return mul(r, horner(kSinCoef, mul(r, r))); }
DD cos_dd(DD r) { return horner(kCosCoef, mul(r, r)); }

}  // namespace

// Each result is the double-double's hi: fast_two_sum leaves hi = round-to-nearest(hi + lo).

double log(double x) {
  if (!(x > 0) || !std::isfinite(x)) return std::log(x);
  int e;
  double m = std::frexp(x, &e);  // x = m 2^e, m in [1/2, 1)
  if (m < 0x1.6a09e667f3bcdp-1) {  // sqrt(1/2): bring m into [sqrt(1/2), sqrt(2))
    m *= 2;
    --e;
  }
  const DD s = div(DD{m - 1, 0}, two_sum(m, 1));  // m - 1 is exact (Sterbenz)
  DD log_m = mul(s, horner(kAtanhCoef, mul(s, s)));
  log_m = {2 * log_m.hi, 2 * log_m.lo};
  const DD e_ln2 = add(two_prod(double(e), kLn2.hi), DD{double(e) * kLn2.lo, 0});
  return add(e_ln2, log_m).hi;
}

double sin(double x) {
  if (x == 0 || !(std::fabs(x) <= 8)) return std::sin(x);
  DD r;
  switch (reduce(x, r)) {
    case 0: return sin_dd(r).hi;
    case 1: return cos_dd(r).hi;
    case 2: return -sin_dd(r).hi;
    default: return -cos_dd(r).hi;
  }
}

double cos(double x) {
  if (x == 0 || !(std::fabs(x) <= 8)) return std::cos(x);
  DD r;
  switch (reduce(x, r)) {
    case 0: return cos_dd(r).hi;
    case 1: return -sin_dd(r).hi;
    case 2: return -cos_dd(r).hi;
    default: return sin_dd(r).hi;
  }
}

}  // namespace tl::crmath
