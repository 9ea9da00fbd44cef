import torch
m = torch.tensor([True, False])
m += 1  # expect-error
