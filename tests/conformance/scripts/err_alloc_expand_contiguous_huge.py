import torch
x = torch.ones(1, 1)
y = x.expand(100000, 100000)
z = y.contiguous()  # expect-error
