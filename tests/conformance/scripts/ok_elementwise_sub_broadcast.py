import torch
a = torch.arange(6.0).reshape(2, 1, 3).requires_grad_()
b = torch.tensor([[1.0], [2.0], [3.0], [4.0]], requires_grad=True)
c = a - b
loss = (c * c).mean()
loss.backward()
