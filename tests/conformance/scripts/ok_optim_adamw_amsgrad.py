import torch
import torch.nn as nn
torch.manual_seed(11)
model = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 2))
opt = torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.1, amsgrad=True)
loss_fn = nn.MSELoss()
x = torch.randn(16, 3)
y = torch.randn(16, 2)
for step in range(30):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
w0 = model[0].weight
b0 = model[0].bias
w2 = model[2].weight
b2 = model[2].bias
