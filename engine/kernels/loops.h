// Strided N-d loops shared by the elementwise and reduction kernels. They know nothing of
// autograd. Offsets and strides are in elements.
#pragma once
#include <cstdint>

#include "engine/core/shape.h"

namespace tl::kernels {

// Strides of `src_shape`/`src_strides` broadcast to `out` (0 where broadcast).
inline Dims broadcast_strides(const Shape& out, const Shape& src_shape, const Dims& src_strides) {
  Dims r;
  r.n = out.n;
  for (int i = 0; i < out.n; ++i) {
    int j = src_shape.n - out.n + i;
    r.d[i] = (j < 0 || src_shape.d[j] == 1) ? 0 : src_strides.d[j];
  }
  return r;
}

// Calls inner(count, off[0..N), step[0..N)) for each innermost row of `shape`, where off are the
// offsets of the row start in each of N operands and step their innermost strides.
template <int N, class F>
void for_each_row(const Shape& shape, const Dims* strides, const int64_t* base, F&& inner) {
  int64_t off[N], step[N];
  if (shape.n == 0) {
    for (int k = 0; k < N; ++k) off[k] = base[k], step[k] = 0;
    inner(int64_t(1), off, step);
    return;
  }
  const int last = shape.n - 1;
  const int64_t count = shape.d[last];
  if (count == 0) return;
  for (int k = 0; k < N; ++k) off[k] = base[k], step[k] = strides[k].d[last];
  int64_t idx[kMaxDims] = {};
  int64_t outer = 1;
  for (int i = 0; i < last; ++i) outer *= shape.d[i];
  for (int64_t o = 0; o < outer; ++o) {
    inner(count, off, step);
    // Advance the multi-index over the outer dims (odometer), updating offsets incrementally.
    for (int i = last - 1; i >= 0; --i) {
      if (++idx[i] < shape.d[i]) {
        for (int k = 0; k < N; ++k) off[k] += strides[k].d[i];
        break;
      }
      for (int k = 0; k < N; ++k) off[k] -= strides[k].d[i] * (shape.d[i] - 1);
      idx[i] = 0;
    }
  }
}

// Calls f(offset) for every element of a strided view, in row-major order.
template <class F>
void for_each_offset(const Shape& shape, const Dims& strides, int64_t base, F&& f) {
  for_each_row<1>(shape, &strides, &base, [&](int64_t n, const int64_t* off, const int64_t* st) {
    int64_t o = off[0];
    for (int64_t j = 0; j < n; ++j, o += st[0]) f(o);
  });
}

}  // namespace tl::kernels
