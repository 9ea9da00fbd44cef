# softmax / log_softmax along a dim other than the last: PyTorch 1.13's kernels (_vec_logsoftmax,
# _vec_softmax_backward, _vec_log_softmax_backward) round in their own order; the values and
# gradients match bit for bit (tolist prints every digit). difffuzz 1391#8724, 1397#4283.
import torch
torch.manual_seed(3)
for shape, dim in [((5, 1, 1, 5), 0), ((7, 3), 0), ((4, 9, 2), 1), ((3, 11, 9), 1), ((6, 10), 0), ((40, 1), 0)]:
    for dt in [torch.float32, torch.float64]:
        for name, fn in [("log_softmax", torch.log_softmax), ("softmax", torch.softmax)]:
            x = (torch.randn(shape, dtype=dt) * 3).requires_grad_()
            y = fn(x, dim)
            w = torch.randn(shape, dtype=dt)
            (y * w).sum().backward()
            print(name, shape, dim, dt, y.flatten().tolist()[:6], x.grad.flatten().tolist()[-6:])
# the fuzzer's program: log_softmax along dim 0 in float32 of a float64 leaf, with infinities
v3 = torch.tensor([[[[float('inf'), -2.99, -0.0, -1.2, -0.0]]], [[[0.340, -2.570, 0.0, -1.9, -0.120]]],
                   [[[2.710, 1.120, 0.10, 0.560, 2.0]]], [[[-2.130, 2.68, -2.49, 1.9, 2.110]]],
                   [[[2.24, 2.170, -2.90, -float('inf'), -0.030]]]], dtype=torch.float64, requires_grad=True)
v4 = torch.log_softmax(v3, 0, dtype=torch.float32)
v4.pow(2).sum().backward()
print(v4.flatten().tolist())
print(v3.grad.flatten().tolist())
# NaN / inf columns, and a second-order gradient
x = torch.tensor([[1., float('inf'), -float('inf')], [float('nan'), 2., -float('inf')], [0., -0., 3.]], requires_grad=True)
y = torch.log_softmax(x, 0)
g, = torch.autograd.grad((y * torch.arange(9.).view(3, 3)).sum(), x, create_graph=True)
print(y.tolist(), g.tolist(), g.grad_fn.name())
print(torch.autograd.grad(g.sum(), x)[0].tolist())
