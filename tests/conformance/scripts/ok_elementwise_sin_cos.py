import torch
a = torch.tensor([-1.5, 0.0, 0.5, 2.0, 3.0], requires_grad=True)
b = torch.sin(a)
c = torch.cos(a)
d = a.sin() * a.cos()
loss = (b * b).sum() + c.sum() + d.sum()
loss.backward()
