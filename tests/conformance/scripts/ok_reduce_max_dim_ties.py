import torch
x = torch.tensor([[5.0, 5.0, 1.0], [2.0, 3.0, 3.0]], requires_grad=True)
v, i = x.max(1)
loss = v.sum()
loss.backward()
