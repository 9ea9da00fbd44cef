import torch
x = torch.ones(2)
big = torch.zeros(100000, 100000)  # expect-error
