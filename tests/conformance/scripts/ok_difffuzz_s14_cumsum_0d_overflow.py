# cumsum of a 0-d tensor fills the result with its item() (PyTorch's impl_func_cum_ops), a checked
# conversion to an integral dtype= : nan, inf and out-of-range values raise, before requires_grad's assert.
import torch

cases = [(float('nan'), torch.int64, True), (float('nan'), torch.int64, False), (1e30, torch.int64, False),
         (float('inf'), torch.int32, False), (300.0, torch.uint8, False), (-3.0, torch.uint8, False),
         (1e10, torch.int32, False), (2.5, torch.bool, False), (2.5, torch.int64, False), (-7.9, torch.int8, False)]
for val, dt, rg in cases:
    x = torch.tensor(val, requires_grad=rg)
    try:
        print(val, dt, torch.cumsum(x, 0, dtype=dt))
    except RuntimeError as e:
        print(val, dt, str(e)[:60])
for val, dt in [(300, torch.int8), (300, torch.uint8), (-1, torch.uint8), (5, torch.int16)]:
    try:
        print(val, dt, torch.tensor(val).cumsum(-1, dtype=dt))
    except RuntimeError as e:
        print(val, dt, str(e)[:60])
# not 0-d: the kernel converts unchecked
print(torch.cumsum(torch.tensor([300.0, 1.0]), 0, dtype=torch.int64))
