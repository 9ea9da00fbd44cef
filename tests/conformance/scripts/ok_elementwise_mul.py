import torch
a = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 5.0, -6.0], requires_grad=True)
c = a * b
d = torch.mul(a, b)
e = a.mul(b)
loss = c.sum() + (d * e).sum()
loss.backward()
