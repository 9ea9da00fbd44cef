import torch
x = torch.ones(2, 3)
y = x.unsqueeze(4)  # expect-error
