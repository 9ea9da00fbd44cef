# Seed example 1: addition and multiplication.
# c = a + b and d = a * b share their inputs; e = c * d combines them.
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
b = torch.tensor([4., 5., 6.], requires_grad=True)
c = a + b
d = a * b
e = c * d
e.sum().backward()
print("a.grad =", a.grad)
print("b.grad =", b.grad)
