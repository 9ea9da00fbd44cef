import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * x
z = y.detach() * x
loss = z.sum()
loss.backward()
