import torch
x = torch.tensor([1, 2, 3])
m = x.mean()  # expect-error
