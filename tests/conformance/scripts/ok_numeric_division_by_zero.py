import torch
a = torch.tensor([1.0, -1.0, 0.0])
b = torch.tensor([0.0, 0.0, 0.0])
c = a / b
d = torch.tensor([0.0, 3.0]) / 0.0
