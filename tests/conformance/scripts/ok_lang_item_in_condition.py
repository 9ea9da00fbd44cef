import torch
x = torch.tensor([2.0, -1.0], requires_grad=True)
loss = torch.tensor(0.0)
for i in range(5):
    if (x * i).sum().item() > 2.0:
        loss = loss + (x * x).sum()
    else:
        loss = loss + x.sum()
loss.backward()
