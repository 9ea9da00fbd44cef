import torch
import torch.nn as nn
torch.manual_seed(3)
x = torch.randn(24, 5)
y = torch.randn(24, 1)
model = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
loss_fn = nn.MSELoss()
for step in range(40):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
train_loss = loss.detach()
model.eval()
with torch.no_grad():
    eval_out = model(x)
eval_loss = loss_fn(eval_out, y)
w0 = model[0].weight
w3 = model[3].weight
