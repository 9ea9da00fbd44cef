import torch
a = torch.tensor([0.5, 1.0, 2.0, 4.0], requires_grad=True)
b = a ** -1
c = a ** -0.5
d = torch.pow(a, -2)
loss = (b + c + d).sum()
loss.backward()
