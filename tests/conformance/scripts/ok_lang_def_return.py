import torch
def affine(x, w, b):
    return x.mm(w) + b

def square_sum(t):
    out = (t * t).sum()
    return out

x = torch.tensor([[1.0, 2.0]], requires_grad=True)
w = torch.tensor([[0.5], [-1.0]], requires_grad=True)
b = torch.tensor([0.25], requires_grad=True)
y = affine(x, w, b)
loss = square_sum(y) + square_sum(w)
loss.backward()
