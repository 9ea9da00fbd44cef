import torch
import torch.nn as nn
torch.manual_seed(4)
x = torch.randn(20, 6)
y = torch.randint(0, 2, (20,))
model = nn.Sequential(nn.Linear(6, 8), nn.LayerNorm(8), nn.GELU(), nn.Linear(8, 2))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.CrossEntropyLoss()
for step in range(50):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
ln_w = model[1].weight
ln_b = model[1].bias
w3 = model[3].weight
