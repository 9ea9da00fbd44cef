import torch
# The grad of a 0-d sort / topk / kthvalue / median(dim) / gather is a fresh zeros().scatter_()
# (ScatterBackward0 / ScatterAddBackward0 under create_graph), not a view of the incoming grad:
# an in-place op with a requires-grad operand on it is allowed.
fs = [lambda x: x.sort(stable=True, descending=True)[0], lambda x: x.topk(1)[0], lambda x: x.kthvalue(1)[0],
      lambda x: x.median(0)[0], lambda x: x.max(0)[0], lambda x: x.gather(0, torch.tensor(0))]
for f in fs:
    x = torch.tensor(0.2, dtype=torch.float64, requires_grad=True)
    g = torch.autograd.grad(f(x).sum(), [x])[0]
    g += torch.floor(torch.tensor(1.8, dtype=torch.float64, requires_grad=True))
    print(g, g.grad_fn.name())
    x = torch.tensor(-0.5, requires_grad=True)
    g = torch.autograd.grad(f(x).sum() * torch.tensor(2., requires_grad=True), [x], create_graph=True)[0]
    print(g, g.grad_fn.name())
# a gather whose input or index is 0-d and the other 1-d
for xs, ix in [((), [0]), ((2,), 1), ((), [0, 0])]:
    x = torch.zeros(xs, requires_grad=True)
    g = torch.autograd.grad(x.gather(0, torch.tensor(ix)).sum(), [x])[0]
    g += torch.tensor(1., requires_grad=True)
    print(g)
