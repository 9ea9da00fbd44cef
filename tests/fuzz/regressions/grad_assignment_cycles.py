import torch
x = torch.ones(2, requires_grad=True)
x.grad = x
y = torch.ones(2, requires_grad=True)
z = y * 2
y.grad = z
w = torch.zeros(2, requires_grad=True)
v = torch.zeros(2, requires_grad=True)
w.grad = v
v.grad = w
