import torch
import torch.nn as nn
torch.manual_seed(123)
big = torch.randn(1000)
mat = torch.randn(37, 11)
u = torch.rand(500, dtype=torch.float64)
g = torch.randn(20, dtype=torch.float64)
