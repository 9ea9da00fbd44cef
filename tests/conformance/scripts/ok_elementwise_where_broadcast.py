import torch
cond = torch.tensor([[True], [False]])
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([[-1.0], [-2.0]], requires_grad=True)
c = torch.where(cond, a, b)
loss = (c * torch.arange(6.0).reshape(2, 3)).sum()
loss.backward()
