import torch
x = torch.zeros(2, dtype=torch.int32, requires_grad=True)  # expect-error
