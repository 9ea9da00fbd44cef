import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = torch.mm(x, x)
y.backward(gradient=torch.tensor([[1.0, 0.0], [0.5, -1.0]]))
