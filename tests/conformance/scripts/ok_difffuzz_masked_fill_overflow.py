# check-stdout
# difffuzz (seeds 2-4): masked_fill converts a Python number to the tensor's dtype with PyTorch's
# checked conversion before looking at the mask (1e300 into float32 overflows, inf and NaN pass).
import torch


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)  # the type and the order of the checks; messages differ in wording


m = torch.tensor([True, False])
t(lambda: torch.ones(2).masked_fill(m, float('inf')))
t(lambda: torch.ones(2).masked_fill(m, float('nan')))
t(lambda: torch.ones(2).masked_fill(m, 1e300))
t(lambda: torch.ones(2, dtype=torch.float64).masked_fill(m, 1e300))
t(lambda: torch.ones(2, dtype=torch.int64).masked_fill(m, float('inf')))
t(lambda: torch.ones(2, dtype=torch.int64).masked_fill(m, 2.5))
t(lambda: torch.ones(2, dtype=torch.bool).masked_fill(m, 2))
t(lambda: torch.ones(0).masked_fill(torch.ones(0, dtype=torch.bool), 1e300))
t(lambda: torch.ones(2).masked_fill(torch.ones(2), 1e300))
t(lambda: torch.masked_fill(torch.ones(2), m, -1e39))
