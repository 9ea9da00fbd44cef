# source: https://github.com/d2l-ai/d2l-en/blob/024fb3863c6025d1a9b751b47fbfb842aeef3b07/chapter_preliminaries/ndarray.md
# (PyTorch tab; a notebook cell's displayed value is printed)
import torch

x = torch.arange(12, dtype=torch.float32).reshape((3,4))
y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])

a = torch.arange(3).reshape((3, 1))
b = torch.arange(2).reshape((1, 2))
print((a, b))

print(a + b)

print((x[-1], x[1:3]))

x[1, 2] = 9
print(x)

x[0:2, :] = 12
print(x)

before = id(y)
y = y + x
print(id(y) == before)

z = torch.zeros_like(y)
id_z = id(z)  # (the original prints id(z) before and after; ids vary between runs, so they are compared)
z[:] = x + y
print('id(z):', id(z) == id_z)
print(z)

before = id(x)
x += y
print(id(x) == before)

a = torch.tensor([3.5])
print((a, a.item(), float(a), int(a)))
