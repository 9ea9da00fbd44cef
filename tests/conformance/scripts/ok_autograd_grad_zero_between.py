import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x * x).sum()
y.backward()
g1 = x.grad.clone()
x.grad.zero_()
z = (x * x * x).sum()
z.backward()
