import torch
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
b = a * 3
c = 0.5 * a
d = torch.mul(a, -2.0)
loss = (b + c + d).sum() + (b * c).sum()
loss.backward()
