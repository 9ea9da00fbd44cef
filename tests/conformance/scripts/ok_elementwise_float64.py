import torch
a = torch.tensor([0.1, 0.2, 0.3], dtype=torch.float64, requires_grad=True)
b = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64, requires_grad=True)
c = torch.exp(a) * torch.log(b) + a / b - torch.sqrt(b) * torch.tanh(a)
loss = (c * c).sum()
loss.backward()
