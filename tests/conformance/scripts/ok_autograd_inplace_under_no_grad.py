import torch
w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
loss = (w * w).sum()
loss.backward()
with torch.no_grad():
    w -= 0.1 * w.grad
    w.mul_(2.0)
    w += 1.0
w.grad.zero_()
loss2 = (w * torch.tensor([1.0, 2.0, 3.0])).sum()
loss2.backward()
