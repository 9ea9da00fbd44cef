import torch
import torch.nn.functional as F
x = torch.ones(4, 3)
w = torch.ones(2, 5)
y = F.linear(x, w)  # expect-error
