import torch
a = torch.tensor([[1.0, 5.0, -2.0], [0.0, 0.5, 9.0]], requires_grad=True)
b = torch.tensor([0.7, 2.0, 1.0], requires_grad=True)
c = torch.maximum(a, b)
d = torch.minimum(a, b)
loss = (c * c).sum() + d.sum()
loss.backward()
