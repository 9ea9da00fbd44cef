import torch
import torch.nn as nn
torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
opt = torch.optim.Adam([w, b], lr=0.1)
x = torch.randn(10, 3)
t = torch.randn(10)
for i in range(25):
    opt.zero_grad()
    pred = x @ w + b
    loss = ((pred - t) ** 2).mean()
    loss.backward()
    opt.step()
final_loss = loss.detach()
