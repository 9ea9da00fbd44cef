import torch
a = torch.arange(6.0).reshape(2, 3).requires_grad_()
b = torch.linspace(-1.0, 1.0, 12).reshape(3, 4).requires_grad_()
c = torch.tensor([[1.0], [0.0], [-1.0], [2.0]], requires_grad=True)
y = a.mm(b).mm(c)
loss = (y * y).sum()
loss.backward()
