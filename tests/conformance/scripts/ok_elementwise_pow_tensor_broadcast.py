import torch
a = torch.tensor([[1.0, 2.0, 3.0], [0.5, 1.5, 2.5]], requires_grad=True)
b = torch.tensor([2.0, 0.5, -1.0], requires_grad=True)
c = a.pow(b)
loss = c.sum()
loss.backward()
