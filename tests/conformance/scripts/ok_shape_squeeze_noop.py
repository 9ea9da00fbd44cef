import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = x.squeeze(0)
z = x.squeeze()
loss = (y * z).sum()
loss.backward()
