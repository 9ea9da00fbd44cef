import torch
a = torch.tensor([1.0, 0.0, -2.0, 0.0])
m = torch.tensor([True, False, True])
b = torch.logical_not(a)
c = m.logical_not()
d = torch.logical_not(a > 0)
