# elu/selu/celu, logsigmoid, hardswish, silu and mish are one node each (next_functions: only the
# input's); their create_graph gradients are PyTorch's backward ops (EluBackwardBackward0, ...), whose
# own gradients follow derivatives.yaml (elu's second derivative is 0 at x = 0: MulBackward0; hardswish's
# WhereBackward0); silu/mish differentiate the infinitely differentiable composites (MulBackward0).
import torch
import torch.nn.functional as F
def nm(t):
    return None if t is None else (t.grad_fn.name() if t.grad_fn else None, t.requires_grad)
x = torch.tensor([-1.5, 0.0, 2.0, -0.0, -3.0, 3.5, 2.5, float('nan')], dtype=torch.float64, requires_grad=True)
for name, f in [('elu', F.elu), ('selu', F.selu), ('celu', lambda t: F.celu(t, 2.0)), ('logsigmoid', F.logsigmoid),
                ('hardswish', F.hardswish), ('silu', F.silu), ('mish', F.mish)]:
    y = f(x)
    print(name, y, [type(n[0]).__name__ for n in y.grad_fn.next_functions])
    g, = torch.autograd.grad(y.sum(), [x], create_graph=True)
    g2, = torch.autograd.grad((g * g).sum(), [x], create_graph=True, allow_unused=True)
    print(' ', g, nm(g))
    print(' ', g2, nm(g2))
    if g2 is not None and g2.requires_grad:
        g3, = torch.autograd.grad(g2.sum(), [x], create_graph=True, allow_unused=True)
        print(' ', g3, nm(g3))
    gg = torch.ones(8, dtype=torch.float64, requires_grad=True)
    h, = torch.autograd.grad(f(x), [x], gg * 2, create_graph=True)
    hg, = torch.autograd.grad(h.sum(), [gg], create_graph=True)
    print(' ', nm(h), hg, nm(hg))
    # a gradient that needs no grad: x detached in the graph of the second use
    y2 = f(x.detach().requires_grad_())
    print(' ', nm(torch.autograd.grad(y2.sum(), [y2.grad_fn.next_functions[0][0].variable], create_graph=True)[0]))
z = torch.tensor([1.0, -2.0], requires_grad=True)
for f in [F.elu, F.selu, F.celu, F.logsigmoid, F.hardswish, F.silu, F.mish]:
    print(f(z).grad_fn.name(), f(z * 1).grad_fn.next_functions[0][0].name())
for t in [torch.tensor([1, -2]), torch.tensor([True])]:
    for f in [F.elu, F.logsigmoid, F.hardswish, F.silu, F.mish]:
        try:
            f(t)
        except RuntimeError as e:
            print('RuntimeError', e)
# cumsum's gradient is reversed_cumsum: flip(cumsum(flip(g)))
c = torch.tensor([[1.0, 2.0, 3.0], [0.5, -1.0, 4.0]], requires_grad=True)
gc, = torch.autograd.grad(torch.exp2(torch.cumsum(c, 1)).sum(), [c], create_graph=True)
print(gc, nm(gc))
gc, = torch.autograd.grad(torch.cumsum(c, 0), [c], c * 1, create_graph=True)
print(gc, nm(gc))
# inplace=True: PyTorch's in-place twins (elu_: EluBackward1, celu_: CeluBackward1, silu_: SiluBackward0)
for f in [F.elu, F.selu, F.celu, F.hardswish, F.silu, F.mish]:
    u = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    w = u * 1
    r = f(w, inplace=True)
    print(r is w, w, w.grad_fn.name())
    w.sum().backward()
    print(u.grad)
    v = torch.tensor([1.0, -2.0])
    f(v, inplace=True)
    print(v)
    try:
        f(u, inplace=True)
    except RuntimeError as e:
        print('RuntimeError')
# ELU values as ATen 1.13: (exp(x * input_scale) - 1) * alpha * scale (-0.0 and -1e-30 give 0 times
# alpha); a NaN's gradient is NaN in the vectorized chunks (16 float32 / 8 float64 elements), g * scale
# in the scalar tail; celu's alpha = 0 is a RuntimeError
for dt in [torch.float32, torch.float64]:
    for a in [1.0, -1.0, -2.0]:
        x = torch.tensor([-0.0, 0.0, -1e-30, -1.0] * 5, dtype=dt)
        print(F.elu(x, a).tolist()[:4], F.elu(x[:4], a).tolist(), F.celu(x, a).tolist()[:4], F.selu(x[:3]).tolist())
    for n in [3, 8, 9, 17]:
        x = torch.full((n,), float('nan'), dtype=dt, requires_grad=True)
        F.selu(x).sum().backward()
        print(n, x.grad)
try:
    F.celu(torch.ones(2), 0.0)
except RuntimeError as e:
    print('RuntimeError', e)
