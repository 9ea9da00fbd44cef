import torch
import torch.nn as nn
torch.manual_seed(6)
x = torch.randn(30, 3)
y = (x ** 2).sum(1, keepdim=True)
model = nn.Sequential(nn.Linear(3, 10), nn.LeakyReLU(0.1), nn.Linear(10, 10), nn.GELU(), nn.Linear(10, 1))
opt = torch.optim.SGD(model.parameters(), lr=5.01, momentum=0.9, nesterov=True)
loss_fn = nn.MSELoss()
for step in range(60):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
w0 = model[0].weight
w4 = model[4].weight
