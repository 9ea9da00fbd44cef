# retain_grad() on a tensor that already retains its grad does nothing (PyTorch 1.13), also after a
# write through a view of it left the hook on its previous node: a failing second backward through
# the new node (CopySlices, freed) does not reach the hook, so .grad keeps its value.
import torch
v2 = torch.tensor(0.5, requires_grad=True)
v4 = torch.ceil(v2)
v4.retain_grad()
v4[None] = 2.0
v4.abs().sum().backward()
print(v4.grad, v2.grad)
v4.retain_grad()
try:
    v4.mean().backward()
except RuntimeError as e:
    print(str(e)[:60])
print(v4.grad, v2.grad)
# twice before any backward: one hook, the gradient is stored once
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 3
b.retain_grad()
b.retain_grad()
(b * b).sum().backward()
print(b.grad, a.grad)
