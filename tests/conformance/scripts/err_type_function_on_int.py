import torch
y = torch.exp(3)  # expect-error
