import torch
a = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
b = torch.tensor([[0.5, -1.0, 2.0, 4.0]], requires_grad=True)
c = a + b
w = torch.arange(12.0).reshape(3, 4)
loss = (c * w).sum()
loss.backward()
