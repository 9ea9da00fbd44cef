import torch
x = torch.ones(2, requires_grad=True)
with torch.no_grad()  # expect-error
    y = x * 2.0
