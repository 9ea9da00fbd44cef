import torch
x = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0], requires_grad=True)
y = x[0:3] * x[2:5] + x[1:4]
loss = (y * y).sum()
loss.backward()
