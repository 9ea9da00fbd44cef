import torch
def f(a, b):
    return a * b

x = torch.ones(2)
y = f(x)  # expect-error
