import torch
x = torch.tensor([1.0, 0.5], requires_grad=True)
y = x
for i in range(2000):
    y = y * 1.0005 + 0.001
loss = y.sum()
loss.backward()
