import torch
a = torch.arange(12.0).reshape(2, 2, 3).requires_grad_()
b = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, -1.0]], requires_grad=True)
c = torch.matmul(a, b)
d = torch.matmul(b.t(), a.transpose(1, 2))
loss = (c * c).sum() + d.sum()
loss.backward()
