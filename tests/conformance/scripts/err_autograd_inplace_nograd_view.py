# A view made under no_grad cannot be modified in place with grad recording (PyTorch's error).
import torch
a = torch.ones(3, requires_grad=True)
b = a * 2
with torch.no_grad():
    v = b[0:2]
v.mul_(2)  # expect-error
