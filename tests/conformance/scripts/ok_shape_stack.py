import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 5.0, 6.0], requires_grad=True)
c = torch.stack([a, b])
d = torch.stack((a, b, a), dim=1)
e = torch.stack([a * 2.0, b], -1)
loss = (c * c).sum() + (d * torch.arange(9.0).reshape(3, 3)).sum() + e.sum()
loss.backward()
