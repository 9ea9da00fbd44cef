# check-stdout
# difffuzz (seeds 2-4): F.linear is addmm(bias, x, W^T) in PyTorch 1.13 for a 2-D or contiguous 3-D
# input, so a bias of another dtype fails ("self and mat2 must have the same dtype"); a 1-D input
# goes through matmul + add_ and keeps x's dtype. torch.addmm checks input against mat2 first.
import torch
import torch.nn.functional as F


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)  # the type and the order of the checks; messages differ in wording


f64 = torch.float64
t(lambda: F.linear(torch.ones(3), torch.ones(4, 3), torch.ones(4, dtype=f64)))
t(lambda: F.linear(torch.ones(2, 2, 3), torch.ones(4, 3), torch.ones(4, dtype=f64)).dtype)
t(lambda: F.linear(torch.ones(2, 3), torch.ones(4, 3), torch.ones(4, dtype=f64)))
t(lambda: F.linear(torch.ones(2, 3, dtype=f64), torch.ones(4, 3, dtype=f64), torch.ones(4)))
t(lambda: F.linear(torch.ones(2, 3), torch.ones(4, 3), torch.ones(4, dtype=torch.int64)))
t(lambda: F.linear(torch.ones(2, 3), torch.ones(4, 3), torch.tensor(1., dtype=f64)))
t(lambda: F.linear(torch.ones(2, 3), torch.ones(4, 3), torch.ones(4)))
t(lambda: torch.addmm(torch.ones(4, dtype=f64), torch.ones(2, 3), torch.ones(3, 4)))
t(lambda: torch.addmm(torch.ones(4), torch.ones(2, 3), torch.ones(3, 4)))
