import torch
import torch.nn.functional as F
x = torch.tensor([[0.0, 0.0], [1.0, 0.5], [0.5, 1.0], [2.0, 2.0], [-1.0, 0.0], [0.0, -1.5], [1.5, 1.0], [-0.5, -0.5]])
y = torch.tensor([0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0])
w = torch.zeros(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for step in range(50):
    logits = x.matmul(w) + b
    loss = F.binary_cross_entropy_with_logits(logits, y)
    loss.backward()
    with torch.no_grad():
        w -= 0.5 * w.grad
        b -= 0.5 * b.grad
        w.grad.zero_()
        b.grad.zero_()
probs = torch.sigmoid(x.matmul(w) + b)
