import torch
a = torch.tensor([0, 1, 4])
b = torch.exp(a)
c = torch.sqrt(a)
d = torch.sigmoid(a)
e = torch.tanh(a)
f = torch.sin(a)
