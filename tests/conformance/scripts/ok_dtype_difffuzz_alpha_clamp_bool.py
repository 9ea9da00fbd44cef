# Differential-fuzzer finds: an int alpha keeps integer results; clamp of an int tensor with float
# bounds is float; a bool tensor with a Python bool stays bool.
import torch
a = torch.add(torch.tensor([1, 2]), torch.tensor([1, 1]), alpha=2)
b = torch.sub(torch.tensor([5, 2]), 3, alpha=-1)
c = torch.clamp(torch.tensor([1, 5]), 0.5, 2.5)
d = torch.clamp(torch.tensor([1, 5]), 2, 3)
e = torch.clamp(torch.tensor([1, 5]), max=2.0)
bb = torch.tensor([True, False]) + True
bm = torch.tensor([True, False]) * False
f = torch.tensor([1.5, 2.0]).add(torch.tensor([1.0, 1.0]), alpha=2)
