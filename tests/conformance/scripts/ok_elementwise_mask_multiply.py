import torch
x = torch.tensor([-1.0, 2.0, -3.0, 4.0], requires_grad=True)
mask = (x > 0).float()
y = x * mask
z = x * (x < 0)
loss = (y * y).sum() + z.sum()
loss.backward()
