import torch
import torch.nn.functional as F
x = torch.tensor([-50.0, -6.0, 6.0, 50.0], requires_grad=True)
a = F.gelu(x)
b = torch.erf(x)
loss = a.sum() + b.sum()
loss.backward()
