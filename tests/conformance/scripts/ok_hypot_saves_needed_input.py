# hypot's node saves each input only when that input requires grad: an in-place change of the
# other one does not fail its backward (PyTorch 1.13's HypotBackward0).
import torch
a = torch.tensor([2.43, -1.5])
b = torch.tensor([2.2, 0.5], requires_grad=True)
y = torch.hypot(a, b)
a.log_()
print(torch.autograd.grad(y.sum(), [b], retain_graph=True)[0])
c = torch.tensor([1.0, 3.0], requires_grad=True)
z = torch.hypot(c, b.detach())
print(torch.autograd.grad(z.sum(), [c])[0])
