import torch
import torch.nn.functional as F
x = torch.tensor([[-2.0, 0.0], [0.5, 3.0]], requires_grad=True)
a = F.tanh(x)
b = F.sigmoid(x)
loss = (a * b).sum()
loss.backward()
