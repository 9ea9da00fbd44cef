import torch
w = torch.tensor([3.0, -2.0], requires_grad=True)
v = torch.zeros(2)
scale = torch.tensor([1.0, 4.0])
for step in range(50):
    loss = (scale * w * w).sum()
    loss.backward()
    with torch.no_grad():
        v.mul_(0.9).add_(w.grad)
        w -= 0.05 * v
    w.grad.zero_()
