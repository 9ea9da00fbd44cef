import torch
a = torch.zeros(2, 3)
b = torch.ones(3)
c = torch.zeros((2, 2))
d = torch.ones([1, 2, 3])
e = torch.zeros(2, dtype=torch.int64)
f = torch.ones(2, 2, dtype=torch.float64)
g = torch.ones(2, requires_grad=True)
h = torch.zeros(3, dtype=torch.bool)
