# Differential-fuzzer find (seed 1052 #2074): PyTorch 1.13's torch.autograd.grad runs the
# AccumulateGrad nodes that an in-place op on a view (CopySlices) points at directly, so those
# leaves' .grad grows: a requested one by its whole gradient, another by what that op gives it.
import torch
v0 = torch.tensor([[2.5]], requires_grad=True)
v1 = torch.tensor([1.710, -0.910, 2.2, -1.3])
v0.sum().backward(retain_graph=True)
v3 = v1[None]
v3 *= v0
v4 = v3.exp2_()
v5 = torch.autograd.grad(v4.sum(), [v0], create_graph=True)[0]
print(v0.grad, v5)

w = torch.tensor([[3.0]], requires_grad=True)
b = torch.tensor([[0.5]], requires_grad=True)
x = torch.ones(4)
x[None].mul_(w)
g = torch.autograd.grad(x.sum() + (w * b * 100).sum(), [w])[0]
print(g, w.grad, b.grad)

# an op between the leaf and the in-place op: no accumulation
c = torch.tensor([2.0], requires_grad=True)
y = torch.ones(4)
y[1:].mul_(c.view(1))
g = torch.autograd.grad(y.sum(), [c])[0]
print(g, c.grad)
