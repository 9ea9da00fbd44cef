import torch
x = torch.tensor([2.0, -1.0, 5.0, -1.0], requires_grad=True)
a = torch.min(x)
loss = a * 4.0
loss.backward()
