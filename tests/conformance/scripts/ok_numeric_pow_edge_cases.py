import torch
x = torch.tensor([0.0, 2.0, -2.0], requires_grad=True)
a = x ** 2
b = x ** 0
c = torch.tensor([0.0, -8.0]) ** 0.5
loss = a.sum() + b.sum()
loss.backward()
