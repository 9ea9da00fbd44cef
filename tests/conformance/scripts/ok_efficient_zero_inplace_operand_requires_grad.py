import torch
# An in-place op computes with an efficient zero operand (sgn's gradient) as plain zeros, also
# when that operand requires grad: x.mul_(z) keeps -0.0 where x < 0, x.div_(z) gives -inf there.
for self_rg in (False, True):
    x = torch.tensor([1.5, -2.0], requires_grad=True)
    z = torch.autograd.grad(x.sgn().sum(), x, create_graph=True)[0].requires_grad_()
    s = x * 1 if self_rg else torch.tensor([1.5, -2.0])
    r = s.mul_(z)
    print(r, r.grad_fn.name())
    print(torch.autograd.grad(r.sum(), z))
    x = torch.tensor([1.5, -2.0], requires_grad=True)
    z = torch.autograd.grad(x.sgn().sum(), x, create_graph=True)[0].requires_grad_()
    s = x * 1 if self_rg else torch.tensor([1.5, -2.0])
    r = s.div_(z)
    print(r, r.grad_fn.name())
z = None  # an efficient zero has no storage to print
