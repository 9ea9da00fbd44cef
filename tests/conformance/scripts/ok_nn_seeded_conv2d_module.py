# check-stdout
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
conv = nn.Conv2d(2, 3, 3)
print(conv)
print(nn.Conv2d(4, 6, (3, 5), stride=2, padding=1, dilation=2, groups=2, bias=False))
print(nn.Conv2d(1, 2, 3, padding='same'))
x = torch.randn(2, 2, 6, 5, requires_grad=True)
y = conv(x)
print(y.shape, y.grad_fn.name())
loss = (y * y).sum()
loss.backward()
w_grad = conv.weight.grad
b_grad = conv.bias.grad
x_grad = x.grad
print(conv.weight.shape, conv.bias.shape, conv.kernel_size, conv.stride, conv.padding)
print(list(dict(conv.named_parameters()).keys()))
