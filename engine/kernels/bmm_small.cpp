// PyTorch 1.13's bmm for small products (batch1.size(2) * rows * cols < 400): its own loop
// (baddbmm_cpu_kernel) instead of a BLAS GEMM per batch. Each element is a sum of the products
// in order k = 0, 1, ... onto +0.0, each product and sum rounded separately (its scalar code has
// no fused multiply-add): 1.8f * 3e38f overflows to inf there, and the last bits of finite sums
// differ from a GEMM's. This file is compiled with -ffp-contract=off so that it stays so.
#include "engine/kernels/matmul.h"

namespace tl::kernels {

bool bmm_small(const Tensor& a, const Tensor& b, Tensor& out) {
  const int64_t B = a.shape()[0], m = a.shape()[1], n = a.shape()[2], p = b.shape()[2];
  if (n * m * p >= 400 || !(a.dtype() == DType::Float32 || a.dtype() == DType::Float64)) return false;
  TL_DISPATCH_FLOAT(a.dtype(), T, [&] {
    const T *pa = a.data_ptr<T>(), *pb = b.data_ptr<T>();
    T* po = out.data_ptr<T>();
    const Dims &sa = a.strides(), &sb = b.strides();
    for (int64_t z = 0; z < B; ++z)
      for (int64_t i = 0; i < m; ++i)
        for (int64_t j = 0; j < p; ++j) {
          T acc = 0;
          for (int64_t k = 0; k < n; ++k)
            acc += pa[z * sa[0] + i * sa[1] + k * sa[2]] * pb[z * sb[0] + k * sb[1] + j * sb[2]];
          po[(z * m + i) * p + j] = acc;
        }
  });
  return true;
}

}  // namespace tl::kernels
