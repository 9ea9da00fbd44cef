import torch
import torch.nn as nn
torch.manual_seed(11)
X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])
model = nn.Sequential(nn.Linear(2, 4), nn.Sigmoid(), nn.Linear(4, 1), nn.Sigmoid())
opt = torch.optim.SGD(model.parameters(), lr=1.0, momentum=0.5)
loss_fn = nn.MSELoss()
for step in range(100):
    opt.zero_grad()
    out = model(X)
    loss = loss_fn(out, y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
w0 = model[0].weight
b0 = model[0].bias
