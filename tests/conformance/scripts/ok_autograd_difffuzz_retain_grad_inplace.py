# Differential-fuzzer find: retain_grad() then an in-place op: .grad is the gradient of the tensor
# as it is after the op (PyTorch moves the retains_grad hook to the new grad_fn).
import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 2
b.retain_grad()
b.mul_(3)
b.sum().backward()
c0 = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
c = c0 + 1
c.retain_grad()
c.add_(c0)
d = (c * c).sum()
d.backward()
