import torch
import torch.nn as nn
torch.manual_seed(1)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(8, 3)
for i in range(4):
    opt.zero_grad()
    model(x[:4]).sum().backward()
    model(x[4:]).sum().backward()
    opt.step()
opt.zero_grad()
w = model.weight
b = model.bias
