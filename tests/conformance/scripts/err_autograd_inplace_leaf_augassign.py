import torch
w = torch.ones(3, requires_grad=True)
loss = (w * w).sum()
loss.backward()
w -= 0.1 * w.grad  # expect-error
