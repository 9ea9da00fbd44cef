import torch
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
b = torch.tensor([[2.0], [-4.0]], requires_grad=True)
c = a / b
loss = (c * c).sum()
loss.backward()
