import torch
x = torch.tensor([[1.0, 0.5], [-1.0, 2.0], [0.0, 1.0]], requires_grad=True)
g = x.T @ x
h = x @ x.T
loss = (g * g).sum() + h.sum()
loss.backward()
