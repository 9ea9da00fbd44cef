import torch
x = torch.ones(2, 3)
y = x.transpose(0, 2)  # expect-error
