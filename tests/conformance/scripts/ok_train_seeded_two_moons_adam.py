import torch
import torch.nn as nn
import math
torch.manual_seed(7)
n = 64
t = torch.rand(n) * math.pi
upper = torch.stack([torch.cos(t[:32]), torch.sin(t[:32])], 1)
lower = torch.stack([1.0 - torch.cos(t[32:]), 0.5 - torch.sin(t[32:])], 1)
X = torch.cat([upper, lower], 0) + 0.1 * torch.randn(n, 2)
y = torch.cat([torch.zeros(32), torch.ones(32)]).reshape(n, 1)
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1))
opt = torch.optim.Adam(model.parameters(), lr=0.02)
loss_fn = nn.BCEWithLogitsLoss()
for step in range(100):
    opt.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
acc = ((model(X) > 0).float() == y).float().mean()
w4 = model[4].weight
