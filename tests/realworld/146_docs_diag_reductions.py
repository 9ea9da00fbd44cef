# source: https://pytorch.org/docs/1.13/generated/torch.diag.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

a = torch.randn(3)
print(a)
print(torch.diag(a))
print(torch.diag(a, 1))
a = torch.randn(3, 3)
print(a)
print(torch.diag(a, 0))
print(torch.diag(a, 1))

# https://pytorch.org/docs/1.13/generated/torch.logsumexp.html
a = torch.randn(3, 3)
print(torch.logsumexp(a, 1))

# https://pytorch.org/docs/1.13/generated/torch.cumprod.html
a = torch.randn(10)
print(a)
print(torch.cumprod(a, dim=0))
a[5] = 0.0
print(torch.cumprod(a, dim=0))

# https://pytorch.org/docs/1.13/generated/torch.argmin.html
a = torch.randn(4, 4)
print(a)
print(torch.argmin(a, dim=1))

# https://pytorch.org/docs/1.13/generated/torch.all.html
a = torch.rand(1, 2).bool()
print(a)
print(torch.all(a))
a = torch.arange(0, 3)
print(a)
print(torch.all(a))
a = torch.rand(4, 2).bool()
print(a)
print(torch.all(a, dim=1))
print(torch.all(a, dim=0))

# https://pytorch.org/docs/1.13/generated/torch.any.html
a = torch.rand(1, 2).bool()
print(a)
print(torch.any(a))
a = torch.arange(0, 3)
print(a)
print(torch.any(a))
a = torch.randn(4, 2) < 0
print(a)
print(torch.any(a, 1))
print(torch.any(a, 0))

# https://pytorch.org/docs/1.13/generated/torch.median.html
a = torch.randn(1, 3)
print(a)
print(torch.median(a))

# https://pytorch.org/docs/1.13/generated/torch.dist.html
x = torch.randn(4)
print(x)
y = torch.randn(4)
print(y)
print(torch.dist(x, y, 3.5))
print(torch.dist(x, y, 3))
print(torch.dist(x, y, 0))
print(torch.dist(x, y, 1))
