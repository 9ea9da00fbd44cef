import torch
x = torch.tensor([[3.0, 3.0, 1.0], [2.0, 2.0, 2.0]], requires_grad=True)
a = x.amax(1)
b = x.amin(0)
loss = a.sum() + b.sum()
loss.backward()
