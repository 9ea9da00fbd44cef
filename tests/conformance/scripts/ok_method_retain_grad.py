import torch
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
h = x * x
h.retain_grad()
o = torch.tanh(h)
o.retain_grad()
other = x * 3.0
loss = o.sum() + other.sum()
loss.backward()
