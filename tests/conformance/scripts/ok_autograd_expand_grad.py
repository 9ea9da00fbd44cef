import torch
x = torch.tensor([[1.0], [2.0]], requires_grad=True)
y = x.expand(2, 3) * torch.tensor([1.0, 2.0, 3.0])
loss = (y * y).sum()
loss.backward()
