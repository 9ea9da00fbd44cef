# Differential-fuzzer find: a view rebuilt after an in-place write (AsStridedBackward0) gives its
# base PyTorch's as_strided_backward: g copied into zeros when the view's elements are distinct
# (a -0.0 stays), added when they overlap.
import torch
v0 = torch.tensor([-2.300, 0.2], requires_grad=True)
v1 = torch.tensor(-3)
v2 = torch.neg(v0)
v3 = v2[0]
v3 /= 5
v3 /= v1
v2[0] = -2.810
print(v3, v3.grad_fn.name(), v2.grad_fn.name())
v3.pow(2).sum().backward(retain_graph=True)
print(v0.grad, 1 / v0.grad)
a = torch.tensor([[1.0, -0.0], [2.0, 3.0]], requires_grad=True)
b = a * 1
c = b[:, 1]
b.mul_(2)
print(c.grad_fn.name())
(c * -0.0).sum().backward(retain_graph=True)
print(a.grad, 1 / a.grad)
a.grad = None
e = b[0].expand(3, 2)
b.add_(1)
(e * torch.tensor([-0.0, 1.0])).sum().backward()
print(e.grad_fn.name(), a.grad, 1 / a.grad)
w = torch.tensor([1.0, -0.0, 3.0], requires_grad=True)
u = w * 1
s = u[1:]
u.mul_(-1)
g, = torch.autograd.grad((s * -0.0).sum(), w, create_graph=True)
print(g, 1 / g)
