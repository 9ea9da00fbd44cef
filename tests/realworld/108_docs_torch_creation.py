# source: https://pytorch.org/docs/1.13/generated/torch.arange.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

print(torch.arange(5))
print(torch.arange(1, 4))
print(torch.arange(1, 2.5, 0.5))

# https://pytorch.org/docs/1.13/generated/torch.linspace.html
print(torch.linspace(3, 10, steps=5))
print(torch.linspace(-10, 10, steps=5))
print(torch.linspace(start=-10, end=10, steps=5))
print(torch.linspace(start=-10, end=10, steps=1))

# https://pytorch.org/docs/1.13/generated/torch.eye.html
print(torch.eye(3))

# https://pytorch.org/docs/1.13/generated/torch.full.html
print(torch.full((2, 3), 3.141592))

# https://pytorch.org/docs/1.13/generated/torch.zeros_like.html
input = torch.empty(2, 3)
print(torch.zeros_like(input))

# https://pytorch.org/docs/1.13/generated/torch.tensor.html
print(torch.tensor([[0.1, 1.2], [2.2, 3.1], [4.9, 5.2]]))
print(torch.tensor([0, 1]))  # Type inference on data
print(torch.tensor([[0.11111, 0.222222, 0.3333333]],
             dtype=torch.float64,
             device=torch.device('cpu')))  # creates a double tensor on a CPU device
print(torch.tensor(3.14159))  # Create a zero-dimensional (scalar) tensor
print(torch.tensor([]))  # Create an empty tensor (of size (0,))
