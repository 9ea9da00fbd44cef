// Hand-written float32 GEMM for WebAssembly SIMD128 (wasm builds only: native builds use Eigen,
// which there is as fast as PyTorch; in wasm Eigen's kernels reach about a third of the SIMD128
// peak). See gemm_wasm.cpp for the design and the measurements behind it.
#pragma once
#if defined(__wasm_simd128__)
#include <cstdint>

namespace tl::kernels {

// True when gemm_f32_wasm beats Eigen for out (m, n) = a (m, k) @ b (k, n): everything except
// matrix-vector-like shapes (one row, or fewer than 8 columns), where Eigen's GEMV is faster.
bool gemm_f32_wasm_wins(int64_t m, int64_t k, int64_t n);

// c (m, n), row-major contiguous, = a (m, k) @ b (k, n); a and b are strided 2-D views (strides
// in elements, any layout: row-major, transposed, sliced, expanded with stride 0). c is only
// written (beta = 0). k must be > 0.
void gemm_f32_wasm(const float* a, int64_t m, int64_t k, int64_t sa0, int64_t sa1, const float* b, int64_t n,
                   int64_t sb0, int64_t sb1, float* c);

}  // namespace tl::kernels
#endif
