# An in-place op on a float32 view with a float64 operand that requires grad: PyTorch's node gives
# self's dtype, so the operand's gradient is cast by the engine (ToCopyBackward0 under create_graph).
import torch
v0 = torch.tensor([-1.220], dtype=torch.float64, requires_grad=True)
v1 = torch.tensor([[1.92], [1.02], [-2.8]], dtype=torch.float32)
v4 = v1[...]
v5 = v0 - -0.0
v4 -= v5
v8 = torch.autograd.grad(torch.square(v4).sum(), [v0], create_graph=True)[0]
print(v8, v8.grad_fn.name(), v4.grad_fn.name(), v4.dtype)
a = torch.zeros(3, dtype=torch.float32)[1:]
a.mul_(2).add_(v0 * 2)
g = torch.autograd.grad((a * a).sum(), [v0], create_graph=True)[0]
print(g, g.grad_fn.name(), a.grad_fn.name())
b = torch.ones(4, dtype=torch.float32)[::2]
b.div_(v0)
g = torch.autograd.grad(b.sum(), [v0], create_graph=True)[0]
print(g, g.grad_fn.name())
