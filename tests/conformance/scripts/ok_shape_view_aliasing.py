import torch
x = torch.zeros(2, 3)
v = x.view(6)
v.add_(1.0)
t = x.t()
t.mul_(3.0)
r = x.reshape(3, 2)
