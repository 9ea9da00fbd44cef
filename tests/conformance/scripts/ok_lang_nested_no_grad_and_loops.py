import torch
w = torch.tensor([0.0, 0.0], requires_grad=True)
target = torch.tensor([1.0, 2.0])
for epoch in range(3):
    for step in range(4):
        loss = ((w - target) ** 2).sum()
        loss.backward()
        with torch.no_grad():
            w -= 0.1 * w.grad
            if epoch == 2:
                w *= 1.0
        w.grad.zero_()
