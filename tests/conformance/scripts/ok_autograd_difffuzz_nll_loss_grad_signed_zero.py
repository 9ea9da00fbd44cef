# Differential-fuzzer find: nll_loss's gradient writes -w g at each target (PyTorch's
# nll_loss_backward), so a -0.0 gradient stays -0.0 (a scatter_add into zeros made it +0.0).
import torch
import torch.nn.functional as F
v1 = torch.tensor([-0.0, 1.0], dtype=torch.float32, requires_grad=True)
v4 = F.nll_loss(v1[None], torch.tensor([0]))
(v4 * 0).backward()
print(v1.grad)
v1.grad = None
v4 = F.nll_loss(v1[None].expand(3, 2), torch.tensor([0, 0, 1]), reduction='sum')
(v4 * 0).backward()
print(v1.grad)
v1.grad = None
v4 = F.nll_loss(v1[None].expand(3, 2), torch.tensor([0, 0, 1]), reduction='none')
(v4 * 0).sum().backward()
print(v1.grad)
v1.grad = None
v4 = F.nll_loss(v1[None], torch.tensor([1]), reduction='none')
(v4 * 0).sum().backward()
print(v1.grad)
x = torch.tensor([[0.5, -1.0, 2.0], [1.0, 0.0, -3.0]], requires_grad=True)
(F.cross_entropy(x, torch.tensor([2, 0])) * -0.0).backward()
print(x.grad)
g, = torch.autograd.grad(F.nll_loss(x, torch.tensor([1, 2]), reduction='sum') * -0.0, x, create_graph=True)
print(g, 1 / g)
