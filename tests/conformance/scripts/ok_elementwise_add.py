import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 5.0, 6.0], requires_grad=True)
w = torch.tensor([1.0, -2.0, 0.5])
c = a + b
d = torch.add(a, b)
e = a.add(b)
loss = (c * w).sum() + (d * d).sum() + e.sum()
loss.backward()
