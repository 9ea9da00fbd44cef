import torch
x = torch.ones(2, 3)
y = x.view(-1, -1)  # expect-error
