# var/std backward when N == correction is g * inf, a multiplication by a number (MulBackward1).
import torch
for f in [torch.std, torch.var]:
    v1 = torch.tensor(1.46, requires_grad=True)
    g = torch.autograd.grad(f(v1).sum(), [v1], create_graph=True)[0]
    print(g, type(g.grad_fn).__name__)
    v1 = torch.tensor([1.46, 2.0], requires_grad=True)
    g = torch.autograd.grad(f(v1).sum(), [v1], create_graph=True)[0]
    print(g, type(g.grad_fn).__name__)
    v1 = torch.tensor([[1.46]], requires_grad=True)
    g = torch.autograd.grad(f(v1, 1).sum(), [v1], create_graph=True)[0]
    print(g, type(g.grad_fn).__name__)
