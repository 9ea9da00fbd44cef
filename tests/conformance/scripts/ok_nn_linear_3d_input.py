import torch
import torch.nn.functional as F
x = torch.arange(12.0).reshape(2, 2, 3).mul(0.1).requires_grad_()
w = torch.tensor([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]], requires_grad=True)
b = torch.tensor([0.1, -0.1], requires_grad=True)
y = F.linear(x, w, bias=b)
loss = (y * y).sum()
loss.backward()
