import torch
a = torch.tensor([1.0, 2.0, 3.0, 4.0])
b = torch.tensor([4.0, 2.0, 1.0, 4.0])
eq1 = torch.eq(a, b)
ne1 = torch.ne(a, b)
lt1 = torch.lt(a, b)
le1 = torch.le(a, b)
gt1 = torch.gt(a, b)
ge1 = torch.ge(a, b)
eq2 = a == b
ne2 = a != b
lt2 = a < b
le2 = a <= b
gt2 = a > b
ge2 = a >= b
