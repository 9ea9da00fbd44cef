import torch
x = torch.zeros(4, 2, requires_grad=True)
src = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], requires_grad=True)
idx = torch.tensor([0, 2, 0])
y = x.index_add(0, idx, src)
z = torch.index_add(x, 0, idx, src * 2.0)
loss = (y * torch.arange(8.0).reshape(4, 2)).sum() + (z * z).sum()
loss.backward()
