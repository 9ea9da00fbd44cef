import torch
a = torch.ones(2, 3, requires_grad=True)
b = torch.ones(3, 2)
c = a * b  # expect-error
