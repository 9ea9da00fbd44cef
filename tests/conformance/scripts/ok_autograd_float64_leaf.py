import torch
x = torch.tensor([0.1, 0.7, 1.3], dtype=torch.float64, requires_grad=True)
y = torch.sigmoid(x) * torch.log(x) + x ** 3
loss = y.sum()
loss.backward()
