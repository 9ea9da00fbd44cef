# source: https://pytorch.org/docs/1.13/tensors.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

print(torch.tensor([[1., -1.], [1., -1.]]))

print(torch.zeros([2, 4], dtype=torch.int32))

x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(x[1][2])
x[0][1] = 8
print(x)

x = torch.tensor([[1]])
print(x)
print(x.item())
x = torch.tensor(2.5)
print(x)
print(x.item())

x = torch.tensor([[1., -1.], [1., 1.]], requires_grad=True)
out = x.pow(2).sum()
out.backward()
print(x.grad)

# https://pytorch.org/docs/1.13/generated/torch.Tensor.index_select.html
x = torch.randn(3, 4)
print(x)
indices = torch.tensor([0, 2])
print(torch.index_select(x, 0, indices))
print(torch.index_select(x, 1, indices))

# https://pytorch.org/docs/1.13/generated/torch.Tensor.masked_fill_.html (usage)
x = torch.arange(6.).view(2, 3)
print(x.masked_fill(x > 2, -1.0))
