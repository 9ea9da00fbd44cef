import torch
x = torch.tensor([1.0, -1.0], requires_grad=True)
y = (x * x).sum()
y.backward()
z = (x * 3.0).sum()
z.backward()
