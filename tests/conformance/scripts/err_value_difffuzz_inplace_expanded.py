# An in-place write into an expanded tensor (stride 0, size > 1) is an error in PyTorch.
import torch
e = torch.zeros(1).expand(3)
e.add_(1)  # expect-error
