# source: https://pytorch.org/docs/1.13/generated/torch.nn.ModuleDict.html
import torch
from torch import nn

class MyModule(nn.Module):
    def __init__(self):
        super(MyModule, self).__init__()
        self.choices = nn.ModuleDict({
                'conv': nn.Conv2d(10, 10, 3),
                'pool': nn.MaxPool2d(3)
        })
        self.activations = nn.ModuleDict([
                ['lrelu', nn.LeakyReLU()],
                ['prelu', nn.PReLU()]
        ])

    def forward(self, x, choice, act):
        x = self.choices[choice](x)
        x = self.activations[act](x)
        return x

m = MyModule()
print(m)
x = torch.randn(1, 10, 6, 6)
print(m(x, 'pool', 'lrelu').shape)
print(m(x, 'conv', 'prelu')[0, 0])
