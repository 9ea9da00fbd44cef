import torch
import torch.nn as nn
torch.manual_seed(14)
x = torch.randn(16, 4)
y = torch.randint(0, 2, (16,))
model = nn.Sequential(nn.Linear(4, 12), nn.ReLU(), nn.Dropout(0.5), nn.Linear(12, 2))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.CrossEntropyLoss()
for step in range(30):
    model.train()
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    model.eval()
    with torch.no_grad():
        eval_loss = loss_fn(model(x), y)
train_loss = loss.detach()
w3 = model[3].weight
