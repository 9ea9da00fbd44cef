# check-stdout
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(5)
x = torch.randn(2, 3, 7, 6, requires_grad=True)
m1 = F.max_pool2d(x, 2)
m2 = F.max_pool2d(x, (3, 2), stride=(2, 1), padding=1, ceil_mode=True)
m3, idx = F.max_pool2d(x, 3, 2, 1, 2, return_indices=True)
a1 = F.avg_pool2d(x, 2)
a2 = F.avg_pool2d(x, 3, stride=2, padding=1, count_include_pad=False)
a3 = F.avg_pool2d(x, (2, 3), padding=1, divisor_override=5)
ad1 = F.adaptive_avg_pool2d(x, 1)
ad2 = F.adaptive_avg_pool2d(x[:, :, :6, :], (3, 2))
u = torch.randn(3, 4, 4, requires_grad=True)
mu = nn.MaxPool2d(2)(u)
total = m1.sum() + (m2 * m2).sum() + m3.mean() + a1.sum() + (a2 * a2).sum() + a3.sum() + ad1.sum() + ad2.pow(2).sum() + mu.sum()
total.backward()
print(m1.grad_fn.name(), m3.grad_fn.name(), a1.grad_fn.name(), ad1.grad_fn.name(), ad2.grad_fn.name())
print(nn.MaxPool2d(2), nn.MaxPool2d((2, 3), stride=1, padding=1, ceil_mode=True))
print(nn.AvgPool2d(2), nn.AvgPool2d((2, 3), stride=1, padding=1))
print(nn.AdaptiveAvgPool2d(1), nn.AdaptiveAvgPool2d((2, 3)))
print(idx[0, 0])
