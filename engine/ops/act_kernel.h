// ATen's cpu_kernel_vec for float activations: which elements its vectorized op computes.
#pragma once
#include <type_traits>

#include "engine/kernels/elementwise.h"
#include "engine/kernels/sleef_math.h"
#include "engine/ops/ops.h"

namespace tl {

// A float activation as ATen's cpu_kernel_vec computes it: `vec` (the Vectorized<T> op, SLEEF's
// functions) on the elements kernels::simd_row_length selects (whole chunks of two AVX2 vectors of
// each coalesced row), `scalar` (the scalar op, libm's functions) on the others. Both are called
// with a float or a double. TensorIterator lays the new output out like x (a transposed x keeps its
// memory order), so the rows are those of x with its dims in TensorIterator's order.
template <class S, class V>
Tensor act_kernel(const Tensor& x0, S scalar, V vec) {
  NoGradGuard ng;
  const int nd = x0.dim();
  int perm[kMaxDims];  // perm[0]: the fastest dim
  const Dims xs = x0.strides();
  kernels::ti_perm(x0.shape(), &xs, 1, perm);
  IntList order(static_cast<size_t>(nd)), inverse(static_cast<size_t>(nd));
  bool same = true;
  for (int i = 0; i < nd; ++i) {
    order[size_t(i)] = perm[nd - 1 - i];
    inverse[size_t(perm[nd - 1 - i])] = i;
    same = same && order[size_t(i)] == i;
  }
  const Tensor x = same ? x0 : permute(x0, order);
  const Tensor xc = x.contiguous();
  Tensor out = Tensor::empty(x.shape(), x.dtype());
  const int64_t es = int64_t(dtype_size(x.dtype()));
  const int64_t n = kernels::simd_row_length(x.shape(), {x.strides()}, es), lim = n - n % (64 / es);
  TL_DISPATCH_FLOAT(x.dtype(), T, [&] {
    const T* px = xc.data_ptr<T>();
    T* po = out.data_ptr<T>();
    for (int64_t i = 0, N = x.numel(); i < N; ++i) po[i] = n && i % n < lim ? vec(px[i]) : scalar(px[i]);
  });
  return same ? out : contiguous(permute(out, inverse));
}
// Vectorized<float>::exp / Vectorized<double>::exp (SLEEF's u10 exp).
template <class T>
T vec_exp(T v) {
  if constexpr (std::is_same<T, float>::value) return kernels::sleef_expf(v);
  else return kernels::sleef_exp(v);
}

}  // namespace tl
