# source: https://github.com/pytorch/tutorials/blob/main/beginner_source/nn_tutorial.py
import torch
import math

# MNIST (pickle download) replaced by seeded random tensors of the same shape (fewer rows)
torch.manual_seed(0)
x_train, y_train = torch.rand(512, 784), torch.randint(0, 10, (512,))
x_valid, y_valid = torch.rand(256, 784), torch.randint(0, 10, (256,))
n, c = x_train.shape

import torch.nn.functional as F
from torch import nn

loss_func = F.cross_entropy
bs = 64
lr = 0.5
epochs = 2
xb, yb = x_train[0:bs], y_train[0:bs]

def accuracy(out, yb):
    preds = torch.argmax(out, dim=1)
    return (preds == yb).float().mean()

class Mnist_Logistic(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(784, 10)

    def forward(self, xb):
        return self.lin(xb)

from torch import optim

def get_model():
    model = Mnist_Logistic()
    return model, optim.SGD(model.parameters(), lr=lr)

from torch.utils.data import TensorDataset

train_ds = TensorDataset(x_train, y_train)

model, opt = get_model()

for epoch in range(epochs):
    for i in range((n - 1) // bs + 1):
        xb, yb = train_ds[i * bs: i * bs + bs]
        pred = model(xb)
        loss = loss_func(pred, yb)

        loss.backward()
        opt.step()
        opt.zero_grad()

print(loss_func(model(xb), yb))
