# source: https://pytorch.org/docs/1.13/generated/torch.mean.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

a = torch.randn(1, 3)
print(a)
print(torch.mean(a))

a = torch.randn(4, 4)
print(a)
print(torch.mean(a, 1))
print(torch.mean(a, 1, True))

# https://pytorch.org/docs/1.13/generated/torch.sum.html
a = torch.randn(4, 4)
print(torch.sum(a, 1))
b = torch.arange(4 * 5 * 6).view(4, 5, 6)
print(torch.sum(b, (2, 1)))

# https://pytorch.org/docs/1.13/generated/torch.std.html
a = torch.tensor(
    [[ 0.2035,  1.2959,  1.8101, -0.4644],
     [ 1.5027, -0.3270,  0.5905,  0.6538],
     [-1.5745,  1.3330, -0.5596, -0.6548],
     [ 0.1264, -0.5080,  1.6420,  0.1992]])
print(torch.std(a, dim=1, keepdim=True))
print(torch.var(a, dim=1, keepdim=True))

# https://pytorch.org/docs/1.13/generated/torch.cumsum.html
a = torch.randn(10)
print(a)
print(torch.cumsum(a, dim=0))

# https://pytorch.org/docs/1.13/generated/torch.prod.html
a = torch.randn(4, 2)
print(a)
print(torch.prod(a, 1))
