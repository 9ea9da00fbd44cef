// Shape and strides: rank 0..8, stored inline (no heap), and broadcasting rules.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>
#include "engine/core/error.h"

namespace tl {

constexpr int kMaxDims = 8;

// A fixed-capacity small vector of int64 (dims or strides).
struct Dims {
  int64_t d[kMaxDims] = {};
  int n = 0;
  Dims() = default;
  Dims(std::initializer_list<int64_t> il) {
    TL_CHECK(il.size() <= kMaxDims, "tensors have at most ", kMaxDims, " dimensions, got ", il.size());
    for (int64_t v : il) d[n++] = v;
  }
  explicit Dims(const std::vector<int64_t>& v) {
    TL_CHECK(v.size() <= kMaxDims, "tensors have at most ", kMaxDims, " dimensions, got ", v.size());
    for (int64_t x : v) d[n++] = x;
  }
  int size() const { return n; }
  int64_t operator[](int i) const { return d[i]; }
  int64_t& operator[](int i) { return d[i]; }
  void push_back(int64_t v) {
    TL_CHECK(n < kMaxDims, "tensors have at most ", kMaxDims, " dimensions");
    d[n++] = v;
  }
  void insert(int pos, int64_t v) {
    TL_CHECK(n < kMaxDims, "tensors have at most ", kMaxDims, " dimensions");
    for (int i = n; i > pos; --i) d[i] = d[i - 1];
    d[pos] = v;
    ++n;
  }
  void erase(int pos) {
    for (int i = pos; i + 1 < n; ++i) d[i] = d[i + 1];
    --n;
  }
  const int64_t* begin() const { return d; }
  const int64_t* end() const { return d + n; }
  int64_t numel() const {
    int64_t p = 1;
    for (int i = 0; i < n; ++i) p *= d[i];
    return p;
  }
  std::vector<int64_t> vec() const { return std::vector<int64_t>(d, d + n); }
  bool operator==(const Dims& o) const {
    if (n != o.n) return false;
    for (int i = 0; i < n; ++i)
      if (d[i] != o.d[i]) return false;
    return true;
  }
  bool operator!=(const Dims& o) const { return !(*this == o); }
};

using Shape = Dims;

// "(2,3)"; a 1-D shape prints as "(4,)" like Python; a scalar as "()".
inline std::string shape_str(const Shape& s) {
  std::string r = "(";
  for (int i = 0; i < s.n; ++i) {
    if (i) r += ",";
    r += std::to_string(s.d[i]);
  }
  if (s.n == 1) r += ",";
  return r + ")";
}

// "[2, 3]": sizes as PyTorch's error messages print them ("[]" for a scalar).
inline std::string sizes_str(const Shape& s) {
  std::string r = "[";
  for (int i = 0; i < s.n; ++i) r += (i ? ", " : "") + std::to_string(s.d[i]);
  return r + "]";
}

inline Dims contiguous_strides(const Shape& s) {
  Dims st;
  st.n = s.n;
  int64_t acc = 1;
  for (int i = s.n - 1; i >= 0; --i) {
    st.d[i] = acc;
    acc *= s.d[i] > 0 ? s.d[i] : 1;
  }
  return st;
}

// NumPy broadcasting; op names the caller for the error message.
inline Shape broadcast_shapes(const char* op, const Shape& a, const Shape& b) {
  Shape r;
  r.n = a.n > b.n ? a.n : b.n;
  for (int i = 0; i < r.n; ++i) {
    int ia = a.n - r.n + i, ib = b.n - r.n + i;
    int64_t da = ia >= 0 ? a.d[ia] : 1, db = ib >= 0 ? b.d[ib] : 1;
    TL_CHECK(da == db || da == 1 || db == 1, op, ": shapes ", shape_str(a), " and ", shape_str(b),
             " are not broadcastable");
    r.d[i] = da == 1 ? db : da;
  }
  return r;
}

// Wraps a possibly negative dim into [0, ndim).
inline int wrap_dim(const char* op, int64_t dim, int ndim) {
  int lim = ndim > 0 ? ndim : 1;
  TL_CHECK(dim >= -lim && dim < lim, "IndexError: ", op, ": dimension out of range (expected to be in range of [", -lim, ", ",
           lim - 1, "], but got ", dim, ")");
  return int(dim < 0 ? dim + lim : dim);
}

}  // namespace tl
