import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([0.5, 4.0], dtype=torch.float64, requires_grad=True)
c = a * b
d = a + b
loss = (c + d).sum()
loss.backward()
