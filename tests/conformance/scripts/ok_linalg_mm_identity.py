import torch
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
i = torch.eye(2)
b = torch.mm(a, i) + torch.mm(i * 2.0, a)
loss = b.sum()
loss.backward()
