# source: https://github.com/pytorch/tutorials/blob/main/beginner_source/nn_tutorial.py
import torch
import math

# MNIST (pickle download) replaced by seeded random sparse "images" in [0, 1) of the same width
# (fewer rows), labelled by a fixed random linear map so that the tutorial's models can learn them
torch.manual_seed(0)
def _fake_mnist(n, P):
    x = (torch.rand(n, 784) < 0.15).float() * torch.rand(n, 784)
    return x, (x @ P).argmax(1)
_P = torch.randn(784, 10)
x_train, y_train = _fake_mnist(512, _P)
x_valid, y_valid = _fake_mnist(256, _P)
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

def fit():
    for epoch in range(epochs):
        for i in range((n - 1) // bs + 1):
            start_i = i * bs
            end_i = start_i + bs
            xb = x_train[start_i:end_i]
            yb = y_train[start_i:end_i]
            pred = model(xb)
            loss = loss_func(pred, yb)

            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    p -= p.grad * lr
                model.zero_grad()

class Mnist_Logistic(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(784, 10)

    def forward(self, xb):
        return self.lin(xb)

model = Mnist_Logistic()
print(loss_func(model(xb), yb))

fit()

print(loss_func(model(xb), yb))
