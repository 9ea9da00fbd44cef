import torch
import torch.nn.functional as F
x = torch.ones(2)
y = F.relux(x)  # expect-error
