import torch
import torch.nn as nn
torch.manual_seed(0)
lin = nn.Linear(3, 4)
w = lin.weight
b = lin.bias
big = nn.Linear(20, 30)
w_big = big.weight
b_big = big.bias
nob = nn.Linear(5, 3, bias=False)
w_nob = nob.weight
