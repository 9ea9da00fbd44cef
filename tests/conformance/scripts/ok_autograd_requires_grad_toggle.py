import torch
x = torch.tensor([1.0, 2.0])
a = x * 2.0
x.requires_grad_()
b = x * 3.0
loss = (a * b).sum()
loss.backward()
