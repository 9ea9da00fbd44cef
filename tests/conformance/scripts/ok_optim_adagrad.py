# torch.optim.Adagrad: default, lr_decay, initial_accumulator_value, weight_decay.
import torch
import torch.nn as nn
torch.manual_seed(4)
model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 2))
opt = torch.optim.Adagrad(model.parameters(), lr=0.1)
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
opt2 = torch.optim.Adagrad([p], lr=0.05, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.5, eps=1e-6)
for step in range(6):
    opt2.zero_grad()
    (p.cos() * p).sum().backward()
    opt2.step()
