import torch
x = torch.tensor([-1.0, 0.0, 1.0, 2.0], requires_grad=True)
y = torch.clamp(x, min=0.0, max=1.0)
y.sum().backward()
