import torch
x = torch.tensor([[0.5, -1.0, 2.0], [1.0, 1.0, 0.0]], requires_grad=True)
w = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]])
y = (torch.softmax(x, 1) * w).sum() + (torch.log_softmax(x, 1) * w).sum()
g = torch.autograd.grad(y, x, create_graph=True)[0]
z = (g * g).sum()
z.backward()
