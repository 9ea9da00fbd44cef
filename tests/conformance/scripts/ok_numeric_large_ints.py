import torch
a = torch.tensor([2 ** 40, -(2 ** 40), 123456789012])
b = a + 1
c = a * 2
d = a.sum()
