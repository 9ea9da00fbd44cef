# source: https://github.com/d2l-ai/d2l-en/blob/024fb3863c6025d1a9b751b47fbfb842aeef3b07/chapter_preliminaries/ndarray.md
# (PyTorch tab; a notebook cell's displayed value is printed)
import torch

x = torch.arange(12)
print(x)

print(x.shape)

print(x.size())

x = x.reshape((3, 4))
print(x)

print(torch.zeros(2, 3))

print(torch.ones((2, 3, 4)))

print(torch.randn(3, 4))

print(torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]]))
