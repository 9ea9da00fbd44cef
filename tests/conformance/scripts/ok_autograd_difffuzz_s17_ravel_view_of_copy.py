import torch
# ravel is contiguous().view(-1): of a non-contiguous input its result is a view of the copy, so an
# in-place op on it regenerates its grad_fn (AsStridedBackward0) and the copy gets CopySlices (difffuzz 1422#1993, 1442#7890)
v1 = torch.tensor([[[-2.75, 1.30, 2.740]]], dtype=torch.float32, requires_grad=True)
v5 = v1.expand(3, 2, 3, 3)
v7 = v5[None]
v10 = v7.ravel()
print(v10._is_view(), v10.grad_fn)
v10[-2:] = True
print(v10.grad_fn)
v0 = torch.tensor([[[2.4]], [[-1.5]], [[-1.52]], [[-2.1]], [[-2.61]]], dtype=torch.float32, requires_grad=True)
v3 = v0.unfold(0, 2, 3)
print(v3.shape, v3.stride())
v7 = torch.ravel(v3)
print(v7._is_view(), v7.grad_fn)
v7 /= False
print(v7.grad_fn)
# backward through the regenerated views
a = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
r = (a * 2).t().ravel()
print(r._is_view(), r.grad_fn)
r[1:3] = 7.
print(r.grad_fn, r)
r.mul_(torch.arange(6.))
print(r.grad_fn)
(r * r).sum().backward()
print(a.grad)
b = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
with torch.no_grad():
    q = b.t().ravel()
print(q._is_view(), q.requires_grad, q.grad_fn)
c = b.clone().t().ravel()
c.add_(1)
print(c.grad_fn, torch.autograd.grad(c.sum() * 2, b))
