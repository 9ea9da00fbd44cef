// Elementwise kernels over strided, broadcast inputs. Outputs are fresh and contiguous.
// No autograd here.
#pragma once
#include "engine/core/tensor.h"
#include "engine/kernels/loops.h"

namespace tl::kernels {

// The loops are kept out of line: each (op, dtype) instantiation is then a function of its own
// instead of one case of a dispatcher inlining them all. In wasm that matters: V8 compiles a
// function with its optimising tier only once it is hot, and `unary`/`binary` had become single
// ~300 KB functions whose background compilation slowed every workload for the first second.
#define TL_KERNEL_LOOP __attribute__((noinline))

// f (a double function) of a float32 or float64 value, rounded once to its type. The volatile
// keeps GCC from narrowing (float)f((double)x) back into the float function (expm1f, tanhf, ...),
// which PyTorch's results would then differ from by an ulp.
template <class T, class F>
T in_double(T v, F f) {
  volatile double d = double(v);
  return T(f(d));
}

// out[i] = f(a[i], b[i]) with a, b of type T broadcast to out's shape; out of type R.
template <class T, class R, class F>
TL_KERNEL_LOOP void binary_loop(const Tensor& a, const Tensor& b, Tensor& out, F f) {
  const T* pa = a.data_ptr<T>();
  const T* pb = b.data_ptr<T>();
  R* po = out.data_ptr<R>();
  const int64_t n = out.numel();
  const bool a_full = a.shape() == out.shape() && a.is_contiguous();
  const bool b_full = b.shape() == out.shape() && b.is_contiguous();
  if (a_full && b_full) {
    for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i], pb[i]);
    return;
  }
  if (a_full && b.numel() == 1) {
    const T s = pb[0];
    for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i], s);
    return;
  }
  if (b_full && a.numel() == 1) {
    const T s = pa[0];
    for (int64_t i = 0; i < n; ++i) po[i] = f(s, pb[i]);
    return;
  }
  Dims st[3] = {contiguous_strides(out.shape()), broadcast_strides(out.shape(), a.shape(), a.strides()),
                broadcast_strides(out.shape(), b.shape(), b.strides())};
  const int64_t base[3] = {0, 0, 0};
  for_each_row<3>(out.shape(), st, base, [&](int64_t cnt, const int64_t* off, const int64_t* step) {
    R* o = po + off[0];
    const T* x = pa + off[1];
    const T* y = pb + off[2];
    if (step[1] == 1 && step[2] == 1) {
      for (int64_t j = 0; j < cnt; ++j) o[j] = f(x[j], y[j]);
    } else if (step[2] == 0) {
      const T yv = *y;
      for (int64_t j = 0; j < cnt; ++j) o[j] = f(x[j * step[1]], yv);
    } else if (step[1] == 0) {
      const T xv = *x;
      for (int64_t j = 0; j < cnt; ++j) o[j] = f(xv, y[j * step[2]]);
    } else {
      for (int64_t j = 0; j < cnt; ++j) o[j] = f(x[j * step[1]], y[j * step[2]]);
    }
  });
}

// out[i] = f(x[i]); x of type T, out of type R, same shape.
template <class T, class R, class F>
TL_KERNEL_LOOP void unary_loop(const Tensor& x, Tensor& out, F f) {
  const T* px = x.data_ptr<T>();
  R* po = out.data_ptr<R>();
  if (x.is_contiguous()) {
    const int64_t n = out.numel();
    for (int64_t i = 0; i < n; ++i) po[i] = f(px[i]);
    return;
  }
  Dims st[2] = {contiguous_strides(out.shape()), x.strides()};
  const int64_t base[2] = {0, 0};
  for_each_row<2>(out.shape(), st, base, [&](int64_t cnt, const int64_t* off, const int64_t* step) {
    R* o = po + off[0];
    const T* a = px + off[1];
    for (int64_t j = 0; j < cnt; ++j) o[j] = f(a[j * step[1]]);
  });
}

// Copies a strided tensor of type S into a contiguous buffer of type D (dtype conversion).
template <class S, class D>
TL_KERNEL_LOOP void copy_convert(const Tensor& src, D* dst) {
  const S* ps = src.data_ptr<S>();
  if (src.is_contiguous()) {
    const int64_t n = src.numel();
    for (int64_t i = 0; i < n; ++i) dst[i] = cast_value<D>(ps[i]);
    return;
  }
  int64_t i = 0;
  for_each_offset(src.shape(), src.strides(), 0, [&](int64_t o) { dst[i++] = cast_value<D>(ps[o]); });
}

}  // namespace tl::kernels
