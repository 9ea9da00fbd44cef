# check-stdout
# PyTorch 1.13's type promotion over every pair of dtypes (tensors of one dim, 0-d tensors, and
# Python scalars), and the dtype of +, *, /, //, %, comparisons and bitwise ops.
import torch
dts = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.float32, torch.float64]
for a in dts:
    row = []
    for b in dts:
        x = torch.ones(2, dtype=a)
        y = torch.ones(2, dtype=b)
        row.append(str((x + y).dtype if a != torch.bool or b != torch.bool else (x | y).dtype).replace('torch.', ''))
    print(str(a).replace('torch.', ''), row)
# a 0-d tensor takes part only when of a higher category (bool < int < float)
for a in dts:
    row = []
    for b in dts:
        x = torch.ones(2, dtype=a)
        z = torch.ones((), dtype=b)
        row.append(str(torch.mul(x, z).dtype).replace('torch.', ''))
    print('0-d', str(a).replace('torch.', ''), row)
for a in dts:
    x = torch.ones(2, dtype=a)
    print(str(a).replace('torch.', ''), (x * 2).dtype, (x * 2.5).dtype, (x * True).dtype, (2 * x).dtype, (x / 2).dtype,
          (x == 1).dtype)
for a in dts[1:6]:
    x = torch.tensor([7, 100], dtype=a)
    print(x // 2, x % 3, x / 4, x * 2, x - 1, x + True)
    print(x & 3, x | 8, x ^ 5, x << 1, x >> 1, ~x)
