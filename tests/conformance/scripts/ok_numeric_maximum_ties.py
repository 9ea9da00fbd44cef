import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([1.0, 0.0, 3.0], requires_grad=True)
c = torch.maximum(a, b)
d = torch.minimum(a, b)
loss = c.sum() + (d * 3.0).sum()
loss.backward()
