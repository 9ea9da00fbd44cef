# check-stdout
# difffuzz (seeds 2-4): scatter / scatter_ with a Python number convert it to self's dtype in the
# kernel (c10::checked_convert), after the dim and index checks and only for a non-empty index.
import torch


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)  # the type and the order of the checks; messages differ in wording


i = torch.tensor([0, 1])
t(lambda: torch.zeros(3).scatter(0, i, 1e300))
t(lambda: torch.zeros(3).scatter_(0, i, 1e300))
t(lambda: torch.zeros(3).scatter(0, torch.tensor([0, 5]), 1e300))
t(lambda: torch.zeros(3).scatter(3, i, 1e300))
t(lambda: torch.zeros(3).scatter(0, torch.zeros(0, dtype=torch.int64), 1e300))
t(lambda: torch.zeros(3, dtype=torch.int64).scatter(0, torch.tensor([0]), float('inf')))
t(lambda: torch.zeros(3, dtype=torch.int64).scatter(0, i, 2.7))
t(lambda: torch.zeros(3, dtype=torch.float64).scatter(0, i, 1e300))
t(lambda: torch.zeros(3).scatter(0, i, float('-inf')))
t(lambda: torch.zeros(3, dtype=torch.bool).scatter_(0, i, 2))
