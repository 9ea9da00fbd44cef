# check-stdout
# torch.nn.init: kaiming / xavier / trunc_normal_ / eye_ / calculate_gain, seeded as PyTorch.
import torch
from torch import nn
torch.manual_seed(8)
w1 = torch.empty(4, 6)
nn.init.kaiming_uniform_(w1)
w2 = torch.empty(5, 3, 2, 2)
nn.init.kaiming_normal_(w2, mode='fan_out', nonlinearity='relu')
w3 = torch.empty(3, 4)
nn.init.kaiming_uniform_(w3, a=0.2, mode='fan_in', nonlinearity='leaky_relu')
w4 = torch.empty(50, 40)
nn.init.trunc_normal_(w4, mean=0.5, std=0.7, a=-0.5, b=1.5)
w5 = torch.empty(200)
nn.init.trunc_normal_(w5)
w6 = torch.empty(3, 5)
nn.init.eye_(w6)
w7 = torch.empty(4, 3)
nn.init.xavier_normal_(w7, gain=nn.init.calculate_gain('tanh'))
print(w4.min().item() >= -0.5, w4.max().item() <= 1.5)
for nl in ['linear', 'conv2d', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu']:
    print(nl, nn.init.calculate_gain(nl))
print(nn.init.calculate_gain('leaky_relu', 0.2))
lin = nn.Linear(3, 3)
r = nn.init.ones_(lin.weight)
print(r is lin.weight, lin.weight.requires_grad)
