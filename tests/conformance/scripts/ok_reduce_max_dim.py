import torch
x = torch.tensor([[1.0, 7.0, 3.0], [4.0, -5.0, 6.0]], requires_grad=True)
v0, i0 = x.max(0)
v1, i1 = torch.max(x, 1)
v2, i2 = x.max(dim=1, keepdim=True)
loss = (v0 * v0).sum() + v1.sum() + (v2 * 3.0).sum()
loss.backward()
