import torch
a = torch.tensor([1, 2.5])
b = torch.tensor([True, False])
c = torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
d = torch.tensor([1, 2], dtype=torch.float64)
e = torch.tensor(3)
f = torch.tensor(2.5)
g = torch.tensor([[True], [False]], dtype=torch.float32)
