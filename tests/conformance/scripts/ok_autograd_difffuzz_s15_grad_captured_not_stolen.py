# torch.autograd.grad through a CopySlices also accumulates into the requested leaf's .grad (PyTorch
# 1.13's CopySlices quirk); that .grad is a copy of the returned gradient, not an alias (the engine's
# captured variable holds the gradient, so AccumulateGrad cannot steal it).
import torch

v0 = torch.tensor([-0.350, 1e30, -0.360, -1.680, 0.1], requires_grad=True)
v2 = torch.tensor([[[-0.62, -1.910, 2.48, 2.1, -2.460], [-0.680, -1.56, -float('inf'), 0.44, 0.870]]], dtype=torch.float64)
v3 = v2.cos_()
v4 = v3[None, 5:]
v4 /= v0
v5 = torch.autograd.grad(v4.sum(), [v0], retain_graph=True, allow_unused=True)[0]
print(v5, v0.grad)
v0.abs().sum().backward()
print(v5, v0.grad)

x = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.zeros(3)
b[1:] = x
g = torch.autograd.grad(b.sum(), [x])[0]
print(g, x.grad)
g.add_(5)
print(g, x.grad)
x.grad.mul_(3)
print(g, x.grad)
