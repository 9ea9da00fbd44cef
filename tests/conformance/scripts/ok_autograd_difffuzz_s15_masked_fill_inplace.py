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
x = torch.zeros(1, 3).expand(2, 3)
# masked_fill_ of an expanded tensor (PyTorch warns, and writes the masked elements)
print(x.masked_fill_(torch.tensor([True, False, True]), 2.0))
y = torch.zeros(3, 1).expand(3, 4)
print(y.masked_fill_(torch.tensor([[True], [False], [True]]), 5))
v3 = torch.tensor([[[2.75, 0.47]], [[-0.51, 2.60]]], dtype=torch.float64, requires_grad=True)
v6 = torch.autograd.grad(v3.sum(), [v3])[0]
print(v6.masked_fill_(torch.tensor([[[False, True]], [[False, False]]]), 2.11))
v7 = torch.autograd.grad(v3.sum(), [v3])[0]
print(v7.masked_fill_(torch.tensor([[[False, False]], [[False, False]]]), 2.11))
