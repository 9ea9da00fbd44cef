import torch
x = torch.linspace(0.0, 1.0, -2)  # expect-error
