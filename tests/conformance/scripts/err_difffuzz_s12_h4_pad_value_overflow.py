# F.pad fills its output with the value converted to the dtype (fill_, checked) when any pad is
# positive, even for an empty output.
import torch
import torch.nn.functional as F
x = torch.zeros(0, 1, 1, 0, dtype=torch.int64)
print(F.pad(x, [0, 0], value=float('nan')).shape, F.pad(torch.ones(3, dtype=torch.int64), [-1, 0], value=float('nan')))
print(F.pad(torch.ones(2, dtype=torch.int64), [1, 0], value=2.7), F.pad(torch.ones(2, dtype=torch.bool), [1, 0], value=float('nan')))
try:
    F.pad(torch.ones(2), [1, 1], value=1e39)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.arange(0, 1e19, 1, dtype=torch.int64)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.arange(0, 9223372036854775807, 4611686018427387904)
except Exception as e:
    print(type(e).__name__, e)
F.pad(x, [1, 0], value=float('nan'))  # expect-error
