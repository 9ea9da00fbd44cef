# A view made before its base got history keeps a stored grad_fn of None until its grad_fn is
# read: check_inplace and retain_grad test that stored one (PyTorch 1.13's C++ is_leaf).
import torch
# x[mask] = v with v the view itself: setitem views v without its leading 1s first, which reads
# (regenerates) its grad_fn, so index_put_ records (CopySlices on the base)
v1 = torch.tensor(-1.680, requires_grad=True)
v3 = torch.eye(1)
v5 = v3.expand_as(v3)
v3 -= v1
v5[v5 > 0, ...] = v5
print(v3.grad_fn.name(), v5.grad_fn.name(), v3, v5)
# ... a value without leading 1s reads nothing: a leaf
v3 = torch.eye(1)
v5 = v3.expand_as(v3)
v3 -= v1
try: v5[v5 > 0, ...] = torch.tensor(1.0)
except RuntimeError as e: print(e)
# retain_grad on such a view is a no-op (a leaf), and zero_ is refused
v0 = torch.tensor([0.7, -1.42, -2.3])
v3 = torch.tensor(-0.320, requires_grad=True)
v4 = torch.movedim(v0, [], [])
v0[v0 > 0] = v3
v7 = v0.cosh()
v4.retain_grad()
try: v4.zero_()
except RuntimeError as e: print(e)
print(v0.grad_fn.name(), v4.grad_fn.name(), v7.grad_fn.name())
# a name bound to the view (returned from a function) regenerates nothing either
def make():
    b = torch.eye(1)
    v = b.expand_as(b)
    b.sub_(torch.tensor(-1.680, requires_grad=True))
    return v
v = make()
try: v.mul_(2.0)
except RuntimeError as e: print(e)
print(v.grad_fn.name())
v.mul_(2.0)
print(v.grad_fn.name(), v)
# retain_grad after the view's grad_fn was read retains the regenerated node's gradient
b = torch.zeros(3)
u = b[1:]
b.add_(torch.tensor(1.0, requires_grad=True))
print(u.grad_fn.name())
u.retain_grad()
u.sum().backward()
print(u.grad)
