# check-stdout
# difffuzz (seeds 2-4): nll_loss's kernel dispatches on the input's dtype ("nll_loss_out_frame" /
# "nll_loss2d_forward_out_frame" not implemented for 'Long' / 'Bool') before it reads the target
# (its dtype and its range); median of an empty bool tensor is True (NaN converted) without the kernel.
import torch
import torch.nn.functional as F


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)  # the type and the order of the checks; messages differ in wording


i64 = torch.int64
t(lambda: F.nll_loss(torch.zeros(3, 4, dtype=i64), torch.tensor([1, 2, 3])))
t(lambda: F.nll_loss(torch.zeros(3, 4, dtype=torch.bool), torch.tensor([1, 2, 3])))
t(lambda: F.nll_loss(torch.zeros(3, 4, dtype=i64), torch.tensor([1, 2, 5])))
t(lambda: F.nll_loss(torch.zeros(3, 4, dtype=i64), torch.tensor([1., 2, 3])))
t(lambda: F.nll_loss(torch.zeros(3, 4), torch.tensor([1, 2, 5])))
t(lambda: F.nll_loss(torch.zeros(3, 4, 2, dtype=i64), torch.zeros(3, 2, dtype=i64)))
t(lambda: F.nll_loss(torch.zeros(4, dtype=i64), torch.tensor(1)))
t(lambda: F.cross_entropy(torch.zeros(3, 4), torch.tensor([True, False, True])))
t(lambda: F.nll_loss(torch.zeros(3, 4), torch.tensor([1, 2, 3])))
t(lambda: torch.median(torch.tensor(True)))
t(lambda: torch.median(torch.tensor([True, False])))
t(lambda: torch.median(torch.ones(0, dtype=torch.bool)))
