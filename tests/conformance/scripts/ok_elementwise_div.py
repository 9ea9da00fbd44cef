import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, -5.0, 0.5], requires_grad=True)
c = a / b
d = torch.div(a, b)
e = b.div(a)
loss = c.sum() + (d * e).sum() + (e * e).sum()
loss.backward()
