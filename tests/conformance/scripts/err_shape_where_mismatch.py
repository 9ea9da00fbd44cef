import torch
c = torch.tensor([True, False, True])
a = torch.ones(3)
b = torch.zeros(2)
y = torch.where(c, a, b)  # expect-error
