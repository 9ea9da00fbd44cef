import torch
x = torch.ones(3, requires_grad=True)
with torch.no_grad():
    y = (x * 2.0).sum()
y.backward()  # expect-error
