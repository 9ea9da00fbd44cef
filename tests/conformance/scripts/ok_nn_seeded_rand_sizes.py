import torch
import torch.nn as nn
torch.manual_seed(0)
r1 = torch.rand(1)
r7 = torch.rand(7)
r15 = torch.rand(15)
r16 = torch.rand(16)
r17 = torch.rand(17)
r2d = torch.rand(9, 13)
