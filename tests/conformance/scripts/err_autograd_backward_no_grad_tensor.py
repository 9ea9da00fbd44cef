import torch
x = torch.ones(3)
y = (x * 2.0).sum()
y.backward()  # expect-error
