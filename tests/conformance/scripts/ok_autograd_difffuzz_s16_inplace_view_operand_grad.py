# An in-place op whose input is another (strided) view of self's memory, self recording grad:
# PyTorch's kernel writes element after element, later elements reading earlier writes
import torch
import torch.nn.functional as F
v1 = torch.tensor([[[-0.20, 1.690, -1.8], [-2.3, 1.690, -0.760], [-0.53, 1.490, -2.62]]], dtype=torch.float32, requires_grad=True)
v3 = F.hardswish(v1)
v4 = v3[..., -1]
v3 *= v4
print(v3)
try:
    v3.sum().backward()
except Exception as e:
    print(type(e).__name__, str(e).split('\n')[0][:90])
a = torch.arange(16.0).reshape(4, 4).requires_grad_()
b = a * 1.5
b += b[:, 1]
print(b)
c = a.double() - 2
c -= c[:, 2]
print(c)
d = torch.linspace(-2, 2, 16).reshape(4, 4).requires_grad_()
e = d.exp()
e /= e[:, 0]
e.add_(e.t()[2], alpha=0.5)
print(e)
w = torch.linspace(1, 3, 6, requires_grad=True)
y = w * 2
y[1:].mul_(y[:-1].clone())
z = w * 1
z.unfold(0, 2, 1)
print(y, z)
