import torch
x = torch.arange(24.0).reshape(2, 3, 4).mul(0.1).requires_grad_()
a = torch.softmax(x, 1)
b = x.log_softmax(dim=2)
loss = (a * torch.arange(24.0).reshape(2, 3, 4)).sum() + (b * 0.1).sum()
loss.backward()
