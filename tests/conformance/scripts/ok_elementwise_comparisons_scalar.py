import torch
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
m1 = a > 2
m2 = a <= 2.5
m3 = a == 3
m4 = a.ne(1.0)
m5 = a.lt(4)
m6 = a.ge(2)
m7 = a.eq(torch.tensor([1.0, 4.0]))
