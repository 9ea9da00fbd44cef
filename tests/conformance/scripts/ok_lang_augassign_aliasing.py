import torch
x = torch.tensor([1.0, 2.0, 3.0])
y = x
x += 1.0
x *= 2.0
z = x
x = x + 100.0
