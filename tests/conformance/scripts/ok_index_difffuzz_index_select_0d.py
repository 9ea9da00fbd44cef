# Differential-fuzzer find: index_select of a 0-d tensor (every index 0) is a 0-d copy.
import torch
x = torch.tensor(3.0, requires_grad=True)
a = torch.index_select(x, 0, torch.tensor([0]))
b = torch.index_select(x, -1, torch.tensor(0))
(a * 2 + b).backward()
