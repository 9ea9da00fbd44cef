# masked_fill_ reads its 0-d value as a number first (value.item()), so a value that is a view of
# self is not an overlap error (seed 1308 #942).
import torch
v1 = torch.tensor([0.88, -1.980, -float('inf')])
v2 = v1[2]
v1.masked_fill_(torch.tensor([False]), v2)
w = torch.tensor([1., 2., 3.])
w.masked_fill_(torch.tensor([True, False, True]), w[1])
