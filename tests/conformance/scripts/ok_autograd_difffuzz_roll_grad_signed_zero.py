# Differential-fuzzer find: roll's gradient is g rolled back (PyTorch's RollBackward0, a
# permutation: -0.0 gradients stay, no zeros are added).
import torch
r0 = torch.tensor([[-1.39, -0.0, 1.0], [1.1, 2.2, -0.0]], requires_grad=True)
r = torch.roll(r0, [5])
print(r, r.grad_fn.name())
r.pow(2).sum().backward()
print(r0.grad, 1 / r0.grad)
r1 = torch.tensor([[1.0, -0.0], [3.0, 4.0]], requires_grad=True)
r2 = r1.roll((1, -1), (0, 1))
g = torch.autograd.grad((r2 * r2).sum(), [r1], create_graph=True)[0]
print(r2, g, 1 / g)
g.sum().backward()
print(r1.grad)
