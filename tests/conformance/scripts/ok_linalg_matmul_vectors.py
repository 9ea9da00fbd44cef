import torch
v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
m = torch.tensor([[1.0, 0.0, 2.0], [-1.0, 3.0, 1.0]], requires_grad=True)
dot = torch.matmul(v, w)
mv = torch.matmul(m, v)
vm = torch.matmul(torch.tensor([1.0, -2.0]), m)
loss = dot * 2.0 + (mv * mv).sum() + (vm * w).sum()
loss.backward()
