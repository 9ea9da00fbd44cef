import torch
a = torch.tensor([1.0, 1e-10, 123456789.0], dtype=torch.float64, requires_grad=True)
b = a + 1e-12
c = (b - a) * 1e12
d = torch.log(a) * a
loss = d.sum()
loss.backward()
