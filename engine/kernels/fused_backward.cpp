#include "engine/kernels/fused_backward.h"

namespace tl::kernels {

namespace {

template <class F>
void fused(const Tensor& g, const Tensor& y, Tensor& out, F f) {
  out = Tensor::empty(y.shape(), y.dtype());
  TL_DISPATCH_FLOAT(y.dtype(), T, [&] {
    const T* py = y.data_ptr<T>();
    const T* pg = g.data_ptr<T>();
    T* po = out.data_ptr<T>();
    for (int64_t i = 0, n = y.numel(); i < n; ++i) po[i] = f(pg[i], py[i]);
  });
}

}  // namespace

void relu_backward(const Tensor& g, const Tensor& y, Tensor& out) {
  // PyTorch's threshold_backward: 0 where y <= 0, else g (a NaN output passes g through).
  fused(g, y, out, [](auto gv, auto yv) { return yv <= 0 ? decltype(gv)(0) : gv; });
}
void tanh_backward(const Tensor& g, const Tensor& y, Tensor& out) {
  fused(g, y, out, [](auto gv, auto yv) { return gv * (decltype(yv)(1) - yv * yv); });
}
void sigmoid_backward(const Tensor& g, const Tensor& y, Tensor& out) {
  fused(g, y, out, [](auto gv, auto yv) { return gv * (yv * (decltype(yv)(1) - yv)); });
}

}  // namespace tl::kernels
