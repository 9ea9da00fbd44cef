import torch
import torch.nn.functional as F
# The grad_fn of a gradient computed with create_graph=True: PyTorch's backward formulas end in
# a named ATen op (tanh_backward -> TanhBackwardBackward0, _softmax_backward_data, ...) or in a
# multiplication by the derivative (cos: g * -sin(x) is a MulBackward0); the values are PyTorch's.
x = torch.tensor([[0.3, -0.4, 0.5], [0.2, 0.7, -0.1]], requires_grad=True)
w = torch.tensor([[1.3, 0.4, 0.5], [0.2, -0.7, 1.1]], requires_grad=True)
s = torch.tensor(-2.0, requires_grad=True)
r = torch.tensor([[0.3, -0.4, 0.5]], requires_grad=True)
cases = [
    ("cos", lambda: x.cos(), x), ("asin", lambda: x.asin(), x), ("acos", lambda: x.acos(), x),
    ("asinh", lambda: x.asinh(), x), ("acosh", lambda: (x + 2).acosh(), x),
    ("tanh", lambda: x.tanh(), x), ("sigmoid", lambda: x.sigmoid(), x), ("softplus", lambda: F.softplus(x), x),
    ("softmax", lambda: x.softmax(-1) * w, x), ("softmax dim 0", lambda: x.softmax(0) * w, x),
    ("log_softmax", lambda: x.log_softmax(-1) * w, x), ("mse_loss input", lambda: F.mse_loss(x, w), x),
    ("mse_loss target", lambda: F.mse_loss(x, w), w), ("x / w, other", lambda: x / w, w),
    ("x.abs() ** w, exponent", lambda: x.abs() ** w, w), ("x ** w, input", lambda: x ** w, x),
    ("x ** int tensor 0", lambda: x ** torch.tensor(0), x), ("(x ** 0) * x", lambda: (x ** 0) * x, x), ("2 ** x", lambda: 2 ** x, x),
    ("atan2 to a 0-d input", lambda: x.atan2(s), s), ("x * s to a 0-d input", lambda: x * s, s),
    ("x * r to a (1, 3) input", lambda: (x * r) ** 2, r),
    ("gelu", lambda: F.gelu(x), x), ("gelu 1 element", lambda: F.gelu(s), s), ("exp2", lambda: x.exp2(), x),
    ("bce_with_logits input", lambda: F.binary_cross_entropy_with_logits(x, w.sigmoid()), x),
    ("bce_with_logits target", lambda: F.binary_cross_entropy_with_logits(x, w), w),
    ("max() ** 2", lambda: x.max() ** 2, x), ("min(dim) ** 2", lambda: x.min(1)[0] ** 2, x),
    ("max(dim, keepdim) ** 2", lambda: x.max(0, keepdim=True)[0] ** 2, x),
    ("norm", lambda: x.norm(), x), ("norm(3, dim)", lambda: x.norm(3, 1), x), ("norm zero", lambda: (x * 0).norm(), x),
    ("xlogy", lambda: x.xlogy(w.abs()), x),
    # a gradient that requires grad itself reaches the formula (y ** 2 gives 2 y g)
    ("relu ** 2", lambda: x.relu() ** 2, x), ("leaky_relu ** 2", lambda: F.leaky_relu(x, 0.2) ** 2, x),
    ("maximum ** 2, input", lambda: x.maximum(w) ** 2, x), ("maximum ** 2, other", lambda: x.maximum(w) ** 2, w),
    ("minimum ** 2, input", lambda: x.minimum(w) ** 2, x), ("amax ** 2", lambda: x.amax(1) ** 2, x),
    ("amin(keepdim) ** 2", lambda: x.amin(0, keepdim=True) ** 2, x),
    ("unsqueeze ** 2", lambda: x.unsqueeze(1) ** 2, x), ("squeeze ** 2", lambda: r.squeeze() ** 2, r),
    ("squeeze(dim) ** 2", lambda: r.squeeze(0) ** 2, r), ("squeeze(no-op dim) ** 2", lambda: x.squeeze(0) ** 2, x),
    ("view ** 2", lambda: x.view(3, 2) ** 2, x), ("select ** 2", lambda: x.select(1, -1) ** 2, x),
    ("narrow ** 2", lambda: x.narrow(1, 1, 2) ** 2, x), ("t ** 2", lambda: x.t() ** 2, x),
    ("x @ w.t(), w", lambda: (x @ w.t()) ** 2, w), ("transpose ** 2", lambda: x.transpose(0, 1) ** 2, x),
    ("masked_fill ** 2", lambda: x.masked_fill(x > 0.4, 2.0) ** 2, x),
    ("masked_fill tensor ** 2", lambda: x.masked_fill(x > 0.4, torch.tensor(2.0)) ** 2, x),
    ("reshape(6) ** 2", lambda: x.reshape(6) ** 2, x),
    ("tanh ** 2", lambda: x.tanh() ** 2, x), ("softmax ** 2", lambda: x.softmax(1) ** 2, x),
]
for name, f, inp in cases:
    g = torch.autograd.grad(f().sum(), [inp], create_graph=True)[0]
    print(name, type(g.grad_fn).__name__)
    print(g)
    if "softmax" not in name:  # (softmax's second derivatives here are rounding noise around 0)
        gg = torch.autograd.grad(g.sum(), [inp], allow_unused=True)[0]
        print(gg)
# lerp with a 0-d tensor weight is the lerp.Tensor overload (LerpBackward1), with a number lerp.Scalar
print(x.lerp(w, torch.tensor(0.3)).grad_fn.name(), x.lerp(w, 0.3).grad_fn.name())
