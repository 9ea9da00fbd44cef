import torch
x = torch.zeros(0)
s = x.sum()
p = x.prod()
y = torch.ones(2, 0)
t = y.sum(1)
