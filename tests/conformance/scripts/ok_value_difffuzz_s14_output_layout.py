# Session 14 (H4): an elementwise op's output takes its inputs' memory order (PyTorch's
# TensorIterator): is_contiguous, and the order random_ / normal_ draw in on the result.
import torch

x = torch.ones(2, 3).t()
print((x + 1).is_contiguous(), (x * x).is_contiguous(), x.exp().is_contiguous(), (x > 0).is_contiguous())
print((x + torch.ones(3, 2)).is_contiguous(), (torch.ones(3, 2) + x).is_contiguous())
print((x + torch.ones(2)).is_contiguous(), x[:, :1].neg().is_contiguous())
xi = torch.arange(18).reshape(2, 3, 3).transpose(-1, 1)
print(torch.bitwise_left_shift(xi, xi).is_contiguous(), (xi & 5).is_contiguous(), (xi // 2).is_contiguous())
y = torch.ones(2, 3, 4, dtype=torch.int32).permute(2, 0, 1)
print((y + 1).is_contiguous(), (y + 1).permute(1, 2, 0).is_contiguous(), torch.add(y, y, alpha=2).permute(1, 2, 0).is_contiguous())
print((x.contiguous() + 1).is_contiguous(), (x[::2] + 1).is_contiguous())

torch.manual_seed(3)
v1 = torch.tensor([[[1.5, -1.59]], [[-0.36, 0.2]]])
v2 = v1.transpose(0, -1)
v5 = torch.addcdiv(v2, torch.tensor(-3), v2)
print(v5.normal_())
v4 = torch.tensor([[[0.47, -0.13]], [[-3.0, -1.30]], [[-2.23, -0.490]]]).transpose(2, 0) - -1.7
print(v4.random_(-2, 2))
print((x.t() - 1).view(-1))
try:
    print((x - 1).view(-1))
except RuntimeError as e:
    print("RuntimeError")
