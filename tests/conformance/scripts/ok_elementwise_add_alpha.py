import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([0.5, -0.5, 1.5], requires_grad=True)
c = torch.add(a, b, alpha=2.0)
d = a.add(b, alpha=-3)
loss = (c * d).sum()
loss.backward()
