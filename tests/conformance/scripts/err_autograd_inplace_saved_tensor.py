import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2.0
z = y * y
y.add_(1.0)
z.sum().backward()  # expect-error
