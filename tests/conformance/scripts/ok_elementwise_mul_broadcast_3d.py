import torch
a = torch.arange(1.0, 7.0).reshape(2, 3, 1).requires_grad_()
b = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], requires_grad=True)
c = a * b
loss = (c * c).sum()
loss.backward()
