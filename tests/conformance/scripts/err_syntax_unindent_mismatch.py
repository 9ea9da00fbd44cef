import torch
x = torch.ones(2)
for i in range(3):
        x = x * 2.0
    x = x + 1.0  # expect-error
