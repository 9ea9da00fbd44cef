import torch
a = torch.tensor([-1.0, 0.0, 1.0, 2.5], requires_grad=True)
b = 2 ** a
c = 2.0 ** a
d = 0.5 ** a
loss = (b + c * 3 + d).sum()
loss.backward()
