# source: https://pytorch.org/docs/1.13/generated/torch.max.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

a = torch.randn(1, 3)
print(a)
print(torch.max(a))

a = torch.randn(4, 4)
print(a)
print(torch.max(a, 1))

# https://pytorch.org/docs/1.13/generated/torch.min.html
a = torch.randn(4, 4)
print(torch.min(a, 1))

# https://pytorch.org/docs/1.13/generated/torch.argmax.html
a = torch.randn(4, 4)
print(a)
print(torch.argmax(a, dim=1))
values, indices = torch.max(a, dim=0)
print(values, indices)
