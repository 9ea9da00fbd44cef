import torch
a = torch.tensor([-2.0, -0.5, 0.0, 0.3, 1.0, 2.5], requires_grad=True)
b = torch.erf(a)
c = a.erf()
loss = (b * c).sum() + b.sum()
loss.backward()
