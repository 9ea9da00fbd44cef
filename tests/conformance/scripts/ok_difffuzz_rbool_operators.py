# check-stdout
# difffuzz (seeds 101-110): a Python bool on the left of an operator with a bool tensor stays a bool
# (True // x reaches PyTorch's missing bool floor_divide kernel).
import torch


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


b = torch.tensor([True, False])
t(lambda: True // b)
t(lambda: True % b)
t(lambda: 5 % b)
t(lambda: True ** b)
t(lambda: True & b)
t(lambda: True | b)
t(lambda: True ^ b)
t(lambda: 1 & b)
t(lambda: True < b)
t(lambda: True == b)
t(lambda: True << torch.tensor([1, 2]))
t(lambda: True // torch.tensor([1, 2]))
