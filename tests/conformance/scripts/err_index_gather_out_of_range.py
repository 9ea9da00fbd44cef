import torch
x = torch.ones(2, 3)
y = x.gather(1, torch.tensor([[0, 3], [1, 1]]))  # expect-error
