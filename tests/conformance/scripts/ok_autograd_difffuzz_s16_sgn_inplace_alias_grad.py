# An in-place op through a view whose backward gives an efficient zero (sgn_ of a real tensor):
# PyTorch's CopySlices copies it into the base's gradient, +0.0 (an alias view too)
import torch
v2 = torch.tensor([0.5], dtype=torch.float64, requires_grad=True)
v4 = torch.rsub(v2, -1)
v6 = v4[..., ...]
v7 = v6.sgn_()
try: v9 = v2.scatter_(0, torch.tensor([0, 1, 0], dtype=torch.int64), -3)
except Exception as e: print(18, type(e).__name__, str(e).split('\n')[0][:100])
v4.abs().sum().backward()
print(v2.grad.tolist())
a = torch.tensor([0.5, -2.0, 3.0], requires_grad=True)
for view in [lambda b: b[...], lambda b: b[..., ...], lambda b: b[0:2], lambda b: b.view(3), lambda b: b[1]]:
    for op in ['sgn_', 'sign_', 'mul_', 'zero_']:
        b = a * 1
        b.register_hook(lambda g: print(' hook', g.tolist()))
        v = view(b)
        if op == 'mul_': v.mul_(0)
        else: getattr(v, op)()
        g, = torch.autograd.grad(b, a, torch.tensor([-1.0, -2.0, 0.0]))
        print(op, g.tolist())
