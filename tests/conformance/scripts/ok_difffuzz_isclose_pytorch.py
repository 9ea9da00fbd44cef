# check-stdout
# difffuzz (seeds 101-110): isclose/allclose compute as PyTorch 1.13: equal_nan's (a != a) &= (b != b)
# runs in place into a tensor of a's shape (a smaller a raises), integer and bool inputs are
# compared with the tolerance in the default float dtype, and zero tolerances mean equality.
import torch


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


a = torch.tensor(1.0)
b = torch.tensor([1.0, float('nan')])
t(lambda: torch.isclose(a, b))
t(lambda: torch.isclose(a, b, equal_nan=True))
t(lambda: torch.isclose(b, a, equal_nan=True))
t(lambda: torch.allclose(a, torch.tensor([1.0, 2.0]), equal_nan=True))
t(lambda: torch.allclose(torch.tensor([[1.0, 1.0]]), torch.tensor([1.0, 1.0]), equal_nan=True))
t(lambda: torch.isclose(torch.tensor([5, 3]), torch.tensor([4, 3]), rtol=0.25))
t(lambda: torch.isclose(torch.tensor([2**60 + 1, 3]), torch.tensor([2**60, 3])))
t(lambda: torch.isclose(torch.tensor([True, False]), torch.tensor([True, True]), atol=1.0))
t(lambda: torch.isclose(torch.tensor([float('inf'), 3.0]), torch.tensor([float('inf'), 3.1]), rtol=0.2))
t(lambda: torch.isclose(torch.tensor([float('nan'), 3.0]), torch.tensor([float('nan'), 3.1]), equal_nan=True))
t(lambda: torch.isclose(torch.tensor([1.0]), torch.tensor([1.0], dtype=torch.float64)))
t(lambda: torch.isclose(torch.tensor([-0.91, 1.0]), torch.tensor([-2.2, 1.0]), rtol=0.0, atol=0.0))
t(lambda: torch.isclose(torch.tensor([-0.91, 1.0]), torch.tensor([-2.2, 1.0]), rtol=1.0, atol=0.0))
t(lambda: torch.isclose(torch.tensor([1.0]), torch.tensor([1.0]), rtol=-1.0))
