import torch
x = torch.tensor([[2.0, 0.0, 3.0], [1.0, 2.0, 3.0], [0.0, 0.0, 5.0]], requires_grad=True)
p = x.prod(1)
loss = (p * torch.tensor([1.0, 2.0, 3.0])).sum()
loss.backward()
