import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 6.0, 8.0], requires_grad=True)
c = a - b
d = torch.sub(a, b, alpha=0.5)
e = b.sub(a)
loss = (c * c).sum() + (d * e).sum()
loss.backward()
