// Matrix products through Eigen's blocked GEMM, on strided views without copies where the
// layout allows (row-major, or transposed = column-major). float32 in wasm builds goes through
// the SIMD128 kernel of gemm_wasm.h instead (except matrix-vector shapes).
#pragma once
#include "engine/core/tensor.h"

namespace tl::kernels {

// out (m, p) = a (m, n) @ b (n, p); a and b are 2-D views of dtype T; out is contiguous.
void gemm(const Tensor& a, const Tensor& b, Tensor& out);
// out (B, m, p) = a (B, m, n) @ b (B, n, p)
void bgemm(const Tensor& a, const Tensor& b, Tensor& out);
// bgemm as PyTorch's bmm computes a product of fewer than 400 multiplications per batch (floats;
// bmm_small.cpp). Returns false, doing nothing, for the others.
bool bmm_small(const Tensor& a, const Tensor& b, Tensor& out);

}  // namespace tl::kernels
