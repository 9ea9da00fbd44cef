import torch
cond = torch.tensor([True, False, True])
a = torch.tensor([1, 2, 3])
b = torch.tensor([10, 20, 30])
c = torch.where(cond, a, b)
d = torch.where(a > 1, a.float(), torch.zeros(3))
