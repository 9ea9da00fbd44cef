import torch
a = torch.tensor([-3, 0, 2, 5])
b = torch.clamp(a, min=-1, max=3)
c = torch.relu(a)
d = torch.sign(a)
e = torch.maximum(a, torch.tensor([0, 1, 1, 9]))
f = a.sum(0)
g = torch.tensor([[1, 2], [3, 4]]).t()
