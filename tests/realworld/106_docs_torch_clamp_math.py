# source: https://pytorch.org/docs/1.13/generated/torch.clamp.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch

a = torch.randn(4)
print(a)
print(torch.clamp(a, min=-0.5, max=0.5))

min = torch.linspace(-1, 1, steps=4)
print(torch.clamp(a, min=min))

# https://pytorch.org/docs/1.13/generated/torch.abs.html
print(torch.abs(torch.tensor([-1, -2, 3])))

# https://pytorch.org/docs/1.13/generated/torch.exp.html
import math
print(torch.exp(torch.tensor([0, math.log(2.)])))

# https://pytorch.org/docs/1.13/generated/torch.log.html
a = torch.rand(5) * 5
print(a)
print(torch.log(a))

# https://pytorch.org/docs/1.13/generated/torch.sqrt.html
a = torch.randn(4)
print(a)
print(torch.sqrt(a))

# https://pytorch.org/docs/1.13/generated/torch.sigmoid.html
a = torch.randn(4)
print(torch.sigmoid(a))

# https://pytorch.org/docs/1.13/generated/torch.round.html
print(torch.round(torch.tensor((4.7, -2.3, 9.1, -7.7))))
print(torch.round(torch.tensor([-0.5, 0.5, 1.5, 2.5])))
