import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x ** 3).sum()
y.backward(create_graph=True)
gx = x.grad
h = torch.autograd.ifgrad(gx.sum(), x)[0]
