import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
d = x.detach()
d.add_(1.0)
loss = (x * x).sum()
loss.backward()
