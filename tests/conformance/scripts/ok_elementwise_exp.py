import torch
a = torch.tensor([-2.0, -0.5, 0.0, 1.0, 3.0], requires_grad=True)
b = torch.exp(a)
c = a.exp()
loss = (b * c).sum()
loss.backward()
