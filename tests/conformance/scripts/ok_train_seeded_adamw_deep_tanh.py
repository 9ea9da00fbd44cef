import torch
import torch.nn as nn
torch.manual_seed(12)
X = torch.randn(32, 4)
y = torch.randn(32, 2)
model = nn.Sequential(nn.Linear(4, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 2))
opt = torch.optim.AdamW(model.parameters(), lr=0.005, betas=(0.9, 0.95))
loss_fn = nn.MSELoss()
for step in range(50):
    opt.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
w2 = model[2].weight
w4 = model[4].weight
