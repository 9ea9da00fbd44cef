# F.cross_entropy's reduction= (and its positional arguments), nn.CrossEntropyLoss / nn.NLLLoss
# with reduction 'none' / 'sum' (NllLossBackward0) and (N, C, d1, ...) inputs
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(3)
x = torch.randn(4, 5, requires_grad=True)
t = torch.tensor([1, 0, -100, 4])
for r in ['mean', 'sum', 'none']:
    a = F.cross_entropy(x, t, reduction=r)
    b = nn.CrossEntropyLoss(reduction=r)(x, t)
    c = F.cross_entropy(x, t, None, None, -100, None, r)
    print(r, a.tolist(), b.tolist(), c.tolist(), type(a.grad_fn).__name__, type(b.grad_fn).__name__)
    g, = torch.autograd.grad(b.sum(), x)
    print(g.tolist())
    d = nn.NLLLoss(reduction=r)(F.log_softmax(x, 1), t)
    print(d.tolist(), type(d.grad_fn).__name__)
x3 = torch.randn(2, 3, 4, requires_grad=True)
t3 = torch.tensor([[0, 1, 2, 1], [2, 2, 0, 1]])
x4 = torch.randn(2, 3, 2, 2, requires_grad=True)
t4 = torch.tensor([[[0, 1], [2, 1]], [[2, 2], [0, 1]]])
for r in ['mean', 'sum', 'none']:
    a = nn.CrossEntropyLoss(reduction=r)(x3, t3)
    b = nn.CrossEntropyLoss(reduction=r)(x4, t4)
    print(r, a.tolist(), type(a.grad_fn).__name__, type(b.grad_fn).__name__)
    if r == 'none':
        print(b.tolist())
p = torch.softmax(torch.randn(4, 5), 1)
for r in ['mean', 'sum', 'none']:
    a = F.cross_entropy(x, p, reduction=r)
    print(r, a.tolist(), type(a.grad_fn).__name__)
try:
    F.cross_entropy(x, t, reduction='avg')
except ValueError as e:
    print('ValueError', e)
