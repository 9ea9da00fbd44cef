#include "engine/kernels/matmul.h"

#include <Eigen/Core>

#include "engine/kernels/elementwise.h"
#include "engine/kernels/gemm_wasm.h"

namespace tl::kernels {

namespace {

template <class T>
using RowMat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <class T>
using ColMat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;

// Calls f(eigen_expression) with an Eigen map of the 2-D strided view (rows, cols, sr, sc) at p.
// Unit inner strides map directly (row-major or column-major); other layouts are copied.
template <class T, class F>
void with_matrix(const T* p, int64_t rows, int64_t cols, int64_t sr, int64_t sc, F f) {
  using OS = Eigen::OuterStride<>;
  if ((sc == 1 || cols == 1) && (rows == 1 || sr >= cols)) {
    Eigen::Map<const RowMat<T>, 0, OS> m(p, rows, cols, OS(rows == 1 ? cols : sr));
    f(m);
  } else if ((sr == 1 || rows == 1) && (cols == 1 || sc >= rows)) {  // a transposed view
    Eigen::Map<const ColMat<T>, 0, OS> m(p, rows, cols, OS(cols == 1 ? rows : sc));
    f(m);
  } else {  // e.g. expanded (stride 0) or sliced with a step: copy
    RowMat<T> tmp(rows, cols);
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t j = 0; j < cols; ++j) tmp(i, j) = p[i * sr + j * sc];
    f(tmp);
  }
}

template <class T>
void gemm_t(const T* pa, int64_t m, int64_t n, int64_t sa0, int64_t sa1, const T* pb, int64_t p, int64_t sb0,
            int64_t sb1, T* po) {
  Eigen::Map<RowMat<T>> out(po, m, p);
  if (m == 0 || p == 0) return;
  if (n == 0) {
    out.setZero();
    return;
  }
#if defined(__wasm_simd128__)
  // In wasm, Eigen's float32 GEMM reaches about a third of the SIMD128 peak: a hand-written kernel.
  if constexpr (std::is_same<T, float>::value) {
    if (gemm_f32_wasm_wins(m, n, p)) return gemm_f32_wasm(pa, m, n, sa0, sa1, pb, p, sb0, sb1, po);
  }
#endif
  with_matrix<T>(pa, m, n, sa0, sa1, [&](const auto& A) {
    with_matrix<T>(pb, n, p, sb0, sb1, [&](const auto& B) { out.noalias() = A * B; });
  });
  // PyTorch's BLAS (beta = 0) sums the products onto +0.0: a sum of -0.0 products is +0.0.
  if constexpr (std::is_floating_point<T>::value)
    for (int64_t i = 0, e = m * p; i < e; ++i) po[i] += T(0);
}

// Narrow integer types (int32/int16/int8/uint8) multiply in int64: the low bits of the int64
// sums of products are those of the narrow type's wrapping arithmetic, so the result is the
// same, and no Eigen GEMM is instantiated per narrow type.
bool is_narrow_int(DType t) { return is_int(t) && t != DType::Int64; }
Tensor widen_int64(const Tensor& x) {
  Tensor w = Tensor::empty(x.shape(), DType::Int64);
  TL_DISPATCH(x.dtype(), S, [&] { copy_convert<S, int64_t>(x, w.data_ptr<int64_t>()); });
  return w;
}
void narrow_into(const Tensor& w, Tensor& out) {
  TL_DISPATCH(out.dtype(), D, [&] { copy_convert<int64_t, D>(w, out.data_ptr<D>()); });
}

}  // namespace

void gemm(const Tensor& a, const Tensor& b, Tensor& out) {
  if (is_narrow_int(a.dtype())) {
    Tensor o = Tensor::empty(out.shape(), DType::Int64);
    gemm(widen_int64(a), widen_int64(b), o);
    narrow_into(o, out);
    return;
  }
  TL_DISPATCH_WIDE(a.dtype(), T, [&] {
    if constexpr (std::is_same<T, bool>::value) {
      TL_FAIL("\"addmm_impl_cpu_\" not implemented for 'Bool'");
    } else {
      gemm_t<T>(a.data_ptr<T>(), a.shape()[0], a.shape()[1], a.strides()[0], a.strides()[1], b.data_ptr<T>(),
                b.shape()[1], b.strides()[0], b.strides()[1], out.data_ptr<T>());
    }
  });
}

void bgemm(const Tensor& a, const Tensor& b, Tensor& out) {
  if (is_narrow_int(a.dtype())) {
    Tensor o = Tensor::empty(out.shape(), DType::Int64);
    bgemm(widen_int64(a), widen_int64(b), o);
    narrow_into(o, out);
    return;
  }
  if (bmm_small(a, b, out)) return;
  TL_DISPATCH_WIDE(a.dtype(), T, [&] {
    if constexpr (std::is_same<T, bool>::value) {
      TL_FAIL("\"bmm\" not implemented for 'Bool'");
    } else {
      const int64_t B = a.shape()[0], m = a.shape()[1], n = a.shape()[2], p = b.shape()[2];
      for (int64_t i = 0; i < B; ++i)
        gemm_t<T>(a.data_ptr<T>() + i * a.strides()[0], m, n, a.strides()[1], a.strides()[2],
                  b.data_ptr<T>() + i * b.strides()[0], p, b.strides()[1], b.strides()[2],
                  out.data_ptr<T>() + i * m * p);
    }
  });
}

}  // namespace tl::kernels
