import torch
a = torch.tensor([0.25, 1.0, 2.0, 9.0], requires_grad=True)
b = torch.sqrt(a)
c = a.sqrt()
loss = (b * c * b).sum()
loss.backward()
