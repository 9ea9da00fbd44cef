import torch
x = torch.ones(3, 2)
y = torch.index_select(x, 0, torch.tensor([0, 3]))  # expect-error
