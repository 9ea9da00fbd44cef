import torch
import torch.nn as nn
torch.manual_seed(5)
lin = nn.Linear(6, 2)
x = torch.randn(2, 3, 6)
y = lin(x)
y.sum().backward()
w = lin.weight
b = lin.bias
