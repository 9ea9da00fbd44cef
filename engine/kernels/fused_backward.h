// One-pass backward kernels for elementwise ops, used when the gradient will not be
// differentiated again. Each repeats the float operations of the op's differentiable composite
// in the same order, so the values are the same bits (this file is built with -ffp-contract=off:
// a compiler-fused multiply-add would round differently from the composite's separate ops).
#pragma once
#include "engine/core/tensor.h"

namespace tl::kernels {

// g and y (the op's output) contiguous, same shape, same floating dtype; out is made here.
void relu_backward(const Tensor& g, const Tensor& y, Tensor& out);     // y > 0 ? g : 0
void tanh_backward(const Tensor& g, const Tensor& y, Tensor& out);     // g * (1 - y * y)
void sigmoid_backward(const Tensor& g, const Tensor& y, Tensor& out);  // g * (y * (1 - y))

}  // namespace tl::kernels
