import torch
a = torch.tensor([[1.0, -2.0], [3.5, 0.0]], requires_grad=True)
b = a + 2.5
c = 3 + a
d = torch.add(a, 1)
loss = (b * c * d).sum()
loss.backward()
