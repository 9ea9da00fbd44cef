# masked_fill_ on a view made in no_grad mode (a gradient from autograd.grad, an expand of the
# ones): PyTorch 1.13's check_inplace runs only when a differentiable input (self, a tensor value)
# requires grad; the mask is no such input, so a mask that requires grad does not refuse the write.
import torch
v0 = torch.tensor([[-2.36, 1.00, -2.4]], requires_grad=True)
v2 = torch.tensor([-0.0], dtype=torch.float64, requires_grad=True)
m = v2.floor_divide(torch.tensor([[3]]))
g = torch.autograd.grad(v0.sum(), [v0])[0]
print(g.requires_grad, m.requires_grad)
g.masked_fill_(m, -2.9)
print(g)
# a float mask that requires grad (byte 0: no fill), a tensor value that needs none
x = torch.tensor(-2.2, requires_grad=True)
h = torch.autograd.grad(x.sum(), [x])[0]
mf = torch.tensor(2.0, requires_grad=True) * 1
h.masked_fill_(mf, torch.tensor(5.0))
print(h)
# a bool mask from a tensor that requires grad, integer value
y = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
k = torch.autograd.grad((y * y).sum(), [y])[0]
w = torch.autograd.grad(y.sum(), [y])[0]
w.masked_fill_(torch.tensor([True, False, True]), 7)
print(w, k)
# a value that requires grad still refuses it
try:
    w.masked_fill_(torch.tensor([True, False, True]), torch.tensor(1.0, requires_grad=True))
except RuntimeError as e:
    print(str(e)[:80])
print(w)
