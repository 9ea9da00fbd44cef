import torch
a = torch.tensor([1.0, 5.0, -2.0, 4.0], requires_grad=True)
b = torch.tensor([3.0, 2.0, -1.0, 0.0], requires_grad=True)
c = torch.max(a, b)
d = torch.min(a, b)
e = a.max(b)
loss = (c * d).sum() + e.sum()
loss.backward()
