# check-stdout
# difffuzz (seeds 101-110): maximum/minimum return the first operand on a tie (std::max) except in the
# elements PyTorch computes with AVX2 vectors (the second: max(-0.0, 0.0) is 0.0 there); kthvalue picks
# among equal values as PyTorch's quickselect; add/sub with alpha on bool/int tensors compute in the
# common dtype (alpha=6 is True for bool); sub_ refuses a bool tensor before alpha; bce_with_logits
# has target's dtype.
import torch
import torch.nn.functional as F


def t(f):
    try:
        r = f()
        print(repr(r), [str(v) for v in r.flatten().tolist() if v == 0] if torch.is_tensor(r) and r.is_floating_point() else '')
    except Exception as e:
        print(type(e).__name__, e)


for n in [1, 7, 8, 15, 16, 17, 33]:
    for dt in [torch.float32, torch.float64]:
        z = torch.zeros(n, dtype=dt)
        m = torch.full((n,), -0.0, dtype=dt)
        t(lambda: torch.maximum(z, m))
        t(lambda: torch.minimum(z, m))
        t(lambda: torch.minimum(m, z))
        t(lambda: z.max(m))
        t(lambda: m.min(z))
        t(lambda: torch.maximum(m, torch.tensor(0.0, dtype=dt)))
        t(lambda: torch.maximum(m.reshape(1, n), torch.zeros(3, 1, dtype=dt)))
        t(lambda: torch.maximum(m.reshape(n, 1).expand(n, 2), torch.zeros(n, 2, dtype=dt)))
t(lambda: torch.maximum(torch.full((4, 4), -0.0), torch.zeros(4)))
t(lambda: torch.maximum(torch.full((4, 4), -0.0), torch.zeros(4, 1)))
t(lambda: torch.maximum(torch.full((2, 8), -0.0), torch.zeros(8)))
t(lambda: torch.maximum(torch.tensor([[-2.4, -float('inf'), -0.0]]), torch.tensor([[False, True, False]])))
t(lambda: torch.ones(4).kthvalue(1))
t(lambda: torch.ones(1).expand(4).kthvalue(1))
for k in range(1, 6):
    t(lambda: torch.tensor([2.0, 2.0, 1.0, 2.0, 2.0]).kthvalue(k))
    t(lambda: torch.tensor([[2.0, float('nan'), 2.0, 2.0, 2.0], [1, 1, 1, 1, 1]]).kthvalue(k, 1))
t(lambda: torch.add(torch.tensor([True, False]), False, alpha=6))
t(lambda: torch.add(torch.tensor([True, False]), torch.tensor([True, True]), alpha=6))
t(lambda: torch.tensor(True).add_(torch.tensor(True), alpha=5))
t(lambda: torch.tensor([1, 2], dtype=torch.int8).add(torch.tensor([1, 2], dtype=torch.int8), alpha=300))
t(lambda: torch.tensor([1, 2], dtype=torch.int8).add(torch.tensor([1, 2], dtype=torch.int8), alpha=3))
t(lambda: torch.tensor([1, 2], dtype=torch.int8).sub(5, alpha=3))
t(lambda: torch.zeros(0, dtype=torch.float64).sub_(torch.tensor([False]), alpha=2.2))
t(lambda: torch.zeros(2).sub_(torch.tensor([False])))
t(lambda: F.binary_cross_entropy_with_logits(torch.tensor(-0.7, dtype=torch.float64), torch.tensor(0.69)))
t(lambda: F.binary_cross_entropy_with_logits(torch.tensor([-0.7, 2.0]), torch.tensor([0.69, 0.1], dtype=torch.float64)))
