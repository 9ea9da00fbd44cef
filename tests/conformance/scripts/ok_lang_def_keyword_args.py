import torch
def scale(x, factor, shift):
    return x * factor + shift

x = torch.tensor([1.0, 2.0], requires_grad=True)
a = scale(x, 2.0, 0.0)
b = scale(x, 3.0, shift=0.5)
c = scale(x, shift=1.0, factor=-1.0)
loss = (a * b * c).sum()
loss.backward()
