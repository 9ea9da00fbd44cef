import torch
import torch.nn as nn
torch.manual_seed(2)
x = torch.randn(40, 2)
y = (x[:, 0] * x[:, 1] > 0).float().reshape(40, 1)
model = nn.Sequential(nn.Linear(2, 12), nn.Tanh(), nn.Linear(12, 1))
opt = torch.optim.AdamW(model.parameters(), lr=0.02, weight_decay=0.05)
loss_fn = nn.BCEWithLogitsLoss()
for step in range(80):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
w0 = model[0].weight
b0 = model[0].bias
w2 = model[2].weight
