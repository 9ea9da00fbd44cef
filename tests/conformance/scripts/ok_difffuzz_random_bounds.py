# check-stdout
# difffuzz (seeds 101-110): random_(from, to) / random_(to) / torch.randint check their bounds
# against the dtype as PyTorch's random_from_to does ("from is out of bounds for bool",
# "to - 1 is out of bounds for unsigned char"), move float bounds to representable values, and
# random_(int64 min, None) draws the full 64-bit range.
import torch


def t(f):
    try:
        r = f()
        print(r.tolist() if r.dtype == torch.int64 else repr(r))  # (tensorlens prints int64 beyond 2^53 rounded)
    except Exception as e:
        print(type(e).__name__, e)


for dt in [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.float32, torch.float64]:
    for args in [(-1,), (2,), (3,), (0, 3), (-1, 2), (1, 300), (0, 2**40), (2**60,), (2**60, 2**61),
                 (2**24 + 1, 2**24 + 5), (-2**62 * 2, None), (-2**62 * 2, 5), (2**24 - 1, None), (-3, None)]:
        torch.manual_seed(0)
        t(lambda: torch.zeros(3, dtype=dt).random_(*args))
    torch.manual_seed(1)
    t(lambda: torch.randint(-1, 2, (3,), dtype=dt))
    t(lambda: torch.randint(300, (2,), dtype=dt))
t(lambda: torch.zeros(3).random_(2**24, None))
t(lambda: torch.zeros(0, dtype=torch.bool).random_(5))
