import torch
a = torch.full((2, 3), 7.0)
b = torch.full([3], -0.5, requires_grad=True)
c = torch.eye(3)
d = torch.eye(2, 4)
e = torch.eye(3, dtype=torch.float64)
f = torch.eye(1)
loss = (b * b).sum()
loss.backward()
