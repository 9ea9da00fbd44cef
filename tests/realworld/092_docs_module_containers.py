# source: https://pytorch.org/docs/1.13/generated/torch.nn.ModuleList.html
import torch
from torch import nn

class MyModule(nn.Module):
    def __init__(self):
        super(MyModule, self).__init__()
        self.linears = nn.ModuleList([nn.Linear(10, 10) for i in range(10)])

    def forward(self, x):
        # ModuleList can act as an iterable, or be indexed using ints
        for i, l in enumerate(self.linears):
            x = self.linears[i // 2](x) + l(x)
        return x

m = MyModule()
print(m)
print(m(torch.randn(2, 10)))
print(len(m.linears), len(list(m.parameters())))
