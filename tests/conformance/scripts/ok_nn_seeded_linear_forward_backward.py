import torch
import torch.nn as nn
torch.manual_seed(42)
lin = nn.Linear(4, 3)
x = torch.randn(5, 4, requires_grad=True)
y = lin(x)
loss = (y * y).sum()
loss.backward()
w = lin.weight
b = lin.bias
