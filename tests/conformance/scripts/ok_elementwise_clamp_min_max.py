import torch
a = torch.tensor([-2.0, -0.5, 0.0, 0.25, 0.5, 3.0], requires_grad=True)
b = torch.clamp(a, min=-0.5, max=0.5)
c = a.clamp(min=-1.0, max=1.0)
loss = (b * torch.arange(1.0, 7.0)).sum() + (c * c).sum()
loss.backward()
