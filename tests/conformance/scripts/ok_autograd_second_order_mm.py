import torch
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
b = torch.tensor([[0.5, -1.0], [1.0, 0.25]], requires_grad=True)
y = (torch.mm(a, b) ** 2).sum()
ga, gb = torch.autograd.grad(y, [a, b], create_graph=True)
z = (ga * gb).sum()
z.backward()
