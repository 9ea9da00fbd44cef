# Differential-fuzzer find: arange with an integer dtype works on the bounds truncated to int64
# (PyTorch's acc_type): arange(0.8, dtype=int64) is empty, arange(-0.3, 3, dtype=int64) has 3
# elements; int64's length is (end - start + step - sign) / step in integers, narrower types take
# ceil((end - start) / step) of the given numbers.
import torch

a0 = torch.arange(0.8, dtype=torch.int64)
a1 = torch.arange(-0.30, 3, dtype=torch.int64)
a2 = torch.arange(-0.30, 3, dtype=torch.int32)
a3 = torch.arange(0.8, 0.2, dtype=torch.int64)
a4 = torch.arange(10, 0.5, -3.5, dtype=torch.int64)
a5 = torch.arange(1.5, 7.9, 2.5, dtype=torch.int64)
a6 = torch.arange(-2.7, 2.7, dtype=torch.int16)
a7 = torch.arange(0.5, 4.5, 1.5)
m = a1.masked_fill(a1 > 0, -2.26)
