import torch
a = torch.tensor([0.5, 1.5, 2.0, 3.0], requires_grad=True)
b = torch.tensor([2.0, -1.0, 0.5, 1.5], requires_grad=True)
c = a ** b
d = torch.pow(a, b)
loss = (c + d * d).sum()
loss.backward()
