// Python's `random` module with CPython's exact numbers for a seed: MT19937 seeded by
// init_by_array over the seed's 32-bit words (random_seed in Modules/_randommodule.c), random()
// from two draws (53 bits), getrandbits, and Lib/random.py's algorithms on top of them
// (_randbelow by rejection, randrange/randint, choice, shuffle, uniform, gauss with its cached
// second value, normalvariate, sample, choices).
#include "engine/lang/interp.h"

namespace tl::lang::detail {

void PyRandom::init_genrand(uint32_t s) {
  mt[0] = s;
  for (idx = 1; idx < 624; ++idx) mt[idx] = 1812433253U * (mt[idx - 1] ^ (mt[idx - 1] >> 30)) + uint32_t(idx);
}

void PyRandom::seed(uint64_t n) {
  std::vector<uint32_t> key;
  do {
    key.push_back(uint32_t(n & 0xffffffffU));
    n >>= 32;
  } while (n);
  init_genrand(19650218U);
  size_t i = 1, j = 0;
  for (size_t k = std::max<size_t>(624, key.size()); k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + uint32_t(j);
    ++i, ++j;
    if (i >= 624) mt[0] = mt[623], i = 1;
    if (j >= key.size()) j = 0;
  }
  for (size_t k = 623; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - uint32_t(i);
    ++i;
    if (i >= 624) mt[0] = mt[623], i = 1;
  }
  mt[0] = 0x80000000U;
  idx = 624;
  has_gauss = false;
}

uint32_t PyRandom::next32() {
  static const uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
  if (idx >= 624) {
    int kk = 0;
    for (; kk < 624 - 397; ++kk) {
      uint32_t y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
      mt[kk] = mt[kk + 397] ^ (y >> 1) ^ mag01[y & 1];
    }
    for (; kk < 623; ++kk) {
      uint32_t y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
      mt[kk] = mt[kk + (397 - 624)] ^ (y >> 1) ^ mag01[y & 1];
    }
    uint32_t y = (mt[623] & 0x80000000U) | (mt[0] & 0x7fffffffU);
    mt[623] = mt[396] ^ (y >> 1) ^ mag01[y & 1];
    idx = 0;
  }
  uint32_t y = mt[idx++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

double PyRandom::random() {
  const uint32_t a = next32() >> 5, b = next32() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

uint64_t PyRandom::getrandbits(int k) {
  if (k <= 32) return k == 0 ? 0 : next32() >> (32 - k);
  const uint64_t lo = next32();
  const uint64_t hi = next32() >> (64 - k);
  return lo | (hi << 32);
}

uint64_t PyRandom::randbelow(uint64_t n) {
  int k = 0;
  while (k < 64 && (n >> k)) ++k;  // n.bit_length()
  uint64_t r = getrandbits(k);
  while (r >= n) r = getrandbits(k);
  return r;
}

Value Interp::call_random(Bi id, const char* name, std::vector<Value>& pos, Kw& kw, Pos at) {
  PyRandom& R = py_random_;
  auto kwarg = [&](const char* k, Value dflt) {
    for (auto it = kw.begin(); it != kw.end(); ++it)
      if (it->first == k) {
        Value v = it->second;
        kw.erase(it);
        return v;
      }
    return dflt;
  };
  auto need_int = [&](const Value& v) {
    if (!is_int_like(v)) {
      if (v.kind == K::Float && v.f == std::floor(v.f)) return int64_t(v.f);
      fail(at, "TypeError: '" + v.type_name() + "' object cannot be interpreted as an integer");
    }
    return int_of(v);
  };
  auto randrange = [&](int64_t start, const Value& stop_v, int64_t step) -> int64_t {
    if (stop_v.is_none()) {
      if (start > 0) return int64_t(R.randbelow(uint64_t(start)));
      fail(at, "ValueError: empty range for randrange()");
    }
    const int64_t stop = need_int(stop_v), width = stop - start;
    if (step == 1) {
      if (width > 0) return start + int64_t(R.randbelow(uint64_t(width)));
      fail(at, "ValueError: empty range for randrange() (" + std::to_string(start) + ", " + std::to_string(stop) + ", " +
                   std::to_string(width) + ")");
    }
    int64_t n;
    if (step > 0) n = (width + step - 1) / step;
    else if (step < 0) n = (width + step + 1) / step;
    else fail(at, "ValueError: zero step for randrange()");
    if (n <= 0) fail(at, "ValueError: empty range for randrange()");
    return start + step * int64_t(R.randbelow(uint64_t(n)));
  };
  switch (id) {
    case Bi::RandSeed: {
      Value a = pos.empty() ? kwarg("a", Value::none()) : pos[0];
      if (a.is_none()) R.seed(0);
      else if (is_int_like(a)) R.seed(uint64_t(int_of(a) < 0 ? -int_of(a) : int_of(a)));
      else if (a.kind == K::Float) fail(at, "TypeError: seeding random with a float is not supported in tensorlens; use an int");
      else fail(at, "TypeError: The only supported seed types are: None, int.");
      return Value::none();
    }
    case Bi::RandRandom:
      nargs(name, pos, 0, 0, at);
      return Value::number(R.random());
    case Bi::RandUniform: {
      nargs(name, pos, 2, 2, at);
      const double a = to_double(pos[0], at), b = to_double(pos[1], at);
      return Value::number(a + (b - a) * R.random());
    }
    case Bi::RandRandint:
      nargs(name, pos, 2, 2, at);
      return Value::integer(randrange(need_int(pos[0]), Value::integer(need_int(pos[1]) + 1), 1));
    case Bi::RandRandrange: {
      nargs(name, pos, 1, 3, at);
      return Value::integer(
          randrange(need_int(pos[0]), pos.size() > 1 ? pos[1] : Value::none(), pos.size() > 2 ? need_int(pos[2]) : 1));
    }
    case Bi::RandGetrandbits: {
      nargs(name, pos, 1, 1, at);
      const int64_t k = need_int(pos[0]);
      if (k < 0) fail(at, "ValueError: number of bits must be non-negative");
      if (k > 63) fail(at, "OverflowError: getrandbits() of more than 63 bits is not supported in tensorlens");
      return Value::integer(int64_t(R.getrandbits(int(k))));
    }
    case Bi::RandChoice: {
      nargs(name, pos, 1, 1, at);
      std::vector<Value> xs = to_vector(pos[0], at);
      if (xs.empty()) fail(at, "IndexError: Cannot choose from an empty sequence");
      return xs[R.randbelow(xs.size())];
    }
    case Bi::RandShuffle: {
      nargs(name, pos, 1, 1, at);
      if (pos[0].kind != K::List) fail(at, "TypeError: shuffle() of a " + pos[0].type_name() + " is not supported in tensorlens");
      auto& x = *pos[0].items;
      for (size_t i = x.size(); i-- > 1;) std::swap(x[i], x[R.randbelow(i + 1)]);
      return Value::none();
    }
    case Bi::RandGauss:
    case Bi::RandNormal: {
      Value mu_v = pos.size() > 0 ? pos[0] : kwarg("mu", Value::number(0));
      Value sg_v = pos.size() > 1 ? pos[1] : kwarg("sigma", Value::number(1));
      const double mu = to_double(mu_v, at), sigma = to_double(sg_v, at);
      if (id == Bi::RandGauss) {
        double z;
        if (R.has_gauss) {
          z = R.gauss_next;
          R.has_gauss = false;
        } else {
          const double x2pi = R.random() * 2 * M_PI;
          const double g2rad = std::sqrt(-2.0 * std::log(1.0 - R.random()));
          z = std::cos(x2pi) * g2rad;
          R.gauss_next = std::sin(x2pi) * g2rad;
          R.has_gauss = true;
        }
        return Value::number(mu + z * sigma);
      }
      const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0);
      double z;
      for (;;) {
        const double u1 = R.random(), u2 = 1.0 - R.random();
        z = magic * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -std::log(u2)) break;
      }
      return Value::number(mu + z * sigma);
    }
    case Bi::RandSample: {
      Value kv = pos.size() > 1 ? pos[1] : kwarg("k", Value::none());
      nargs(name, pos, 1, 2, at);
      std::vector<Value> population = to_vector(pos[0], at);
      const int64_t n = int64_t(population.size()), k = need_int(kv);
      if (k < 0 || k > n) fail(at, "ValueError: Sample larger than population or is negative");
      std::vector<Value> result(static_cast<size_t>(k));
      int64_t setsize = 21;
      if (k > 5) setsize += int64_t(std::pow(4.0, std::ceil(std::log(double(k) * 3) / std::log(4.0))));
      if (n <= setsize) {
        std::vector<Value> pool = population;
        for (int64_t i = 0; i < k; ++i) {
          const int64_t j = int64_t(R.randbelow(uint64_t(n - i)));
          result[size_t(i)] = pool[size_t(j)];
          pool[size_t(j)] = pool[size_t(n - i - 1)];
        }
      } else {
        std::vector<bool> selected(size_t(n), false);
        for (int64_t i = 0; i < k; ++i) {
          int64_t j = int64_t(R.randbelow(uint64_t(n)));
          while (selected[size_t(j)]) j = int64_t(R.randbelow(uint64_t(n)));
          selected[size_t(j)] = true;
          result[size_t(i)] = population[size_t(j)];
        }
      }
      return make_seq(K::List, std::move(result), at);
    }
    case Bi::RandChoices: {
      Value weights = kwarg("weights", pos.size() > 1 ? pos[1] : Value::none());
      Value cum = kwarg("cum_weights", Value::none());
      const int64_t k = need_int(kwarg("k", Value::integer(1)));
      no_kw(name, kw, at);
      std::vector<Value> population = to_vector(pos.at(0), at);
      const size_t n = population.size();
      std::vector<Value> out;
      if (weights.is_none() && cum.is_none()) {
        for (int64_t i = 0; i < k; ++i) out.push_back(population[size_t(std::floor(R.random() * double(n)))]);
        return make_seq(K::List, std::move(out), at);
      }
      std::vector<double> cw;
      if (!cum.is_none()) {
        for (const Value& v : to_vector(cum, at)) cw.push_back(to_double(v, at));
      } else {
        double acc = 0;
        for (const Value& v : to_vector(weights, at)) cw.push_back(acc += to_double(v, at));
      }
      if (cw.size() != n) fail(at, "ValueError: The number of weights does not match the population");
      const double total = cw.back();
      for (int64_t i = 0; i < k; ++i) {
        const double x = R.random() * total;
        const size_t j = size_t(std::upper_bound(cw.begin(), cw.end() - 1, x) - cw.begin());  // bisect(cw, x, 0, n-1)
        out.push_back(population[j]);
      }
      return make_seq(K::List, std::move(out), at);
    }
    default: break;
  }
  fail(at, std::string("TypeError: random.") + name + " is not supported");
}

}  // namespace tl::lang::detail
