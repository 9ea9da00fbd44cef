# source: https://pytorch.org/docs/1.13/generated/torch.nn.Module.html
# (doc examples of nn.Module methods; each displayed value is printed)
import torch
import torch.nn as nn

l = nn.Linear(2, 2)
net = nn.Sequential(l, l)
for idx, m in enumerate(net.modules()):
    print(idx, '->', m)

for idx, m in enumerate(net.named_modules()):
    print(idx, '->', m)

model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
for name, param in model.named_parameters():
    if name in ['0.bias']:
        print(param.size())

for param in model.parameters():
    print(type(param), param.size())

print(model.state_dict().keys())

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 3)
        self.register_buffer('running_mean', torch.zeros(3))
        self.register_parameter('extra', nn.Parameter(torch.ones(2)))

    def forward(self, x):
        return self.fc(x) - self.running_mean

net = Net()
for name, buf in net.named_buffers():
    if name in ['running_mean']:
        print(buf.size())
print([n for n, _ in net.named_parameters()])
print(list(net.state_dict().keys()))
print(net.get_submodule('fc'))
print(net.get_parameter('fc.bias').shape)

net.requires_grad_(False)
print(all(not p.requires_grad for p in net.parameters()))
net.double()
print(net.fc.weight.dtype, net.running_mean.dtype)
net.float()
print(net.training)
net.eval()
print(net.training, net.fc.training)
net.train()
print(net.training)
print(net.extra_repr() == '')
print(nn.Linear(2, 3).extra_repr())
print(repr(net))
