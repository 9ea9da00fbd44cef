import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
parts = [a, b * 2.0, a * b]
c = torch.stack(parts, dim=0)
loss = (c * c).sum()
loss.backward()
