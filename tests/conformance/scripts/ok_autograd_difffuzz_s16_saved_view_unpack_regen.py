# A view saved by an op (addcdiv_'s tensor1) whose base got history afterwards: autograd's unpack
# finds it modified and names its grad_fn in the message, which regenerates the view's history
# (PyTorch 1.13's SavedVariable::unpack reads data_.grad_fn()): the view is then no leaf, so an
# in-place op on it records and gives the base CopySlices.
import torch
v0 = torch.tensor(2.7, requires_grad=True)
v1 = torch.tensor(1.13)
v2 = v1[...]
v4 = v1.atan_()
v5 = v1.addcdiv_(v2, v0)
try: torch.autograd.grad(v5.sum(), [v0], create_graph=True, retain_graph=False)
except RuntimeError as e: print(str(e)[:175])
v8 = v2.xlogy_(True)
print(v1.grad_fn.name(), v2.grad_fn.name(), v4.grad_fn.name(), v8.grad_fn.name())
print(v1, v2)
# without the failed unpack the stale view is still a leaf for check_inplace
a = torch.tensor(1.5)
b = a[...]
a.mul_(torch.tensor(2.0, requires_grad=True))
try: b.xlogy_(True)
except RuntimeError as e: print(e)
print(a.grad_fn.name(), b.grad_fn.name())
# a saved leaf that is modified: no "which is output" clause
w = torch.tensor([1.0, 2.0], requires_grad=True)
x = torch.tensor([3.0, 4.0])
y = (w * x).sum()
x.add_(1)
try: y.backward()
except RuntimeError as e: print(str(e)[:150])
