import torch
import torch.nn as nn
torch.manual_seed(1)
x = torch.randn(60, 4)
y = torch.randint(0, 3, (60,))
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.CrossEntropyLoss()
for step in range(60):
    opt.zero_grad()
    logits = model(x)
    loss = loss_fn(logits, y)
    loss.backward()
    opt.step()
final_loss = loss.detach()
pred = logits.argmax(1)
w0 = model[0].weight
w2 = model[2].weight
