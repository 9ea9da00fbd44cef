import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a = -x ** 2
b = 2 * x + 3 * x / 4 - 1
c = (x + 1) * (x - 1) / (x * 2)
d = x ** 2 ** 0.5
e = -(x - 2) * -x
loss = (a + b + c + d + e).sum()
loss.backward()
