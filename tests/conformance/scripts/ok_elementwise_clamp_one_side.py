import torch
a = torch.tensor([-2.0, -0.5, 0.0, 0.5, 3.0], requires_grad=True)
b = torch.clamp(a, min=0.0)
c = a.clamp(max=0.5)
d = a.clamp(min=-1)
loss = (b * 2.0 + c * 3.0 + d * d).sum()
loss.backward()
