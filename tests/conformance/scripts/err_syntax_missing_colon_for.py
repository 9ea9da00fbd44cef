import torch
x = torch.ones(2)
for i in range(3)  # expect-error
    x = x * 2.0
