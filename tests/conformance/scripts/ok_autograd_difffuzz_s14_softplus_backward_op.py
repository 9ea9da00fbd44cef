# softplus_backward is one recorded node: under create_graph its gradient in self is PyTorch's
# softplus_double_backward (sigmoid_backward(...) * mask * beta: MulBackward1), in grad_output softplus_backward.
import torch
import torch.nn.functional as F
x = torch.tensor([0.93, -2.0, 30.0, 5.0, float('nan')], dtype=torch.float64, requires_grad=True)
for kw in [dict(), dict(beta=1.61), dict(beta=2.0, threshold=3.0)]:
    g, = torch.autograd.grad(F.softplus(x, **kw).sum(), [x], create_graph=True)
    g2, = torch.autograd.grad((g * g).sum(), [x], create_graph=True)
    g3, = torch.autograd.grad(g2.sum(), [x], create_graph=True)
    gg = torch.ones(5, dtype=torch.float64, requires_grad=True)
    h, = torch.autograd.grad(F.softplus(x, **kw), [x], gg * 2, create_graph=True)
    hg, = torch.autograd.grad(h.sum(), [gg], create_graph=True)
    print(g, g2, g3, h.grad_fn.name(), hg)
