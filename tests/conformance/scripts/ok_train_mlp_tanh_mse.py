import torch
import torch.nn.functional as F
x = torch.linspace(-2.0, 2.0, 10).reshape(10, 1)
y = torch.sin(x)
w1 = torch.linspace(-1.5, 1.5, 6).reshape(1, 6).requires_grad_()
b1 = torch.linspace(-1.0, 1.0, 6).requires_grad_()
w2 = torch.linspace(0.5, -0.5, 6).reshape(6, 1).requires_grad_()
b2 = torch.zeros(1, requires_grad=True)
for step in range(50):
    pred = F.linear(torch.tanh(F.linear(x, w1.t(), b1)), w2.t(), b2)
    loss = F.mse_loss(pred, y)
    loss.backward()
    with torch.no_grad():
        w1 -= 0.2 * w1.grad
        b1 -= 0.2 * b1.grad
        w2 -= 0.2 * w2.grad
        b2 -= 0.2 * b2.grad
    w1.grad.zero_()
    b1.grad.zero_()
    w2.grad.zero_()
    b2.grad.zero_()
