import torch
a = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
b = torch.relu(a)
c = a.relu()
loss = (b * torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0])).sum() + (c * c).sum()
loss.backward()
