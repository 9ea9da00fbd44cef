# TensorIterator's output layout for more ops: .double()/.to()/.long() (_to_copy, preserve_format),
# where, and the float unary helpers (asinh, floor, ...) follow the input's memory order, so the
# result of a transposed input is itself transposed-contiguous (and normal_ on it draws in that order).
import torch
x = torch.arange(6.).reshape(2, 3).t()
c = torch.arange(6).reshape(3, 2) > 2
print(x.double().t().is_contiguous(), x.to(torch.int64).t().is_contiguous(), x.long().t().is_contiguous())
print(torch.where(c, x, 0.).is_contiguous(), torch.where(x > 2, x, x).t().is_contiguous(), torch.where(x > 2, 1., x).t().is_contiguous())
print(x.asinh().t().is_contiguous(), x.floor().t().is_contiguous(), torch.floor(x).t().is_contiguous(), x.exp().t().is_contiguous())
y = torch.arange(24.).reshape(2, 3, 4).permute(2, 0, 1)
print(y.double().permute(1, 2, 0).is_contiguous(), torch.where(y > 2, y, 0.).permute(1, 2, 0).is_contiguous(), y.floor().permute(1, 2, 0).is_contiguous())
torch.manual_seed(0)
print(x.double().normal_())
torch.manual_seed(0)
print(x.floor().normal_())
