import torch
x = torch.ones(2, 4, requires_grad=True)
src = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
idx = torch.tensor([[0, 1, 1], [3, 3, 0]])
y = x.scatter_add(1, idx, src)
z = torch.scatter_add(x, 1, idx, src)
loss = (y * y).sum() + (z * torch.arange(8.0).reshape(2, 4)).sum()
loss.backward()
