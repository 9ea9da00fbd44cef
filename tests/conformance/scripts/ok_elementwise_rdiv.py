import torch
a = torch.tensor([0.5, 2.0, -4.0], requires_grad=True)
b = 1.0 / a
c = 2 / a
d = a / 4
loss = (b + c * c + d).sum()
loss.backward()
