import torch
import torch.nn as nn
torch.manual_seed(13)
X = torch.rand(20, 2) * 4.0 - 2.0
y = X[:, :1] * X[:, 1:] 
model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.002, momentum=0.9, dampening=0.5)
loss_fn = nn.MSELoss(reduction='sum')
for step in range(50):
    opt.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
w0 = model[0].weight
