# F.linear of a contiguous 3-D input with a bias is PyTorch 1.13's addmm over the folded rows: the
# bias must expand to (rows, out_features).
import torch
import torch.nn.functional as F
x = torch.ones(2, 3, 4)
w = torch.ones(5, 4)
print(F.linear(x, w, torch.ones(5)).shape)
print(F.linear(x.transpose(0, 1), w, torch.ones(2, 5)).shape)
try:
    F.linear(x, w, torch.ones(3, 5))
except RuntimeError as e:
    print(e)
F.linear(torch.zeros(0, 1, 1, dtype=torch.int64), torch.zeros(1, 1, dtype=torch.int64), torch.zeros(0, 1, 1, dtype=torch.int64))  # expect-error
