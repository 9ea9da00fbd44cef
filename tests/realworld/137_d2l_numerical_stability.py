# source: https://classic.d2l.ai/chapter_multilayer-perceptrons/numerical-stability-and-init.html
import torch

x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
y = torch.sigmoid(x)
y.backward(torch.ones_like(x))

# (d2l.plot of y and x.grad replaced by prints)
print(y[::20])
print(x.grad[::20])

M = torch.normal(0, 1, size=(4,4))
print('a single matrix \n',M)
for i in range(100):
    M = torch.mm(M,torch.normal(0, 1, size=(4, 4)))

print('after multiplying 100 matrices\n', M)
