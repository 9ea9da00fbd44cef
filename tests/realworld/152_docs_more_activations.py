# source: https://pytorch.org/docs/1.13/generated/torch.nn.ELU.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch
from torch import nn

m = nn.ELU()
input = torch.randn(2)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.SiLU.html
m = nn.SiLU()
input = torch.randn(2)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.Softplus.html
m = nn.Softplus()
input = torch.randn(2)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.PReLU.html
m = nn.PReLU()
input = torch.randn(2)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.Hardtanh.html
m = nn.Hardtanh(-2, 2)
input = torch.randn(2)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.ReLU6.html
m = nn.ReLU6()
input = torch.randn(2)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.Softmin.html
m = nn.Softmin(dim=1)
input = torch.randn(2, 3)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.Mish.html
m = nn.Mish()
input = torch.randn(2)
output = m(input)
print(output)

# https://pytorch.org/docs/1.13/generated/torch.nn.Identity.html
m = nn.Identity(54, unused_argument1=0.1, unused_argument2=False)
input = torch.randn(128, 20)
output = m(input)
print(output.size())

# https://pytorch.org/docs/1.13/generated/torch.nn.Bilinear.html
m = nn.Bilinear(20, 30, 40)
input1 = torch.randn(128, 20)
input2 = torch.randn(128, 30)
output = m(input1, input2)
print(output.size())
print(m, nn.ELU(), nn.SiLU(), nn.Softplus(), nn.PReLU(), nn.Hardtanh(-2, 2), nn.ReLU6(), nn.Softmin(dim=1), nn.Identity())
