import torch
x = torch.tensor([[0.5, -1.0], [1.5, 0.25]], requires_grad=True)
a = x * 3.0
b = a + 1.0
c = torch.tanh(b)
d = b * b
e = c * d + a
f = e.sum(0) * a.sum(0)
loss = f.sum()
loss.backward()
