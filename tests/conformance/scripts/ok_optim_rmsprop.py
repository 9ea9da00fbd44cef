# torch.optim.RMSprop: default, momentum, centered, weight_decay, maximize.
import torch
import torch.nn as nn
torch.manual_seed(5)
model = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 2))
opt = torch.optim.RMSprop(model.parameters(), lr=0.01)
x = torch.randn(16, 3)
y = torch.randn(16, 2)
for step in range(20):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
w0 = model[0].weight
b2 = model[2].bias
p = torch.randn(4, 3, requires_grad=True)
q = torch.randn(5, requires_grad=True)
opt2 = torch.optim.RMSprop([p, q], lr=0.02, alpha=0.9, momentum=0.8, centered=True, weight_decay=0.05)
opt3 = torch.optim.RMSprop([torch.nn.Parameter(torch.ones(2))], maximize=True)
for step in range(6):
    opt2.zero_grad()
    ((p.sin() * p).sum() + (q * q).sum()).backward()
    opt2.step()
