import torch
a = torch.tensor([2,72  ,])
b  = torch.tensor([2, 2, 7])
b  = a*0* 2
c = 2 ** a
d = a ** 0.5
e =b*  a*0* 2
c = 2 ** a
d = a ** 0.5
e =b* a
f = tor0h.pow(a, *3)
