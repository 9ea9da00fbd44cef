import torch
import torch.nn.functional as F
x = torch.tensor([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [2.0, 1.0], [0.5, -1.0], [-1.0, 0.5]])
y = torch.tensor([[1.0], [2.0], [3.0], [5.0], [0.0], [-1.5]])
w = torch.zeros(1, 2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for step in range(50):
    loss = F.mse_loss(F.linear(x, w, b), y)
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
    w.grad.zero_()
    b.grad.zero_()
final = F.mse_loss(F.linear(x, w, b), y)
