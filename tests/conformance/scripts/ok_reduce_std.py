import torch
x = torch.tensor([[1.0, 2.0, 4.0], [3.0, 7.0, 5.0]], requires_grad=True)
a = x.std()
b = x.std(0)
c = torch.std(x, dim=1, keepdim=True)
d = x.std(unbiased=False)
e = x.std(1, unbiased=False)
loss = a + b.sum() + (c * c).sum() + d + e.sum()
loss.backward()
