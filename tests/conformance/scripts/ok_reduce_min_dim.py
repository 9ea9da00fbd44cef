import torch
x = torch.tensor([[1.0, 7.0, 3.0], [4.0, -5.0, 6.0]], requires_grad=True)
v0, i0 = x.min(0)
v1, i1 = torch.min(x, dim=-1)
loss = (v0 * torch.tensor([1.0, 2.0, 3.0])).sum() + (v1 * v1).sum()
loss.backward()
