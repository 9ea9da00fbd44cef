import torch
x = torch.ones(2)
y = x.shape(0)  # expect-error
