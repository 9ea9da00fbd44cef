import torch
# check-stdout
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
s = x.sum()
if s.item() > 1:
    y = x * 2.0
    print("big")
else:
    y = x * -1.0
    print("small")
if x.min().item() > 0:
    z = y + 1.0
else:
    if x.max().item() > 2:
        z = y - 1.0
    else:
        z = y
loss = (z * z).sum()
loss.backward()
