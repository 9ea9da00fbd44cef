import torch
x = torch.ones(2, 3)
y = x[-3]  # expect-error
