# source: https://pytorch.org/docs/1.13/generated/torch.gather.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

t = torch.tensor([[1, 2], [3, 4]])
print(torch.gather(t, 1, torch.tensor([[0, 0], [1, 0]])))

# https://pytorch.org/docs/1.13/generated/torch.where.html
x = torch.randn(3, 2)
y = torch.ones(3, 2)
print(x)
print(torch.where(x > 0, x, y))
x = torch.randn(2, 2, dtype=torch.double)
print(x)
print(torch.where(x > 0, x, 0.))

# https://pytorch.org/docs/1.13/generated/torch.masked_select.html
x = torch.randn(3, 4)
print(x)
mask = x.ge(0.5)
print(mask)
print(torch.masked_select(x, mask))
