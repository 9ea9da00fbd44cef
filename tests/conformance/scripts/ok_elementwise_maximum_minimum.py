import torch
a = torch.tensor([1.0, 5.0, -2.0, 4.0], requires_grad=True)
b = torch.tensor([3.0, 2.0, -1.0, 0.0], requires_grad=True)
c = torch.maximum(a, b)
d = torch.minimum(a, b)
e = a.maximum(b) * b.minimum(a)
loss = (c * 2.0).sum() + (d * 3.0).sum() + e.sum()
loss.backward()
