import torch
import torch.nn.functional as F
x = torch.tensor([-1.0, 0.3, 1.2], requires_grad=True)
y = torch.erf(x).sum() + F.gelu(x).sum() + F.softplus(x).sum()
g = torch.autograd.grad(y, x, create_graph=True)[0]
h = torch.autograd.grad(g.sum(), x)[0]
