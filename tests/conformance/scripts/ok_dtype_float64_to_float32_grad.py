import torch
a = torch.tensor([0.25, 0.5, 1.0], dtype=torch.float64, requires_grad=True)
b = a.float()
c = torch.exp(b) * 2.0
loss = c.sum()
loss.backward()
