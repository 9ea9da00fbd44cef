import torch
import torch.nn.functional as F
x = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.0, 4.0]], requires_grad=True)
a = torch.softmax(x, dim=1)
b = F.softmax(x, dim=0)
c = x.softmax(-1)
w = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
loss = (a * w).sum() + (b * b).sum() + (c * w).sum()
loss.backward()
