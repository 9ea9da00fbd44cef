# bernoulli_(p) with p requiring grad records BernoulliBackward1 on self (an integer self too, as
# PyTorch 1.13), whose backward gives p a zero gradient.
import torch
torch.manual_seed(0)
p = torch.full((2, 2), 0.5, requires_grad=True)
q = p * 1.0
x = torch.zeros(2, 2)
x.bernoulli_(p * 1.0)
print(x, x.requires_grad, type(x.grad_fn).__name__, x.is_leaf)
(x * 3).sum().backward()
print(p.grad)
y = torch.zeros(2, 2, requires_grad=True) * 1.0
y.bernoulli_(p * 1.0)
print(y)
y.sum().backward()
print(p.grad)
z = torch.zeros(3, dtype=torch.int64)
z.bernoulli_(torch.full((3,), 0.5, requires_grad=True))
print(z, z.requires_grad)
w = torch.zeros(0, 0)
try:
    w.bernoulli_(p * 1.0)
except RuntimeError as e:
    print("RuntimeError:", e)
with torch.no_grad():
    v = torch.zeros(2, 2).bernoulli_(p * 1.0)
print(v.requires_grad)
