import torch
import torch.nn as nn
torch.set_default_dtype(torch.float64)
torch.manual_seed(15)
x = torch.randn(20, 3)
y = torch.randn(20, 1)
model = nn.Sequential(nn.Linear(3, 6), nn.Tanh(), nn.LayerNorm(6), nn.Linear(6, 1))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()
for step in range(30):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
w0 = model[0].weight
b3 = model[3].bias
emb_w = nn.Embedding(4, 5).weight
