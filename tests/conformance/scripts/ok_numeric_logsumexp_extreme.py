import torch
x = torch.tensor([[10000.0, 0.0], [-10000.0, 0.0], [10000.0, -10000.0]], requires_grad=True)
y = torch.logsumexp(x, dim=1)
loss = y.sum()
loss.backward()
ties = torch.logsumexp(torch.tensor([[10000.0, 10000.0], [-10000.0, -10000.0]]), 1)
