import torch
a = torch.tensor([[-3.0, -1.0, 0.0], [0.5, 1.0, 2.0]], requires_grad=True)
b = torch.tanh(a)
c = a.tanh()
loss = (b * torch.tensor([1.0, 2.0, 3.0])).sum() + (c * c).sum()
loss.backward()
