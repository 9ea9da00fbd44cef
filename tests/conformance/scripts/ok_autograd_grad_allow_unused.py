import torch
# check-stdout
x = torch.tensor([1.0, 2.0], requires_grad=True)
u = torch.tensor([3.0], requires_grad=True)
y = (x * x).sum()
gx, gu = torch.autograd.grad(y, [x, u], allow_unused=True)
print(gu is None)
