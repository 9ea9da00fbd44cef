import torch
import torch.nn as nn
torch.manual_seed(8)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
x = torch.randn(6, 3)
model(x).sum().backward()
g_first = model[0].weight.grad.clone()
model(x).pow(2).sum().backward()
g_accum = model[0].weight.grad.clone()
model.zero_grad()
w0 = model[0].weight
b2 = model[2].bias
