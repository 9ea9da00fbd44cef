import torch
x = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.0, 0.5]], requires_grad=True)
a = torch.logsumexp(x, 1)
b = x.logsumexp(0)
c = torch.logsumexp(x, dim=1, keepdim=True)
loss = (a * a).sum() + b.sum() + c.sum()
loss.backward()
