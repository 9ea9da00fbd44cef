import torch
import torch.nn as nn
ln = nn.LayerNorm(4)
x = torch.ones(2, 3)
y = ln(x)  # expect-error
