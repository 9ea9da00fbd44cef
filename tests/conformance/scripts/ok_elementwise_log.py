import torch
a = torch.tensor([0.1, 0.5, 1.0, 2.0, 10.0], requires_grad=True)
b = torch.log(a)
c = a.log()
loss = (b * b).sum() + c.sum()
loss.backward()
