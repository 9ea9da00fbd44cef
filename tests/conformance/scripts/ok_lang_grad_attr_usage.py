import torch
# check-stdout
w = torch.tensor([1.0, 2.0], requires_grad=True)
print(w.grad is None)
loss = (w * w).sum()
loss.backward()
print(w.grad is None)
g = w.grad
h = w.grad * 2.0
print(tuple(w.grad.shape))
