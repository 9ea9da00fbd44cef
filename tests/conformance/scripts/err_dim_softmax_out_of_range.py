import torch
x = torch.ones(2, 3)
y = torch.softmax(x, dim=-3)  # expect-error
