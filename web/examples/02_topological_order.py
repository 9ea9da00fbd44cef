# Seed example 2: backward in topological order.
# a and b each feed two branches (a diamond): backward must finish both branches
# before it can pass a complete gradient to a and b.
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
b = torch.tensor([4., 5., 6.], requires_grad=True)
e = (a + b) * (a * b)
e.sum().backward()
print("a.grad =", a.grad)
print("b.grad =", b.grad)
