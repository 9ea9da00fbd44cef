# check-stdout
# difffuzz (seeds 2-4): pow of a bool tensor by a Python bool computes in bool, which PyTorch 1.13's
# pow kernel does not implement; an int exponent promotes to int64, a float one to float32.
import torch


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)  # the type and the order of the checks; messages differ in wording


b = torch.tensor([True, False])
t(lambda: torch.pow(b, True))
t(lambda: b.pow(False))
t(lambda: b ** True)
t(lambda: torch.pow(b, 2))
t(lambda: torch.pow(b, 2.5))
t(lambda: torch.pow(torch.tensor([2, 3]), True))
t(lambda: torch.pow(torch.tensor([2., 3.]), False))
t(lambda: torch.pow(True, b))
t(lambda: torch.pow(b, torch.tensor(2)))
