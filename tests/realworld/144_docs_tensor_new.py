# source: https://pytorch.org/docs/1.13/generated/torch.Tensor.new_tensor.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

tensor = torch.ones((2,), dtype=torch.int8)
data = [[0, 1], [2, 3]]
print(tensor.new_tensor(data))

# https://pytorch.org/docs/1.13/generated/torch.Tensor.new_full.html
tensor = torch.ones((2,), dtype=torch.float64)
print(tensor.new_full((3, 4), 3.141592))

# https://pytorch.org/docs/1.13/generated/torch.Tensor.new_zeros.html
tensor = torch.tensor((), dtype=torch.float64)
print(tensor.new_zeros((2, 3)))

# https://pytorch.org/docs/1.13/generated/torch.Tensor.new_ones.html
tensor = torch.tensor((), dtype=torch.int32)
print(tensor.new_ones((2, 3)))

# https://pytorch.org/docs/1.13/generated/torch.Tensor.item.html
x = torch.tensor([[1]])
print(x)
print(x.item())
x = torch.tensor(2.5)
print(x)
print(x.item())

# https://pytorch.org/docs/1.13/generated/torch.Tensor.tolist.html
a = torch.randn(2, 2)
print(a.tolist())
print(a[0,0].tolist())

# https://pytorch.org/docs/1.13/generated/torch.numel.html
a = torch.randn(1, 2, 3, 4, 5)
print(torch.numel(a))
a = torch.zeros(4,4)
print(torch.numel(a))

# https://pytorch.org/docs/1.13/generated/torch.is_tensor.html
x = torch.tensor([1, 2, 3])
print(torch.is_tensor(x))
