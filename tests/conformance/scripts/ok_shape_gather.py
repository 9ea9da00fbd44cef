import torch
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
idx1 = torch.tensor([[2, 0], [1, 1]])
idx0 = torch.tensor([[1, 0, 1]])
a = torch.gather(x, 1, idx1)
b = x.gather(0, idx0)
loss = (a * a).sum() + (b * 3.0).sum()
loss.backward()
