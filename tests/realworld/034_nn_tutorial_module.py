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
        self.weights = nn.Parameter(torch.randn(784, 10) / math.sqrt(784))
        self.bias = nn.Parameter(torch.zeros(10))

    def forward(self, xb):
        return xb @ self.weights + self.bias

model = Mnist_Logistic()

print(loss_func(model(xb), yb))

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

fit()

print(loss_func(model(xb), yb))
