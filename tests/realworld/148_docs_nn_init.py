# source: https://pytorch.org/docs/1.13/nn.init.html
# (doc example: each initialised tensor is printed)
import torch
from torch import nn

w = torch.empty(3, 5)
print(nn.init.uniform_(w))
w = torch.empty(3, 5)
print(nn.init.normal_(w))
w = torch.empty(3, 5)
print(nn.init.constant_(w, 0.3))
w = torch.empty(3, 5)
print(nn.init.ones_(w))
w = torch.empty(3, 5)
print(nn.init.zeros_(w))
w = torch.empty(3, 5)
print(nn.init.eye_(w))
w = torch.empty(3, 5)
print(nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain('relu')))
w = torch.empty(3, 5)
print(nn.init.xavier_normal_(w))
w = torch.empty(3, 5)
print(nn.init.kaiming_uniform_(w, mode='fan_in', nonlinearity='relu'))
w = torch.empty(3, 5)
print(nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu'))
w = torch.empty(3, 5)
print(nn.init.trunc_normal_(w))
print(nn.init.calculate_gain('leaky_relu', 0.2))  # leaky_relu with negative_slope=0.2
print(nn.init.calculate_gain('tanh'))
