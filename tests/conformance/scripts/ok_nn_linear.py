import torch
import torch.nn.functional as F
x = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]], requires_grad=True)
w = torch.tensor([[0.1, 0.2, 0.3], [-0.5, 0.4, 0.0]], requires_grad=True)
b = torch.tensor([0.5, -1.0], requires_grad=True)
y = F.linear(x, w, b)
z = F.linear(x, w)
loss = (y * y).sum() + z.sum()
loss.backward()
