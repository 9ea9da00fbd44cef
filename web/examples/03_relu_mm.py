# Seed example 3: matrix multiply and ReLU.
# d is used twice in e = d + d, so its gradient accumulates.
import torch

a = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
b = torch.tensor([[5., 6.], [7., 8.]], requires_grad=True)
c = a.mm(b)
d = c.relu()
e = d + d
e.sum().backward()
print("a.grad =", a.grad)
print("b.grad =", b.grad)
