import torch
x = torch.tensor([[1.0, 7.0, 3.0], [4.0, -5.0, 6.0]])
a = x.argmax()
b = torch.argmax(x, dim=0)
c = x.argmax(1)
d = torch.argmin(x)
e = x.argmin(dim=1, keepdim=True)
f = torch.tensor([2.0, 9.0, 9.0, 1.0, 1.0]).argmax()
g = torch.tensor([2.0, 9.0, 9.0, 1.0, 1.0]).argmin()
