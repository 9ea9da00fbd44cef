import torch
x = torch.zeros(3)
y = x.add_(2.0)
y.mul_(3.0)
z = x.fill_(1.0).add_(1.0)
