import torch
a = torch.arange(4.0).reshape(2, 1, 2, 1).requires_grad_()
b = torch.arange(6.0).reshape(3, 1, 2).requires_grad_()
c = a * b + a
loss = (c * c).sum()
loss.backward()
