# A bool tensor written from one that requires grad gets CopySlices (it requires grad, as in
# PyTorch 1.13); used as a mask, it is not a differentiable input: masked_select, masked_fill and
# where take it without recording anything on it.
import torch
v0 = torch.tensor(-1.56, dtype=torch.float64, requires_grad=True)
m = torch.tensor(True, dtype=torch.bool)
m[None] = v0
print(m.requires_grad, m.is_leaf)
s = v0.masked_select(m)
print(s, s.grad_fn.name())
x = torch.tensor([1.5, -2.0, 3.25], requires_grad=True)
m2 = torch.tensor([True, False, True])
m2[1] = x[0]
print(m2, m2.requires_grad)
y = x.masked_select(m2)
print(y)
z = x.masked_fill(m2, 0.5)
print(z)
w = torch.where(m2, x, torch.zeros(3))
print(w)
(y.sum() + z.sum() + w.sum()).backward()
print(x.grad)
