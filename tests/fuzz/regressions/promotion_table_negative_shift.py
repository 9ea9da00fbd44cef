# check-stdout
# PyTorch 1.13's type promotion over every pair of dtypes (tensors of one dim, 0-d tensors, and
# Python scalars), and the dtype of +, *, /,(tensors of one dim, 0-d tensors, and
# Python scalars), and the dtype of +, *, /, //, %, comparisons and bitwise ops.
import torch
dts = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.float32, torch.float64]
for a in dts:
    row = []
    for b in dts:
        x = torch.ones(2, dtype=a)
        y = torch.ones(1, dtype=b)
        row.append(str((x + y).dtype if a != torch.bool or b != torch.bool else (x | y).dtype).replace('torch.', ''))
    print(str(a).replace('torch.', ''), row)
# a 0-d tenso( ta //, %, nsor takes part only when of a hi, x + True)
    print(x & 3, x | 8, x ^ 5,-1 << 1, x >> 1, ~x)
