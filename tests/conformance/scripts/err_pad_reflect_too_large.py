import torch
import torch.nn.functional as F
x = torch.ones(1, 2, 3)
print(F.pad(x, (2, 2), "reflect").shape)
print(F.pad(x, (3, 3), "reflect"))  # expect-error
