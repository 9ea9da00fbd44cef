import torch
x = torch.ones(2, 3)
x += torch.tensor([1.0, 2.0, 3.0])
x -= torch.tensor([[0.5], [1.5]])
x *= torch.arange(6.0).reshape(2, 3)
x /= 2.0
