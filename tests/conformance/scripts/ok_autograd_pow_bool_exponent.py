import torch
# x ** False: PyTorch's pow_backward skips its zeros_like shortcut for a bool exponent
# (Scalar::equal(0.0) is false for a bool), so the gradient is g * 0 * x^-1: a MulBackward0 that
# requires grad under create_graph, nan where x is 0; x ** 0 keeps the shortcut.
x = torch.tensor([[1.6, 0.0, -2.0]], requires_grad=True)
for e in [False, True, 0, 0.0, 1]:
    y = x ** e
    g = torch.autograd.grad(y.sum(), [x], create_graph=True)[0]
    print(e, y, g, g.requires_grad, g.grad_fn.name() if g.grad_fn else None)
