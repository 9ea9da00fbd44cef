import torch
from torch.autograd.functional import jacobian
x = torch.rand(3)
print(jacobian(lambda x: torch.ones(3), x))
print(jacobian(lambda x: torch.ones(3), x, strict=True))  # expect-error
