# Differential-fuzzer find: PyTorch 1.13's autograd.grad through a CopySlices (an index assignment
# into a view) also accumulates into the .grad of the leaves its wrapped copy_ points at, here
# when the written tensor is itself no view (one node in tensorlens).
import torch
a = torch.tensor([-2.5, 2.48, -1.5, -2.01], dtype=torch.float64)
s = torch.tensor(1.83, dtype=torch.float64, requires_grad=True)
s.backward(retain_graph=True)
a[0] = s
print(a.grad_fn.name())
g = torch.autograd.grad(torch.prod(a), [s])[0]
print(g, s.grad)
b = torch.zeros(3)
t = torch.tensor([1.0, 2.0], requires_grad=True)
u = torch.tensor(3.0, requires_grad=True)
b[1:] = t * u
g2 = torch.autograd.grad((b * b).sum(), [t])[0]
print(g2, t.grad, u.grad)
