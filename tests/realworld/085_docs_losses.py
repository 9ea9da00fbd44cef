# source: https://pytorch.org/docs/1.13/generated/torch.nn.MSELoss.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch
from torch import nn

loss = nn.MSELoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5)
output = loss(input, target)
output.backward()
print(output, input.grad)

# https://pytorch.org/docs/1.13/generated/torch.nn.L1Loss.html
loss = nn.L1Loss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5)
output = loss(input, target)
output.backward()
print(output, input.grad)

# https://pytorch.org/docs/1.13/generated/torch.nn.SmoothL1Loss.html (same example shape)
loss = nn.SmoothL1Loss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5)
output = loss(input, target)
output.backward()
print(output, input.grad)
