# avg_pool2d is one node (AvgPool2DBackward0, saving x); its gradient is PyTorch's avg_pool2d_backward,
# which takes self: under create_graph it is AvgPool2DBackwardBackward0 and requires grad when x does;
# its own gradient in grad_output is avg_pool2d again (AvgPool2DBackward0).
import torch
import torch.nn.functional as F
def nm(t):
    return None if t is None else (t.grad_fn.name() if t.grad_fn else None, t.requires_grad)
x = (torch.arange(2 * 5 * 6, dtype=torch.float64).reshape(1, 2, 5, 6) / 7 - 3).requires_grad_()
for kw in [dict(kernel_size=2), dict(kernel_size=[3, 2], stride=2, padding=1), dict(kernel_size=3, stride=2, ceil_mode=True),
           dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
           dict(kernel_size=[2, 3], padding=[1, 1], count_include_pad=False), dict(kernel_size=2, divisor_override=-3)]:
    y = F.avg_pool2d(x, **kw)
    g, = torch.autograd.grad(y.sum(), [x], create_graph=True)
    print(y.grad_fn.name(), y.shape, g, nm(g))
    go = torch.ones_like(y, requires_grad=True)
    h, = torch.autograd.grad(y, [x], go * 2, create_graph=True)
    hg, = torch.autograd.grad((h * h).sum(), [go], create_graph=True)
    print(nm(h), hg, nm(hg))
x3 = torch.tensor([[[-0.37], [-1.81], [-1.6], [0.0]]], requires_grad=True)
y = F.avg_pool2d(x3, [4, 1])
print(y, y.grad_fn.name())
g, = torch.autograd.grad(y.sum(), [x3], create_graph=True)
print(g, nm(g))
print(F.avg_pool2d(torch.arange(16).reshape(1, 4, 4), 2))
z = torch.ones(1, 1, 4, 4, requires_grad=True)
w = z * 1
y = F.avg_pool2d(w, 2)
w.mul_(2)
try:
    y.sum().backward()
except RuntimeError as e:
    print('RuntimeError')
print(F.adaptive_avg_pool2d(x, (1, 3)).grad_fn.name())
