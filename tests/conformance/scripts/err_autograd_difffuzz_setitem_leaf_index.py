# With an index tensor, PyTorch reports the leaf that requires grad before the index's own range.
import torch
x = torch.ones(2, requires_grad=True)
try:
    x[5] = 1.0
except IndexError:
    y = torch.zeros(1)
x[torch.tensor([5])] = 1.0  # expect-error
