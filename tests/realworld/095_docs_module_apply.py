# source: https://pytorch.org/docs/1.13/generated/torch.nn.Module.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch
from torch import nn

@torch.no_grad()
def init_weights(m):
    print(m)
    if type(m) == nn.Linear:
        m.weight.fill_(1.0)
        print(m.weight)
net = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 2))
print(net.apply(init_weights))

l = nn.Linear(2, 2)
net = nn.Sequential(l, l)
for idx, m in enumerate(net.modules()):
    print(idx, '->', m)

for idx, m in enumerate(net.named_modules()):
    print(idx, '->', m)

module = nn.Linear(3, 2)
print(module.state_dict().keys())

for name, param in module.named_parameters():
    if name in ['bias']:
        print(param.size())

print(module.training)
module.eval()
print(module.training)
module.train()
print(module.training)
print(net.requires_grad_(False))
print([p.requires_grad for p in net.parameters()])
