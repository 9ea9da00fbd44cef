# source: https://pytorch.org/docs/1.13/generated/torch.tril.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

a = torch.randn(3, 3)
print(a)
print(torch.tril(a))
b = torch.randn(4, 6)
print(b)
print(torch.tril(b, diagonal=1))
print(torch.tril(b, diagonal=-1))

# https://pytorch.org/docs/1.13/generated/torch.triu.html
a = torch.randn(3, 3)
print(a)
print(torch.triu(a))
print(torch.triu(a, diagonal=1))
print(torch.triu(a, diagonal=-1))
b = torch.randn(4, 6)
print(b)
print(torch.triu(b, diagonal=1))
print(torch.triu(b, diagonal=-1))
