import torch
x = torch.tensor([-1.0, 0.0, 1.0], requires_grad=True)
y = torch.relu(x) + torch.abs(x) + torch.clamp(x, min=0.0, max=1.0) + torch.sign(x)
loss = y.sum()
loss.backward()
