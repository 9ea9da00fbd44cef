import torch
import torch.nn as nn
torch.manual_seed(1)
n1 = torch.randn(1)
n3 = torch.randn(3)
n15 = torch.randn(15)
n16 = torch.randn(16)
n17 = torch.randn(17)
n31 = torch.randn(31)
n33 = torch.randn(33)
n2d = torch.randn(7, 5)
