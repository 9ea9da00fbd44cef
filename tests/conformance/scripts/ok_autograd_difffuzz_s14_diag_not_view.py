# torch.diag of a vector and the gradient of diag of a matrix are new tensors in PyTorch, not views:
# one made without recording (in a backward, under no_grad) can be written in place with grad mode
# on by a tensor that requires grad (no "view created in no_grad mode" error).
import torch
w = torch.tensor([5.0], requires_grad=True)
m = torch.tensor([[-2.5], [-2.0], [-1.5], [1.0]], requires_grad=True)
g = torch.autograd.grad(m.diag().sum(), [m])[0]
print(g.copy_(w.expand(4, 1)))
sq = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
g = torch.autograd.grad(sq.diag(1).sum(), [sq])[0]
g /= w
print(g)
with torch.no_grad():
    d = torch.diag(torch.tensor([1.0, 2.0]))
d.mul_(w)
print(d, type(d.grad_fn).__name__)
v = torch.tensor([1.0, 2.0], requires_grad=True)
g = torch.autograd.grad(v.diag(-1).sum(), [v])[0]
g.add_(w)
print(g)
