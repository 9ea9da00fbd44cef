import torch
a = torch.tensor([1.0, -2.0, 3.0, -4.0], requires_grad=True)
b = torch.tensor([10.0, 20.0, 30.0, 40.0], requires_grad=True)
c = torch.where(a > 0, a, b)
d = torch.where(a < 0, a * a, b * 0.5)
loss = (c * c).sum() + d.sum()
loss.backward()
