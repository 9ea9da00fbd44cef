// Strided N-d loops shared by the elementwise and reduction kernels. They know nothing of
// autograd. Offsets and strides are in elements.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <utility>

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

// Which elements PyTorch 1.13's CPU loops compute with AVX2 vectors (where a vector instruction
// differs from the scalar code: max/min of +-0): TensorIterator coalesces the output's dims from
// the innermost while every input's strides allow it, and runs vectorized_loop over each row of
// the coalesced length n when all inputs are contiguous along it or one of them is a broadcast
// scalar: elements j < n - n % (2 * lanes) of a row are computed 2 * lanes at a time (lanes = 32
// bytes / element size), the rest with the scalar code. Returns n, or 0 when no element is
// vectorized. Dims are taken in their natural order, and a result of 32768+ elements (split
// across threads by PyTorch) is not modelled.
// PyTorch's at::internal::GRAIN_SIZE: results this large are split across threads.
inline constexpr int64_t kGrainSize = 32768;
inline int64_t simd_row_length(const Shape& out, std::initializer_list<Dims> in_strides, int64_t elem_size) {
  const int64_t lanes2 = 2 * 32 / elem_size;
  if (out.numel() < lanes2 || out.numel() >= kGrainSize) return 0;
  int64_t n = 1, inner[8] = {};
  bool first = true;
  for (int d = out.n - 1; d >= 0; --d) {
    if (out.d[d] == 1) continue;
    size_t k = 0;
    bool ok = true;
    for (const Dims& st : in_strides) {
      if (first) inner[k] = st.d[d];
      else ok = ok && st.d[d] == inner[k] * n;
      ++k;
    }
    if (!ok) break;
    n *= out.d[d];
    first = false;
  }
  int scalars = 0;
  size_t k = 0;
  for (const Dims& st : in_strides) {
    (void)st;
    if (inner[k] == 0) ++scalars;
    else if (inner[k] != 1) return 0;
    ++k;
  }
  return n >= lanes2 && scalars <= 1 ? n : 0;
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

namespace tl::kernels {

// PyTorch 1.13's TensorIterator layout (reorder_dimensions, then coalesce_dimensions): permutes
// `shape` and the n operands' `strides` (the output first, as TensorIterator lists its operands)
// and merges dims, so that for_each_row visits the elements in the order of PyTorch's serial CPU
// loops, its rows being their inner loops. Where a kernel fails part-way (an index out of bounds
// after some elements were written), what it wrote depends on this order.
// ti_perm: the permutation alone (perm[0] the fastest dim), as TensorIterator also lays out an
// output it allocates.
inline void ti_perm(const Shape& shape, const Dims* strides, int n, int* perm) {
  const int nd = shape.n;
  for (int i = 0; i < nd; ++i) perm[i] = nd - 1 - i;  // row-major to start with
  // 1 when d0 should move after d1, -1 when before, 0 when ambiguous (a broadcast dim).
  auto should_swap = [&](int d0, int d1) {
    for (int k = 0; k < n; ++k) {
      const int64_t s0 = strides[k][d0], s1 = strides[k][d1];
      if (s0 == 0 || s1 == 0) continue;
      if (s0 != s1) return s0 < s1 ? -1 : 1;
      if (shape[d0] > shape[d1]) return 1;  // equal strides: the smaller dim goes first
    }
    return 0;
  };
  for (int i = 1; i < nd; ++i) {  // PyTorch's insertion sort with ambiguous comparisons
    int d1 = i;
    for (int d0 = i - 1; d0 >= 0; --d0) {
      const int c = should_swap(perm[d0], perm[d1]);
      if (c > 0) {
        std::swap(perm[d0], perm[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
}
inline void ti_layout(Shape& shape, Dims* strides, int n) {
  const int nd = shape.n;
  if (nd <= 1) return;
  int perm[kMaxDims];  // perm[0]: the fastest dim
  ti_perm(shape, strides, n, perm);
  Shape sh;  // fastest first
  for (int i = 0; i < nd; ++i) sh.push_back(shape[perm[i]]);
  for (int k = 0; k < n; ++k) {
    Dims s;
    for (int i = 0; i < nd; ++i) s.push_back(strides[k][perm[i]]);
    strides[k] = s;
  }
  int prev = 0;  // coalesce: size-1 dims, and dims that continue each other in every operand
  for (int d = 1; d < nd; ++d) {
    bool can = true;
    if (sh[prev] != 1 && sh[d] != 1)
      for (int k = 0; k < n; ++k) can = can && sh[prev] * strides[k][prev] == strides[k][d];
    if (can) {
      if (sh[prev] == 1)
        for (int k = 0; k < n; ++k) strides[k][prev] = strides[k][d];
      sh[prev] *= sh[d];
    } else if (++prev != d) {
      for (int k = 0; k < n; ++k) strides[k][prev] = strides[k][d];
      sh[prev] = sh[d];
    }
  }
  const int m = prev + 1;  // back to slowest first, as for_each_row takes them
  shape = Shape();
  for (int i = m - 1; i >= 0; --i) shape.push_back(sh[i]);
  for (int k = 0; k < n; ++k) {
    Dims s;
    for (int i = m - 1; i >= 0; --i) s.push_back(strides[k][i]);
    strides[k] = s;
  }
}

}  // namespace tl::kernels
