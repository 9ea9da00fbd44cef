import torch
import torch.nn as nn
torch.manual_seed(8)
X = torch.randn(50, 4)
true_w = torch.tensor([[1.5], [-2.0], [0.5], [0.0]])
y = X @ true_w + 0.3 + 0.05 * torch.randn(50, 1)
model = nn.Linear(4, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=0.01)
loss_fn = nn.MSELoss()
for step in range(100):
    opt.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
w = model.weight
b = model.bias
