import torch
x = torch.ones(2, 3)
y = x.reshape(5, -1)  # expect-error
