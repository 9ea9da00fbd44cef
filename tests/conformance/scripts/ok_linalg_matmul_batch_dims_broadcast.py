import torch
a = torch.arange(6.0).reshape(1, 2, 3).requires_grad_()
b = torch.arange(24.0).reshape(4, 3, 2).requires_grad_()
c = a.matmul(b)
v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
d = torch.matmul(b.transpose(1, 2), v)
loss = c.sum() + (d * d).sum() * 0.001
loss.backward()
