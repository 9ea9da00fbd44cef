# source: https://pytorch.org/docs/1.13/generated/torch.Tensor.view.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

x = torch.randn(4, 4)
print(x.size())
y = x.view(16)
print(y.size())
z = x.view(-1, 8)  # the size -1 is inferred from other dimensions
print(z.size())

a = torch.randn(1, 2, 3, 4)
print(a.size())
b = a.transpose(1, 2)  # Swaps 2nd and 3rd dimension
print(b.size())
c = a.view(1, 3, 2, 4)  # Does not change tensor layout in memory
print(c.size())
print(torch.equal(b, c))

# https://pytorch.org/docs/1.13/generated/torch.Tensor.expand.html
x = torch.tensor([[1], [2], [3]])
print(x.size())
print(x.expand(3, 4))
print(x.expand(-1, 4))   # -1 means not changing the size of that dimension

# https://pytorch.org/docs/1.13/generated/torch.Tensor.repeat.html
x = torch.tensor([1, 2, 3])
print(x.repeat(4, 2))
print(x.repeat(4, 2, 1).size())

# https://pytorch.org/docs/1.13/generated/torch.permute.html
x = torch.randn(2, 3, 5)
print(x.size())
print(torch.permute(x, (2, 0, 1)).size())

# https://pytorch.org/docs/1.13/generated/torch.squeeze.html
x = torch.zeros(2, 1, 2, 1, 2)
print(x.size())
y = torch.squeeze(x)
print(y.size())
y = torch.squeeze(x, 0)
print(y.size())
y = torch.squeeze(x, 1)
print(y.size())
