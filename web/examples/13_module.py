# A model as an nn.Module class: the graph groups the nodes each module call made into a box
# labelled like `fc1: Linear(2, 4)` (click a label to fold it into one node), draws mean and each
# nn.Linear as one op, and shows the data x and the target y as constants (they need no grad).
import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 4)
        self.fc2 = nn.Linear(4, 1)

    def forward(self, x):
        h = torch.tanh(self.fc1(x))
        return self.fc2(h)


torch.manual_seed(0)
model = MLP()
x = torch.tensor([[0.5, -1.0], [1.5, 2.0], [-0.5, 0.25]])
y = torch.tensor([[1.0], [0.0], [0.5]])
pred = model(x)
loss = F.mse_loss(pred, y)
loss.backward()
print(type(pred.grad_fn).__name__, type(loss.grad_fn).__name__)
print(model.fc1.weight.grad)
