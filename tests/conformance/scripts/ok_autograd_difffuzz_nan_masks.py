# check-stdout
# Gradient masks at NaN and zeros, as PyTorch: relu passes the gradient through a NaN output
# (threshold_backward: 0 only where y <= 0); clamp with tensor bounds gives NaN for a NaN bound and
# no gradient to a NaN input; prod() of everything with two zeros has a zero gradient.
import torch
nan = float('nan')
x = torch.tensor([nan, -1.0, 0.0, 2.0], requires_grad=True)
torch.relu(x).sum().backward()
print(x.grad)
y = torch.tensor([1.5, -0.31, 1.02], requires_grad=True)
z = y.log()
z.relu_()
z.mean().backward()
print(y.grad)
for lo, hi in [(None, nan), (nan, 5.0), (0.0, nan), (None, 1.0), (3.0, None), (3.0, 1.0)]:
    x = torch.tensor([2.92, nan, -1.0], requires_grad=True)
    L = torch.tensor(lo, requires_grad=True) if lo is not None else None
    H = torch.tensor(hi, requires_grad=True) if hi is not None else None
    r = torch.clamp(x, min=L, max=H)
    r.sum().backward()
    print(r.detach(), x.grad, None if L is None else L.grad, None if H is None else H.grad)
p = torch.tensor([nan, 0.0, -0.0, 2.0], requires_grad=True)
p.prod().backward()
print(p.grad)
q = torch.tensor([[nan, 0.0, 3.0], [1.0, 2.0, 0.0]], requires_grad=True)
q.prod(1).sum().backward()
print(q.grad)
