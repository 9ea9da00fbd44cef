import torch
x = torch.tensor([[10000.0, 0.0, -10000.0], [-10000.0, -10000.0, -10000.0]], requires_grad=True)
s = torch.softmax(x, dim=1)
w = torch.tensor([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]])
loss = (s * w).sum()
loss.backward()
