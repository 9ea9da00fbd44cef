import torch
import torch.nn.functional as F
x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.5, 0.2], [0.2, 0.8]])
y = torch.tensor([0, 1, 1, 0, 2, 2])
w1 = (torch.linspace(-1.0, 1.0, 16).reshape(2, 8) * 0.8).requires_grad_()
b1 = torch.linspace(-0.2, 0.2, 8).requires_grad_()
w2 = (torch.linspace(1.0, -1.0, 24).reshape(8, 3) * 0.5).requires_grad_()
b2 = torch.zeros(3, requires_grad=True)
lr = 0.5
for step in range(50):
    h = torch.relu(x.mm(w1) + b1)
    logits = h.mm(w2) + b2
    loss = F.cross_entropy(logits, y)
    loss.backward()
    with torch.no_grad():
        w1 -= lr * w1.grad
        b1 -= lr * b1.grad
        w2 -= lr * w2.grad
        b2 -= lr * b2.grad
        w1.grad.zero_()
        b1.grad.zero_()
        w2.grad.zero_()
        b2.grad.zero_()
pred = logits.argmax(1)
