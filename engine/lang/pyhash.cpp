// CPython's iteration order of a set: CPython 3.11's hash of str (siphash13 with the zero key that
// PYTHONHASHSEED=0 gives), int and bool, and its set table (setobject.c: 8 slots, linear probes
// of 9, perturbed probing, resize to 4 x used at 3/5 fill, re-insertion in slot order). tensorlens
// keeps a set's items in insertion order; iterating or printing a set lists them in the slot order
// the same insertions give in CPython (`vocab = set(words); {w: i for i, w in enumerate(vocab)}`
// then numbers the words as PyTorch's tutorials do). Sets holding other kinds of keys (floats,
// tuples, objects: address- or type-dependent hashes) keep insertion order.
#include <cstring>

#include "engine/lang/interp.h"

namespace tl::lang::detail {

namespace {

inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

// CPython Python/pyhash.c siphash13 (k0 = k1 = 0)
uint64_t siphash13(const uint8_t* in, size_t n) {
  const uint64_t k0 = 0, k1 = 0;
  uint64_t b = uint64_t(n) << 56;
  uint64_t v0 = k0 ^ 0x736f6d6570736575ULL, v1 = k1 ^ 0x646f72616e646f6dULL;
  uint64_t v2 = k0 ^ 0x6c7967656e657261ULL, v3 = k1 ^ 0x7465646279746573ULL;
  auto half = [](uint64_t& a, uint64_t& bb, uint64_t& c, uint64_t& d, int s, int t) {
    a += bb; c += d; bb = rotl(bb, s) ^ a; d = rotl(d, t) ^ c; a = rotl(a, 32);
  };
  auto round = [&] { half(v0, v1, v2, v3, 13, 16); half(v2, v1, v0, v3, 17, 21); };
  while (n >= 8) {
    uint64_t mi = 0;
    for (int k = 0; k < 8; ++k) mi |= uint64_t(in[k]) << (8 * k);  // little-endian load
    in += 8, n -= 8;
    v3 ^= mi;
    round();
    v0 ^= mi;
  }
  uint64_t t = 0;
  for (size_t k = 0; k < n; ++k) t |= uint64_t(in[k]) << (8 * k);
  b |= t;
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xff;
  round(), round(), round();
  return (v0 ^ v1) ^ (v2 ^ v3);
}

// hash(v) as CPython 3.11 with PYTHONHASHSEED=0, or false for keys whose hash is not reproduced.
bool py_hash(const Value& v, int64_t& h) {
  if (v.kind == K::Bool) return h = v.b ? 1 : 0, true;
  if (v.kind == K::Int) {
    const uint64_t P = (uint64_t(1) << 61) - 1;  // _PyHASH_MODULUS
    const uint64_t a = v.i < 0 ? uint64_t(0) - uint64_t(v.i) : uint64_t(v.i);
    int64_t r = int64_t(a % P);
    if (v.i < 0) r = -r;
    h = r == -1 ? -2 : r;
    return true;
  }
  if (v.kind == K::Str) {
    // CPython hashes a str's 1-byte (latin-1) storage when every code point is < 256
    std::vector<uint8_t> bytes;
    const std::string& s = v.s;
    for (size_t i = 0; i < s.size();) {
      const uint8_t c = uint8_t(s[i]);
      if (c < 0x80) bytes.push_back(c), i += 1;
      else if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
        const uint32_t cp = (uint32_t(c & 0x1F) << 6) | (uint8_t(s[i + 1]) & 0x3F);
        if (cp >= 256) return false;
        bytes.push_back(uint8_t(cp)), i += 2;
      } else {
        return false;
      }
    }
    if (bytes.empty()) return h = 0, true;
    const int64_t x = int64_t(siphash13(bytes.data(), bytes.size()));
    h = x == -1 ? -2 : x;
    return true;
  }
  return false;
}

}  // namespace

std::vector<Value> set_iteration_order(const SetObj& st) {
  const size_t n = st.items.size();
  if (n < 2) return st.items;
  std::vector<int64_t> hashes(n);
  for (size_t k = 0; k < n; ++k)
    if (!py_hash(st.items[k], hashes[k])) return st.items;
  constexpr size_t kLinearProbes = 9, kPerturbShift = 5;
  std::vector<int64_t> table(8, -1);  // item index per slot, -1 = empty
  size_t mask = 7, fill = 0;
  auto insert = [&](std::vector<int64_t>& tab, size_t msk, int64_t item) {
    size_t perturb = size_t(hashes[size_t(item)]);
    size_t i = perturb & msk;
    while (true) {
      const size_t probes = i + kLinearProbes <= msk ? kLinearProbes : 0;
      for (size_t j = 0; j <= probes; ++j)
        if (tab[i + j] < 0) return void(tab[i + j] = item);
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + perturb) & msk;
    }
  };
  for (size_t k = 0; k < n; ++k) {  // distinct keys (a set), inserted in order; no deletions
    insert(table, mask, int64_t(k));
    ++fill;
    if (fill * 5 >= mask * 3) {  // set_table_resize(so, used > 50000 ? used * 2 : used * 4)
      const size_t minused = fill > 50000 ? fill * 2 : fill * 4;
      size_t newsize = 8;
      while (newsize <= minused) newsize <<= 1;
      std::vector<int64_t> bigger(newsize, -1);
      for (int64_t it : table)
        if (it >= 0) insert(bigger, newsize - 1, it);
      table.swap(bigger);
      mask = newsize - 1;
    }
  }
  std::vector<Value> out;
  out.reserve(n);
  for (int64_t it : table)
    if (it >= 0) out.push_back(st.items[size_t(it)]);
  return out;
}

}  // namespace tl::lang::detail
