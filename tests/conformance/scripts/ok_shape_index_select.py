import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
i = torch.tensor([2, 0])
j = torch.tensor([1, 1, 3])
a = torch.index_select(x, 0, i)
b = x.index_select(1, j)
loss = (a * a).sum() + (b * torch.tensor([1.0, 2.0, 3.0])).sum()
loss.backward()
