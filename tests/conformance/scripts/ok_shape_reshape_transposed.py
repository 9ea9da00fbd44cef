import torch
x = torch.arange(6.0).reshape(2, 3).requires_grad_()
y = x.t().reshape(6)
z = x.transpose(0, 1).contiguous().view(3, 2)
loss = (y * torch.arange(6.0)).sum() + (z * z).sum()
loss.backward()
