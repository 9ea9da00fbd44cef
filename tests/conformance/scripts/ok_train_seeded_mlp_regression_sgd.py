import torch
import torch.nn as nn
torch.manual_seed(0)
x = torch.linspace(-2.0, 2.0, 32).reshape(32, 1)
y = torch.sin(x) + 0.1 * torch.randn(32, 1)
model = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
loss_fn = nn.MSELoss()
for step in range(100):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
w0 = model[0].weight
w2 = model[2].weight
b2 = model[2].bias
