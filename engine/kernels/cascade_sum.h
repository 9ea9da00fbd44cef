// PyTorch's floating-point sum, reproduced operation for operation, so sums (and everything built
// on them: mean, mse_loss, the gradients that undo broadcasting) give PyTorch's bits, not merely
// close values. Over hundreds of training steps a last-bit difference per sum grows into printed
// differences (tutorial loss curves drifted in the 6th digit with a double accumulator).
//
// The reference is ATen's CPU kernel (aten/src/ATen/native/cpu/SumKernel.cpp, cascade_sum, 1.13)
// as built for AVX2 (Debian's torch): the accumulator type is the element type; vectors of
// L = 32 bytes / sizeof(T) lanes (8 floats, 4 doubles); four interleaved accumulators ("ilp") and
// a 4-level cascade (level_power = max(4, ceil_log2(n) / 4)) bound the rounding growth. The lanes
// are plain arrays here (lane-wise IEEE adds are exactly what the vector adds do), so wasm and
// native give the same bits. The iteration order comes from TensorIterator: reduced dims first
// (ordered by input stride), then kept dims, adjacent dims coalesced; the 2-D inner loop is the
// kernel's, outer dims accumulate into the output (`out += partial`, the kernel's store).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace tl::kernels {

namespace cascade {

inline int64_t ceil_log2(int64_t x) {
  if (x <= 2) return 1;
  uint64_t v = uint64_t(x) - 1;
  int64_t bits = 0;
  while (v) ++bits, v >>= 1;
  return bits;  // index of the last set bit of x - 1, plus one
}

template <class T, int L>
struct Vec {
  T v[L];
};

// Loads lane group k of row i: L consecutive elements (stride 1) when L > 1, one element otherwise.
template <class T, int L>
inline Vec<T, L> load(const T* base, int64_t col_stride, int64_t k) {
  Vec<T, L> r;
  const T* p = base + k * col_stride;
  for (int l = 0; l < L; ++l) r.v[l] = p[l];
  return r;
}
template <class T, int L>
inline void add_into(Vec<T, L>& a, const Vec<T, L>& b) {
  for (int l = 0; l < L; ++l) a.v[l] = T(a.v[l] + b.v[l]);
}

// ATen's multi_row_sum: NR interleaved columns summed over `size` rows in a 4-level cascade.
template <class T, int L, int NR>
std::array<Vec<T, L>, NR> multi_row_sum(const T* in, int64_t row_stride, int64_t col_stride, int64_t size) {
  constexpr int kLevels = 4;
  const int64_t level_power = std::max<int64_t>(4, ceil_log2(size) / kLevels);
  const int64_t level_step = int64_t(1) << level_power;
  const int64_t level_mask = level_step - 1;
  Vec<T, L> acc[kLevels][NR] = {};
  int64_t i = 0;
  for (; i + level_step <= size;) {
    for (int64_t j = 0; j < level_step; ++j, ++i) {
      const T* row = in + i * row_stride;
      for (int k = 0; k < NR; ++k) add_into(acc[0][k], load<T, L>(row, col_stride, k));
    }
    for (int j = 1; j < kLevels; ++j) {
      for (int k = 0; k < NR; ++k) {
        add_into(acc[j][k], acc[j - 1][k]);
        acc[j - 1][k] = Vec<T, L>{};
      }
      if ((i & (level_mask << (j * level_power))) != 0) break;
    }
  }
  for (; i < size; ++i) {
    const T* row = in + i * row_stride;
    for (int k = 0; k < NR; ++k) add_into(acc[0][k], load<T, L>(row, col_stride, k));
  }
  for (int j = 1; j < kLevels; ++j)
    for (int k = 0; k < NR; ++k) add_into(acc[0][k], acc[j][k]);
  std::array<Vec<T, L>, NR> r;
  for (int k = 0; k < NR; ++k) r[size_t(k)] = acc[0][k];
  return r;
}

// ATen's row_sum: `size` lane groups at `stride` apart, four interleaved partial sums.
template <class T, int L>
Vec<T, L> row_sum(const T* in, int64_t stride, int64_t size) {
  constexpr int64_t kIlp = 4;
  const int64_t size_ilp = size / kIlp;
  auto ps = multi_row_sum<T, L, kIlp>(in, stride * kIlp, stride, size_ilp);
  for (int64_t i = size_ilp * kIlp; i < size; ++i) add_into(ps[0], load<T, L>(in, stride, i));
  for (int k = 1; k < kIlp; ++k) add_into(ps[0], ps[size_t(k)]);
  return ps[0];
}

// The kernel's 2-D loop: size0 x size1 elements at strides s0/s1 (elements), outputs at o1 apart
// along dim 1 (o0 = 0: dim 0 is reduced). Each partial is added into out (`*ptr += value`).
template <class T>
void loop2d(const T* in, T* out, int64_t s0, int64_t s1, int64_t o0, int64_t o1, int64_t size0, int64_t size1) {
  constexpr int L = int(32 / sizeof(T));
  if (o0 != 0 && o1 == 0) std::swap(s0, s1), std::swap(o0, o1), std::swap(size0, size1);
  if (o0 != 0 && o1 != 0) {  // not a true reduction: out += in
    for (int64_t j = 0; j < size1; ++j)
      for (int64_t i = 0; i < size0; ++i) {
        T& o = out[i * o0 + j * o1];
        o = T(o + in[i * s0 + j * s1]);
      }
    return;
  }
  auto store = [&](int64_t j, T v) {
    T& o = out[j * o1];
    o = T(o + v);
  };
  if (s0 == 1 && size0 >= L) {  // contiguous inner reduction
    const int64_t vec_size = size0 / L;
    for (int64_t j = 0; j < size1; ++j) {
      const T* row = in + j * s1;
      Vec<T, L> vacc = row_sum<T, L>(row, L, vec_size);
      T fin = T(0);
      for (int64_t k = vec_size * L; k < size0; ++k) fin = T(fin + row[k]);
      for (int l = 0; l < L; ++l) fin = T(fin + vacc.v[l]);
      store(j, fin);
    }
  } else if (s1 == 1 && size1 >= L) {  // contiguous outer reduction
    constexpr int kNr = 4;
    int64_t j = 0;
    for (; j + kNr * L <= size1; j += kNr * L) {
      auto sums = multi_row_sum<T, L, kNr>(in + j, s0, L, size0);
      for (int r = 0; r < kNr; ++r)
        for (int l = 0; l < L; ++l) store(j + r * L + l, sums[size_t(r)].v[l]);
    }
    for (; j + L <= size1; j += L) {
      Vec<T, L> sums = row_sum<T, L>(in + j, s0, size0);
      for (int l = 0; l < L; ++l) store(j + l, sums.v[l]);
    }
    for (; j < size1; ++j) store(j, row_sum<T, 1>(in + j, s0, size0).v[0]);
  } else if (s0 < s1) {  // scalar inner reduction
    for (int64_t j = 0; j < size1; ++j) store(j, row_sum<T, 1>(in + j * s1, s0, size0).v[0]);
  } else {  // scalar outer reduction
    constexpr int kNr = 4;
    int64_t j = 0;
    for (; j + (kNr - 1) < size1; j += kNr) {
      auto sums = multi_row_sum<T, 1, kNr>(in + j * s1, s0, s1, size0);
      for (int r = 0; r < kNr; ++r) store(j + r, sums[size_t(r)].v[0]);
    }
    for (; j < size1; ++j) store(j, row_sum<T, 1>(in + j * s1, s0, size0).v[0]);
  }
}

}  // namespace cascade

// ATen's binary_kernel_reduce_vec 2-D loop (prod), the same AVX2 vectors: a contiguous inner
// reduction multiplies 4 x L lanes over chunks of 4 L elements, combines them ((a0 a1)(a2 a3),
// then lane by lane), and multiplies the rest in order; an outer reduction contiguous in the
// outputs multiplies each column's product into the output (per lane, in full 4 L blocks); else in order.
template <class T>
void prod_loop2d(const T* in, T* out, int64_t s0, int64_t s1, int64_t o0, int64_t o1, int64_t size0, int64_t size1) {
  constexpr int L = int(32 / sizeof(T)), C = 4 * L;
  if (o0 == 0 && s0 == 1) {  // vectorized_inner_reduction
    const int64_t count = size0 / C;
    for (int64_t j = 0; j < size1; ++j) {
      const T* row = in + j * s1;
      T& o = out[j * o1];
      if (count > 0) {
        T acc[C];
        std::copy(row, row + C, acc);
        for (int64_t i = 1; i < count; ++i)
          for (int k = 0; k < C; ++k) acc[k] = T(acc[k] * row[i * C + k]);
        for (int l = 0; l < L; ++l) acc[l] = T(T(acc[l] * acc[L + l]) * T(acc[2 * L + l] * acc[3 * L + l]));
        for (int l = 1; l < L; ++l) acc[0] = T(acc[0] * acc[l]);
        o = T(o * acc[0]);
      }
      for (int64_t k = count * C; k < size0; ++k) o = T(o * row[k]);
    }
  } else if (o0 == 0 && o1 == 1 && s1 == 1) {  // vectorized_outer_reduction
    const int64_t full = size1 / C * C;
    for (int64_t j = 0; j < size1; ++j) {
      if (j < full) {
        T acc = in[j];
        for (int64_t i = 1; i < size0; ++i) acc = T(acc * in[i * s0 + j]);
        out[j] = T(acc * out[j]);
      } else {
        for (int64_t i = 0; i < size0; ++i) out[j] = T(out[j] * in[i * s0 + j]);
      }
    }
  } else {
    for (int64_t j = 0; j < size1; ++j)
      for (int64_t i = 0; i < size0; ++i) {
        T& o = out[i * o0 + j * o1];
        o = T(o * in[i * s0 + j * s1]);
      }
  }
}

// out (contiguous, out_numel elements, filled with `init` here) = x reduced over the dims in
// `reduced` by loop2d (cascade::loop2d: sum, prod_loop2d: prod) in TensorIterator's order.
// shape/strides: x's (elements); reduced[d] marks a reduced dim. O: an accumulator (T, or a
// state such as var's Welford one).
template <class T, class O, class Loop2d>
void tensor_iterator_reduce(const T* x, const int64_t* shape, const int64_t* strides, const bool* reduced, int nd,
                            O* out, int64_t out_numel, O init, Loop2d loop2d) {
  std::fill(out, out + out_numel, init);
  // Output strides (keepdim layout, contiguous over the kept dims; 0 on reduced dims).
  struct D {
    int64_t size, in, out;
  };
  std::vector<D> dims(static_cast<size_t>(nd));
  int64_t os = 1;
  for (int d = nd - 1; d >= 0; --d) {
    dims[size_t(d)] = {shape[d], strides[d], reduced[d] ? 0 : os};
    if (!reduced[d]) os *= shape[d];
    if (shape[d] == 0) return;
  }
  // TensorIterator's order: start innermost-first, then an insertion sort with its comparison
  // (operands in order output, input; reduced dims of the output first; then by stride; equal
  // strides: the smaller size first; a broadcast (0) stride gives no opinion).
  std::vector<int> perm(static_cast<size_t>(nd));
  for (int i = 0; i < nd; ++i) perm[size_t(i)] = nd - 1 - i;
  auto should_swap = [&](int a, int b) {
    const D &A = dims[size_t(a)], &B = dims[size_t(b)];
    if ((A.out == 0) != (B.out == 0)) return B.out == 0 ? 1 : -1;
    const std::pair<int64_t, int64_t> ops[2] = {{A.out, B.out}, {A.in, B.in}};
    for (const auto& p : ops) {
      if (p.first == 0 || p.second == 0) continue;
      if (p.first < p.second) return -1;
      if (p.first > p.second) return 1;
      if (A.size > B.size) return 1;
    }
    return 0;
  };
  for (int i = 1; i < nd; ++i) {
    int d1 = i;
    for (int d0 = i - 1; d0 >= 0; --d0) {
      int c = should_swap(perm[size_t(d0)], perm[size_t(d1)]);
      if (c > 0) {
        std::swap(perm[size_t(d0)], perm[size_t(d1)]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  std::vector<D> it;
  for (int p : perm) it.push_back(dims[size_t(p)]);
  // Coalesce adjacent dims (size 1, or both operands contiguous across the pair).
  if (!it.empty()) {
    size_t prev = 0;
    for (size_t d = 1; d < it.size(); ++d) {
      const D &a = it[prev], &b = it[d];
      bool ok = a.size == 1 || b.size == 1 || (a.size * a.in == b.in && a.size * a.out == b.out);
      if (ok) {
        if (it[prev].size == 1) it[prev].in = b.in, it[prev].out = b.out;
        it[prev].size *= b.size;
      } else {
        ++prev;
        if (prev != d) it[prev] = it[d];
      }
    }
    it.resize(prev + 1);
  }
  if (it.empty()) it.push_back({1, 0, 0});  // a 0-d tensor
  if (it.size() == 1) it.push_back({1, 0, 0});
  // Outer dims (2..) one 2-D slab at a time, in order (dim 2 fastest).
  const size_t nouter = it.size() - 2;
  std::vector<int64_t> idx(nouter, 0);
  for (;;) {
    int64_t in_off = 0, out_off = 0;
    for (size_t k = 0; k < nouter; ++k) in_off += idx[k] * it[k + 2].in, out_off += idx[k] * it[k + 2].out;
    loop2d(x + in_off, out + out_off, it[0].in, it[1].in, it[0].out, it[1].out, it[0].size, it[1].size);
    size_t k = 0;
    for (; k < nouter; ++k) {
      if (++idx[k] < it[k + 2].size) break;
      idx[k] = 0;
    }
    if (k == nouter) break;
  }
}

// out = sum of x over the dims in `reduced` (see tensor_iterator_reduce).
template <class T>
void cascade_sum(const T* x, const int64_t* shape, const int64_t* strides, const bool* reduced, int nd, T* out,
                 int64_t out_numel) {
  tensor_iterator_reduce(x, shape, strides, reduced, nd, out, out_numel, T(0), cascade::loop2d<T>);
}

}  // namespace tl::kernels
