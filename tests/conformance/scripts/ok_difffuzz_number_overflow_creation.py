# check-stdout
# difffuzz (seeds 101-110): Python numbers stored into an integer tensor go through PyTorch's
# checked conversion (torch.tensor / new_tensor: "int64"; new_full, addcmul's value: "int64_t"):
# ints wrap into uint8 down to -255, floats must lie in the type's range (NaN and inf never do).
import torch


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


x = torch.ones(2, dtype=torch.int64)
for v in [5, -1, -300, 300, 2.5, -1.0, 1e20, float('inf'), float('nan'), True]:
    for dt in [torch.bool, torch.uint8, torch.int8, torch.int64, torch.float32]:
        t(lambda: torch.tensor([v], dtype=dt))
        t(lambda: torch.ones(1, dtype=dt).new_tensor([1, v]))
        t(lambda: torch.ones(1, dtype=dt).new_full((2,), v))
t(lambda: x.new_tensor(1e20))
t(lambda: torch.ones(2, dtype=torch.float32).new_full((2,), 1e300))
t(lambda: x.addcmul(x, x, value=1e20))
t(lambda: x.addcmul(x, x, value=2.5))
t(lambda: x.clone().addcmul_(x, x, value=float('nan')))
t(lambda: torch.ones(2).addcmul(x, x, value=1e300))
