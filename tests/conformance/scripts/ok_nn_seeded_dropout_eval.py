import torch
import torch.nn as nn
torch.manual_seed(0)
drop = nn.Dropout(0.5)
drop.eval()
x = torch.randn(3, 4, requires_grad=True)
y = drop(x)
y.sum().backward()
after = torch.rand(3)
