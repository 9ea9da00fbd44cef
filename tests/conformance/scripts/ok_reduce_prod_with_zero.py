import torch
x = torch.tensor([2.0, 0.0, 3.0, 4.0], requires_grad=True)
p = x.prod()
p.backward()
