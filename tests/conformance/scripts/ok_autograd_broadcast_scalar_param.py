import torch
w = torch.tensor(1.5, requires_grad=True)
b = torch.tensor([0.1], requires_grad=True)
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
y = x * w + b
loss = (y * y).mean()
loss.backward()
