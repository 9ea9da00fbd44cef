import torch
def poly(x, n):
    out = torch.zeros_like(x)
    for i in range(n):
        out = out + x ** i
    return out

x = torch.tensor([0.5, 2.0], requires_grad=True)
y = poly(x, 4)
loss = y.sum()
loss.backward()
