# avg_pool2d(ceil_mode=True): a last window that starts inside input + left padding; its divisor
# is cut at the padding (count_include_pad) or at the input.
import torch
import torch.nn.functional as F
x = torch.arange(1., 36.).reshape(1, 5, 7)
for k, s, p in [(2, 2, 0), (3, 2, 1), (2, 3, 1), (3, 3, 0), ([2, 3], [2, 2], [1, 0])]:
    for cip in [True, False]:
        print(F.avg_pool2d(x, k, s, p, ceil_mode=True, count_include_pad=cip))
print(F.avg_pool2d(x, 2, 2, 1, ceil_mode=True, divisor_override=3))
print(F.avg_pool2d(torch.arange(25).reshape(1, 5, 5), 2, ceil_mode=True))
y = torch.arange(1., 26.).reshape(1, 1, 5, 5).requires_grad_()
F.avg_pool2d(y, 3, 2, 1, ceil_mode=True, count_include_pad=False).sum().backward()
print(y.grad)
