import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a = x[None]
b = x[:, None]
c = x[None, :, None]
outer = x[:, None] * x[None, :]
loss = a.sum() + (b * 2.0).sum() + c.sum() + outer.sum()
loss.backward()
