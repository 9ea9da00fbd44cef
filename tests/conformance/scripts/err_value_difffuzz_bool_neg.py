# Negation of a bool tensor is an error in PyTorch (use ~ or logical_not).
import torch
b = torch.tensor([True, False])
c = ~b
d = -b  # expect-error
