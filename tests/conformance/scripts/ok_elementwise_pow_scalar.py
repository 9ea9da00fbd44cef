import torch
a = torch.tensor([0.5, 1.0, 2.0, 3.0], requires_grad=True)
b = a ** 2
c = a ** 3
d = torch.pow(a, 2.5)
e = a.pow(0.5)
loss = (b + c + d + e).sum()
loss.backward()
