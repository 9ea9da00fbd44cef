import torch
import torch.nn as nn
torch.manual_seed(2)
x = torch.randn(4, 6, requires_grad=True)
r = nn.ReLU()(x)
t = nn.Tanh()(x)
s = nn.Sigmoid()(x)
g = nn.GELU()(x)
l = nn.LeakyReLU(0.2)(x)
l_default = nn.LeakyReLU()(x)
sm = nn.Softmax(dim=1)(x)
sm0 = nn.Softmax(0)(x)
total = r.sum() + t.sum() + s.sum() + g.sum() + l.sum() + l_default.sum() + (sm * x).sum() + (sm0 ** 2).sum()
total.backward()
