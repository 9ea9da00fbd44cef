import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 1.0
y += x
y *= 3.0
y /= x * x
loss = y.sum()
loss.backward()
