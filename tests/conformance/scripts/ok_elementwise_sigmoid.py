import torch
a = torch.tensor([[-4.0, -1.0, 0.0], [0.5, 1.0, 6.0]], requires_grad=True)
b = torch.sigmoid(a)
c = a.sigmoid()
loss = (b * c).sum() + b.sum()
loss.backward()
