import torch
x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
a = x * 2.0
b = torch.sin(a)
c = torch.exp(a)
d = b * c
loss = d.sum()
loss.backward()
