# check-stdout
# difffuzz (seeds 101-110): torch.where takes a uint8 condition (deprecated in 1.13: nonzero is
# true), other integer conditions raise; log1p is inf above 1e38 (float32) / 1e307 (float64) as
# PyTorch's SLEEF kernel; gelu of a contiguous float32 input of 2+ elements (oneDNN) gives +0.0
# where the product is zero.
import torch
import torch.nn.functional as F


def t(f):
    try:
        r = f()
        print(repr(r), [str(v) for v in r.flatten().tolist() if v == 0])
    except Exception as e:
        print(type(e).__name__, e)


c = torch.tensor([1, 0, 2], dtype=torch.uint8)
t(lambda: torch.where(c, torch.ones(3), torch.zeros(3)))
t(lambda: torch.where(c.long(), torch.ones(3), torch.zeros(3)))
t(lambda: torch.log1p(torch.tensor([3e38, 1e38, 1.0000001e38, float('inf')])))
t(lambda: torch.log1p(torch.tensor([1e308, 1.1e307, 1e307], dtype=torch.float64)))
t(lambda: torch.tensor([3e38, 2.0]).log1p_())
for n in [1, 2, 17]:
    t(lambda: F.gelu(torch.full((n,), -0.0)))
    t(lambda: F.gelu(torch.full((n,), -10.0)))
    t(lambda: F.gelu(torch.full((n,), -0.0, dtype=torch.float64)))
t(lambda: F.gelu(torch.full((2, 2), -0.0).t()))
t(lambda: F.gelu(torch.tensor([-0.0, 1.0, -1.0, 3.0, -1e-30])))
