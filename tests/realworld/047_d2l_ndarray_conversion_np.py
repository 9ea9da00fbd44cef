# source: https://github.com/d2l-ai/d2l-en/blob/024fb3863c6025d1a9b751b47fbfb842aeef3b07/chapter_preliminaries/ndarray.md
# (PyTorch tab; a notebook cell's displayed value is printed)
import torch

x = torch.arange(12, dtype=torch.float32).reshape((3,4))

a = x.numpy()
b = torch.tensor(a)
print((type(a), type(b)))
print(a)
print(b)
