import torch
x = torch.tensor(3.0, requires_grad=True)
y = x + x + x
z = y * x
z.backward()
