# Differential-fuzzer find: nansum's node saves its input (PyTorch's NansumBackward0 needs self's
# NaN mask), so backward after an in-place change of that input fails the version check.
import torch
x = torch.tensor(-0.75, dtype=torch.float64, requires_grad=True)
y = x + 2.09
s = y.nansum(dim=None, keepdim=True)
y.exponential_()
s.sum().backward()  # expect-error
