# check-stdout
# PyTorch's exact error types and messages for ops that a dtype does not support.
import torch
cases = [
    lambda: torch.tensor([1, 2]) ^ torch.tensor([1.5, 2.0]),
    lambda: torch.tensor([1.0, 2.0]) << 1,
    lambda: torch.tensor([1, 2]) >> 1.5,
    lambda: torch.tensor([True]) & 1.5,
    lambda: torch.tensor([True]) << torch.tensor([True]),
    lambda: torch.tensor([1.0], dtype=torch.float64).bitwise_or(1),
    lambda: ~torch.tensor([1.0]),
    lambda: torch.arange(5.)[torch.tensor([1, 2], dtype=torch.int32)],
    lambda: torch.arange(5.)[torch.tensor([1], dtype=torch.int16)],
    lambda: torch.tensor([1, 2], dtype=torch.int8).mean(),
    lambda: torch.tensor([1, 2], dtype=torch.uint8).add_(1.5),
    lambda: torch.tensor([1, 2], dtype=torch.int32).mul_(torch.tensor([0.5, 1.0])),
    lambda: torch.tensor([True]).add_(1),
    lambda: torch.tensor([1, 2], dtype=torch.int16).bitwise_and_(2.5),
]
for f in cases:
    try:
        f()
        print('no error')
    except (RuntimeError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
