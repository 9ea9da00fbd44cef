# check-stdout
# difffuzz (seeds 101-110): an integer x.floor_divide_(y) / remainder_ / fmod_ with a zero in y writes
# the elements before the first zero, then raises (PyTorch's kernel; not when it computes into a
# temporary of another dtype); Python ints reach integer kernels exactly (2**53 + 1).
import torch


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for op in ['floor_divide_', 'remainder_', 'fmod_']:
    x = torch.tensor([3, 6, 0, -4])
    t(lambda: getattr(x, op)(x))
    print(x)
    y = torch.tensor([[5, -2], [4, 0], [5, -2]])
    t(lambda: getattr(y, op)(torch.tensor([2, 0])))
    print(y)
    z = torch.tensor([[5, -2], [4, 7], [5, -2]], dtype=torch.int32)
    t(lambda: getattr(z, op)(torch.tensor([[1], [0], [2]])))
    print(z)
    w = torch.tensor([5, 7])
    t(lambda: getattr(w, op)(torch.tensor([0, 2])))
    print(w)
    v = torch.tensor([5.0, 7.0])
    t(lambda: getattr(v, op)(torch.tensor([0, 2])))
    print(v)
t(lambda: torch.fmod(torch.tensor([1, -2], dtype=torch.int32), 9007199254740993))
t(lambda: torch.tensor([[-4], [-4]]).bitwise_left_shift_(9007199254740993))
t(lambda: torch.bitwise_or(torch.tensor([4], dtype=torch.uint8), -9223372036854775807))
t(lambda: (torch.tensor([2**60 + 1]) + 2**53 + 1).tolist())
