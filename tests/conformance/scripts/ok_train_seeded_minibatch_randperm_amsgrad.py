import torch
import torch.nn as nn
torch.manual_seed(10)
X = torch.randn(48, 3)
y = torch.randint(0, 3, (48,))
model = nn.Sequential(nn.Linear(3, 12), nn.Tanh(), nn.Linear(12, 3))
opt = torch.optim.Adam(model.parameters(), lr=0.01, amsgrad=True)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(4):
    perm = torch.randperm(48)
    for i in range(0, 48, 12):
        idx = perm[i:i + 12]
        opt.zero_grad()
        loss = loss_fn(model(X[idx]), y[idx])
        loss.backward()
        opt.step()
final_loss = loss.detach()
w0 = model[0].weight
w2 = model[2].weight
