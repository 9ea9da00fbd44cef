import torch
# Tensor.masked_fill_: the out-of-place masked_fill written into self (history rebased: MaskedFillBackward0).
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
m = torch.tensor([True, False, True])
r = y.masked_fill_(m, -1.0)
print(r, r is y, y.grad_fn.name())
y.sum().backward()
print(x.grad)
z = torch.zeros(2, 3)
print(z.masked_fill_(torch.tensor([True, False, True]), torch.tensor(5.0)))
print(z.masked_fill_(torch.tensor([[False], [True]]), 7))
i = torch.arange(6).view(2, 3)
print(i.masked_fill_(i > 2, -3), i.dtype)
v = torch.tensor(1.5, requires_grad=True)
w = torch.ones(4, requires_grad=True).clone()
w.masked_fill_(torch.tensor([True, False, False, True]), v)
w.sum().backward()
print(w, v.grad)
try:
    z.masked_fill_(torch.tensor([True, False, True]), torch.tensor([5.0]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.ones(3, requires_grad=True).masked_fill_(torch.tensor([True, False, True]), 0.0)
except Exception as e:
    print(type(e).__name__, e)
