import torch
a = torch.tensor([0.25, 1.0, 4.0], requires_grad=True)
b = 1.0 - a
c = 5 - a * a
loss = (b * c).sum()
loss.backward()
