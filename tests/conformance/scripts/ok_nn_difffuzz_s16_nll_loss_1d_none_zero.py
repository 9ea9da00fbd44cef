# F.nll_loss of a 1-d input with reduction='none': PyTorch's kernel takes its reduction path
# (the per-element path is for a 2-d input only), 0 - x[target]: a zero x gives +0.0, not -0.0
import torch
import torch.nn.functional as F
v2 = torch.xlogy(False, torch.tensor([2.680, -0.310]))
print(F.nll_loss(v2, torch.tensor([0, 2]), ignore_index=-1, reduction='none'))
v4 = F.elu(torch.tensor([float('inf'), 1.670, -1.58], dtype=torch.float64), alpha=-0.0)
print(F.nll_loss(v4, torch.tensor([2, 0, -2]), reduction='none'))
for x in [torch.tensor([1., -0., 3.]), torch.tensor([1., 0., 3.]), torch.tensor([-0., 0., 3.], dtype=torch.float64)]:
    x.requires_grad_()
    for t in [torch.tensor(1), torch.tensor([1, 0, 2]), torch.tensor(0), torch.tensor(-100)]:
        for r in ['none', 'sum', 'mean']:
            l = F.nll_loss(x, t, reduction=r)
            g, = torch.autograd.grad(l, x)
            print(r, l, l.grad_fn.name(), g.tolist())
        l = F.nll_loss(x.unsqueeze(0), t.reshape(-1)[:1], reduction='none')
        print(l.tolist(), l.grad_fn.name())
