import torch
import torch.nn as nn
torch.manual_seed(0)
used = nn.Linear(2, 2)
unused = nn.Linear(2, 2)
params = list(used.parameters()) + list(unused.parameters())
opt = torch.optim.SGD(params, lr=0.1, momentum=0.9, weight_decay=0.1)
opt2 = torch.optim.Adam(params, lr=0.1)
x = torch.randn(4, 2)
for i in range(5):
    opt.zero_grad()
    used(x).sum().backward()
    opt.step()
    opt2.step()
wu = used.weight
bu = used.bias
wn = unused.weight
bn = unused.bias
