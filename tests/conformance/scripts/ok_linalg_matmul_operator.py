import torch
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
b = torch.tensor([[0.5, -1.0], [1.5, 2.0]], requires_grad=True)
v = torch.tensor([1.0, -1.0])
c = a @ b
d = a @ v
e = v @ b @ v
loss = (c @ c).sum() + d.sum() + e
loss.backward()
