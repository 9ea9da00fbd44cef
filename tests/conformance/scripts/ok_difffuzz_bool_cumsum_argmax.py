# check-stdout
# difffuzz (seeds 101-110): PyTorch has no bool cumsum/argmax/argmin kernels, but cumsum of a 0-d
# input only fills (dtype=torch.bool works) and argmax/argmin over a dim of size 1 fill with 0.
import torch


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: torch.tensor(2.5).cumsum(0, dtype=torch.bool))
t(lambda: torch.tensor(0.0).cumsum(-1, dtype=torch.bool))
t(lambda: torch.tensor([2.5]).cumsum(0, dtype=torch.bool))
t(lambda: torch.tensor([]).cumsum(0, dtype=torch.bool))
t(lambda: torch.tensor(True).cumsum(0))
t(lambda: torch.tensor(True).argmax())
t(lambda: torch.tensor(True).argmax(0))
t(lambda: torch.tensor([True]).argmax(0))
t(lambda: torch.tensor([True]).argmax())
t(lambda: torch.ones(1, 1, dtype=torch.bool).argmax(1))
t(lambda: torch.ones(3, 1, dtype=torch.bool).argmin(1, keepdim=True))
t(lambda: torch.ones(3, 1, dtype=torch.bool).argmin(0))
t(lambda: torch.ones(0, 2, dtype=torch.bool).argmax(1))
t(lambda: torch.ones(2, 0, dtype=torch.bool).argmax(0))
t(lambda: torch.tensor(True).argmin(0, keepdim=True))
