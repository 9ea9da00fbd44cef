import torch
x = torch.tensor([-1.0, 4.0], requires_grad=True)
y = torch.sqrt(x)
z = y * 2.0 + 1.0
loss = z.sum()
loss.backward()
