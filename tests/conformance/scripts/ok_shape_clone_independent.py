import torch
x = torch.tensor([1.0, 2.0, 3.0])
y = x.clone()
y.add_(10.0)
z = x.view(3)
z.mul_(2.0)
