# check-stdout
# difffuzz (seeds 2-4): roll / topk / kthvalue / trace check their arguments in PyTorch 1.13's order:
# roll of a 0-d tensor with explicit dims is an IndexError, of an empty tensor never checks the dim;
# topk / kthvalue of bool fail in the kernel dispatch after the dim and k checks, which a 0-d tensor
# skips; trace of bool fails before the rank check.
import torch


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)  # the type and the order of the checks; messages differ in wording


x = torch.tensor(3.)
b = torch.tensor([True, False])
t(lambda: torch.roll(x, 1))
t(lambda: torch.roll(x, 1, 0))
t(lambda: torch.roll(x, [1], [-1]))
t(lambda: torch.roll(x, [1, 2], [0, 5]))
t(lambda: torch.roll(torch.ones(0, 2), 1, 5))
t(lambda: torch.roll(torch.arange(6.).reshape(2, 3), [1, -1], [0, 1]))
t(lambda: torch.topk(b, 1))
t(lambda: torch.topk(torch.tensor(True), 1))
t(lambda: torch.topk(torch.tensor([True]), 5))
t(lambda: torch.topk(torch.ones(0, dtype=torch.bool), 0))
t(lambda: b.topk(1))
t(lambda: torch.kthvalue(b, 1))
t(lambda: torch.kthvalue(b, 5))
t(lambda: torch.kthvalue(b, 1, 4))
t(lambda: torch.kthvalue(torch.tensor(True), 1))
t(lambda: torch.kthvalue(torch.ones(0), 1))
t(lambda: torch.kthvalue(torch.ones(0), 0, 3))
t(lambda: torch.kthvalue(torch.ones(2, 0), 1, 1))
t(lambda: torch.kthvalue(torch.ones(2, 0), 1, 0))
t(lambda: torch.kthvalue(torch.ones(2, 0, dtype=torch.bool), 1, 0))
t(lambda: torch.kthvalue(torch.tensor(2.), 2, 0))
t(lambda: torch.kthvalue(torch.tensor([3., 1., 2.]), 2))
t(lambda: torch.trace(torch.tensor(True)))
t(lambda: torch.trace(torch.ones(2, 2, dtype=torch.bool)))
t(lambda: torch.trace(torch.ones(2)))
t(lambda: torch.trace(torch.ones(2, 2, dtype=torch.int64)))
