import torch
a = torch.tensor([-2.0, -0.5, 0.0, 0.5, 3.0], requires_grad=True)
b = torch.abs(a)
c = a.abs()
loss = (b * 3.0).sum() + (c * c).sum()
loss.backward()
