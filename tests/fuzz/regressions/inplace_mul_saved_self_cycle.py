import torch
import torch.nn.functional as F
x = torch.tensor([-3.0, -1.0, 0.0, 0.5, 2.0], requires_grad=True)
a = F.leaky_relu(x)
b = F.leaky_relu(x, negative_slope=0.2)
b *=F.leaky_relu(x, 0.5)
loss = (a * 2.0).sum() + (b * b).sum() + c.sum()
loss.backward()
