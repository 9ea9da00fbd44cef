import torch
x = torch.tensor([0.0, 1.0, -1.0], requires_grad=True)
y = torch.log(x)
y.sum().backward()
