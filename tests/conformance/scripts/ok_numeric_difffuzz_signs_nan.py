# Differential-fuzzer finds: relu keeps NaN (and -0.0) as PyTorch's clamp_min; neg(0.0) is -0.0 and
# abs(-0.0) is +0.0 (seen through 1/x); linspace with one step is [start]; sign(bool) stays bool.
import torch
import torch.nn.functional as F
x = torch.tensor([float('nan'), -1.0, 1.0, -0.0, 0.0])
r = torch.relu(x)
rr = 1 / torch.relu(torch.tensor([-0.0, 0.0]))
l = F.leaky_relu(x)
z = 1 / torch.neg(torch.tensor([0.0, -0.0]))
w = 1 / torch.abs(torch.tensor([-0.0, 0.0]))
zd = 1 / torch.tensor([0.0], dtype=torch.float64).neg()
s = torch.linspace(2, 5, 1)
s2 = torch.linspace(-1.5, 7, 1, dtype=torch.float64)
sb = torch.sign(torch.tensor([True, False]))
