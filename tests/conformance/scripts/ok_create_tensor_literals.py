import torch
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
b = torch.tensor([[[1.0], [2.0]], [[3.0], [-4.0]]])
c = torch.tensor(3.5)
d = torch.tensor([-1.5])
e = torch.tensor([1e-3, 2.5e2, -1e4])
f = torch.tensor([[1, 2], [3, 4]], dtype=torch.float64, requires_grad=True)
g = torch.tensor([0.5, 1.5], requires_grad=True)
