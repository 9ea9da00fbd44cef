import torch
x = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
y = torch.tanh(torch.sigmoid(torch.exp(x)) * 3.0 - 1.0)
z = torch.sin(x) * torch.cos(x * 2.0) + torch.abs(x - 1.0)
loss = (y * z).sum()
loss.backward()
