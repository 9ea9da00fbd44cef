# Differential-fuzzer find: addmm's CPU kernel converts alpha to int64 for an int64 product (NaN overflows).
import torch
i = torch.tensor([[0, -4], [3, 6]])
torch.addmm(i, i, i, alpha=float('nan'))  # expect-error
