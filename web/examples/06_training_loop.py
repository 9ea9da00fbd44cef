# A manual training loop: linear regression y = w * x + b by gradient descent.
import torch

x = torch.tensor([[0.], [1.], [2.], [3.]])
y = torch.tensor([[1.], [3.], [5.], [7.]])  # y = 2x + 1
w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.05

for step in range(100):
    pred = x.mm(w) + b
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()

# one more forward and backward, so the graph and the gradients show a full step
pred = x.mm(w) + b
loss = ((pred - y) ** 2).mean()
loss.backward()
print("w =", w.item(), "b =", b.item(), "loss =", loss.item())
