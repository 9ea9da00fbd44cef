# torch.optim.Adadelta (default and with weight_decay / rho / maximize) on a small MLP.
import torch
import torch.nn as nn
torch.manual_seed(3)
model = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 2))
opt = torch.optim.Adadelta(model.parameters(), lr=1.0)
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
opt2 = torch.optim.Adadelta([p], lr=0.5, rho=0.8, eps=1e-5, weight_decay=0.1, maximize=True)
for step in range(5):
    opt2.zero_grad()
    (p.sin() * p).sum().backward()
    opt2.step()
