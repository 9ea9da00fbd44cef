# source: https://pytorch.org/docs/1.13/generated/torch.nn.ReLU.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch
from torch import nn

m = nn.ReLU()
input = torch.randn(2)
output = m(input)
print(input, output)

# An implementation of CReLU - https://arxiv.org/abs/1603.05201

m = nn.ReLU()
input = torch.randn(2).unsqueeze(0)
output = torch.cat((m(input),m(-input)))
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.Softmax.html
m = nn.Softmax(dim=1)
input = torch.randn(2, 3)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.LogSoftmax.html
m = nn.LogSoftmax(dim=1)
input = torch.randn(2, 3)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.Tanh.html
m = nn.Tanh()
input = torch.randn(2)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.LeakyReLU.html
m = nn.LeakyReLU(0.1)
input = torch.randn(2)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.GELU.html
m = nn.GELU()
input = torch.randn(2)
output = m(input)
print(output)
print(m, nn.LeakyReLU(0.1), nn.Softmax(dim=1), nn.Sigmoid())
