# check-stdout
# avg_pool2d on int64: PyTorch's kernel sums each window in int64 and divides with C++ integer
# division (truncation toward zero), exact beyond 2^53.
import torch
import torch.nn.functional as F

x = torch.tensor([[[1, -4, -2], [-4, -1, 4], [9007199254740993, -4, 4], [-4, 1, -2]]], dtype=torch.int64)
print(F.avg_pool2d(x, [1, 3], count_include_pad=False))
big = torch.tensor([[[[9007199254740993, 9007199254740995, -7], [2**62, 2**62, 5], [-(2**61) - 1, 3, -5]]]])
print(F.avg_pool2d(big, 2, stride=1))
print(F.avg_pool2d(big, 2, stride=1, divisor_override=-3))
print(F.avg_pool2d(big, 3, stride=2, padding=1))
print(F.avg_pool2d(big, 3, stride=2, padding=1, count_include_pad=False))
print(F.avg_pool2d(big, 2, stride=2, ceil_mode=True))
print(F.avg_pool2d(big, 2, stride=2, padding=1, ceil_mode=True, count_include_pad=False))
r = torch.arange(-40, 40, 3, dtype=torch.int64).reshape(1, 3, 3, 3) * 1000000000000001
print(F.avg_pool2d(r, 2, stride=1, padding=1, count_include_pad=False))
print(F.avg_pool2d(r, 3, stride=1, padding=1, ceil_mode=True, divisor_override=7))
