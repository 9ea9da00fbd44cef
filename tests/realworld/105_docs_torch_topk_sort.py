# source: https://pytorch.org/docs/1.13/generated/torch.topk.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

x = torch.arange(1., 6.)
print(x)
print(torch.topk(x, 3))

# https://pytorch.org/docs/1.13/generated/torch.sort.html
x = torch.randn(3, 4)
sorted, indices = torch.sort(x)
print(sorted)
print(indices)
sorted, indices = torch.sort(x, 0)
print(sorted)
print(indices)

# https://pytorch.org/docs/1.13/generated/torch.argsort.html
a = torch.randn(4, 4)
print(a)
print(torch.argsort(a, dim=1))
