# source: https://pytorch.org/docs/1.13/generated/torch.cat.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

x = torch.randn(2, 3)
print(x)
print(torch.cat((x, x, x), 0))
print(torch.cat((x, x, x), 1))

# https://pytorch.org/docs/1.13/generated/torch.split.html
a = torch.arange(10).reshape(5,2)
print(a)
print(torch.split(a, 2))
print(torch.split(a, [1,4]))

# https://pytorch.org/docs/1.13/generated/torch.chunk.html
print(torch.arange(11).chunk(6))
print(torch.arange(12).chunk(6))
print(torch.arange(13).chunk(6))

# https://pytorch.org/docs/1.13/generated/torch.stack.html (shape check)
print(torch.stack([x, x]).shape, torch.stack([x, x], dim=1).shape)
