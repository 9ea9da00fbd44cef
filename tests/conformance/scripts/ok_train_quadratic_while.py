import torch
target = torch.tensor([1.0, -2.0, 0.5])
x = torch.zeros(3, requires_grad=True)
step = 0
while step < 50:
    loss = ((x - target) ** 2).sum()
    loss.backward()
    with torch.no_grad():
        x -= 0.1 * x.grad
    x.grad.zero_()
    step += 1
