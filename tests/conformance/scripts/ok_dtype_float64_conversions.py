import torch
a = torch.tensor([1.5, 2.5, -3.0], requires_grad=True)
b = a.to(torch.float64)
c = a.double()
d = b * c
e = d.float()
loss = (e * e).sum()
loss.backward()
