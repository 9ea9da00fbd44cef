import torch
x = torch.tensor([[1.0, 7.0, 3.0], [7.0, -5.0, 7.0]], requires_grad=True)
a = x.max()
a.backward()
