# check-stdout
# Module._modules / _parameters / _buffers, read and written as PyTorch's OrderedDicts, and
# type(m) == / is nn.X, m.__class__.__name__.
import torch
from torch import nn
torch.manual_seed(11)

class MySequential(nn.Module):
    def __init__(self, *args):
        super().__init__()
        for idx, module in enumerate(args):
            self._modules[str(idx)] = module

    def forward(self, X):
        for block in self._modules.values():
            X = block(X)
        return X

net = MySequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 2))
out = net(torch.randn(3, 4))
print(net)
print(list(net._modules.keys()))
print([n for n, _ in net.named_parameters()])
lin = nn.Linear(2, 2)
print(list(lin._parameters.keys()), lin._modules)
class WithBuf(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer('running', torch.zeros(2))
        self._parameters['scale'] = nn.Parameter(torch.ones(2))
b = WithBuf()
print(list(b._buffers.keys()), [n for n, _ in b.named_parameters()], list(b.state_dict().keys()))
seen = []
def visit(m):
    seen.append((m.__class__.__name__, type(m) == nn.Linear, type(m) is nn.Linear, isinstance(m, nn.ReLU)))
net.apply(visit)
print(seen)
print(type(lin) is nn.Linear, type(lin) is nn.Conv2d, type(net).__name__)
