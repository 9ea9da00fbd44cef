import torch
def f(x, w):
    h = torch.tanh(x * w)
    return (h * h).sum()

x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
w = torch.tensor([1.0, 0.5, -0.5], requires_grad=True)
loss = f(x, w) + f(w, x)
loss.backward()
