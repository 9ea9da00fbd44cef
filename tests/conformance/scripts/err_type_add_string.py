import torch
x = torch.ones(2)
y = x + "one"  # expect-error
