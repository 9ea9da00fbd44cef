import torch
import torch.nn as nn
torch.manual_seed(0)
drop = nn.Dropout(0.3)
x = torch.ones(4, 5, requires_grad=True)
y = drop(x)
y.sum().backward()
x2 = torch.randn(40, requires_grad=True)
y2 = nn.Dropout()(x2)
(y2 * 2).sum().backward()
