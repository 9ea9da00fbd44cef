import torch
x = torch.arange(6.0).reshape(2, 3)
y = x.t()
z = y.view(6)  # expect-error
