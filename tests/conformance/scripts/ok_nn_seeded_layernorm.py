import torch
import torch.nn as nn
torch.manual_seed(0)
ln = nn.LayerNorm(5)
x = torch.randn(3, 5, requires_grad=True)
y = ln(x)
(y * torch.linspace(-1.0, 1.0, 15).reshape(3, 5)).sum().backward()
w = ln.weight
b = ln.bias
ln2 = nn.LayerNorm((2, 3), eps=1e-3, elementwise_affine=False)
x2 = torch.randn(4, 2, 3, requires_grad=True)
y2 = ln2(x2)
(y2 ** 3).sum().backward()
