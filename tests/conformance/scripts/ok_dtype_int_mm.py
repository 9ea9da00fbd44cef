import torch
a = torch.tensor([[1, 2], [3, 4]])
b = torch.tensor([[5, 6], [7, 8]])
c = torch.mm(a, b)
d = a @ b
e = torch.matmul(a, torch.tensor([1, -1]))
