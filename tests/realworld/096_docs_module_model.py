# source: https://pytorch.org/docs/1.13/generated/torch.nn.Module.html
import torch
import torch.nn as nn
import torch.nn.functional as F

class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 20, 5)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        return F.relu(self.conv2(x))

model = Model()
print(model)
out = model(torch.randn(1, 1, 12, 12))
print(out.shape, out.grad_fn)
print([name for name, _ in model.named_parameters()])
print([type(c).__name__ for c in model.children()])
sd = model.state_dict()
print(list(sd.keys()), sd['conv1.bias'].shape)
model2 = Model()
print(model2.load_state_dict(sd))
print(torch.equal(model2.conv2.weight, model.conv2.weight))
