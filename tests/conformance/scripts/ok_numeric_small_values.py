import torch
x = torch.tensor([1e-20, 1e-10, 1e-5], requires_grad=True)
y = x * 1e10
z = torch.sqrt(x) + torch.log(x)
loss = y.sum() + z.sum()
loss.backward()
