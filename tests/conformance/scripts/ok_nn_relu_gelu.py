import torch
import torch.nn.functional as F
x = torch.tensor([-3.0, -1.0, -0.1, 0.0, 0.1, 1.0, 3.0], requires_grad=True)
a = F.relu(x)
b = F.gelu(x)
loss = (a * a).sum() + (b * torch.arange(7.0)).sum()
loss.backward()
