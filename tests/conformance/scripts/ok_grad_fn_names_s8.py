import torch
import torch.nn.functional as F
# grad_fn names as print(x) shows them: overloads with their own node (Backward1), number ** x
# (PyTorch's __rpow__ makes a tensor: PowBackward1), reshape_as's _reshape_alias, and the
# activations/losses PyTorch has as one native op that tensorlens composes (EluBackward0, ...),
# getitem's nodes (x[...] is an alias, every `:` a slice).
a = torch.tensor([1.5, -2.5, 3.0], requires_grad=True)
m = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
cases = [
    ("remainder(a, a)", lambda: torch.remainder(a, a)), ("remainder(a, 2)", lambda: torch.remainder(a, 2)),
    ("a % a", lambda: a % a), ("fmod(a, a)", lambda: torch.fmod(a, a)), ("fmod(a, 2.)", lambda: torch.fmod(a, 2.)),
    ("round", lambda: a.round()), ("round(decimals=1)", lambda: a.round(decimals=1)),
    ("sort", lambda: a.sort()[0]), ("sort(stable=True)", lambda: a.sort(stable=True)[0]),
    ("pow(a, 2)", lambda: a.pow(2)), ("pow(a, a)", lambda: a.pow(a)), ("pow(2, a)", lambda: torch.pow(2, a)),
    ("2 ** a", lambda: 2 ** a), ("2.5 ** a", lambda: 2.5 ** a),
    ("masked_fill number", lambda: a.masked_fill(a > 0, 1.)), ("masked_fill tensor", lambda: a.masked_fill(a > 0, torch.tensor(1.))),
    ("reshape_as", lambda: m.reshape_as(m)), ("reshape_as t", lambda: m.t().reshape_as(m)),
    ("elu", lambda: F.elu(a)), ("selu", lambda: F.selu(a)), ("celu", lambda: F.celu(a)), ("silu", lambda: F.silu(a)),
    ("mish", lambda: F.mish(a)), ("hardtanh", lambda: F.hardtanh(a)), ("relu6", lambda: F.relu6(a)),
    ("hardswish", lambda: F.hardswish(a - 0.5)), ("hardsigmoid", lambda: F.hardsigmoid(a)), ("hardshrink", lambda: F.hardshrink(a)),
    ("softshrink", lambda: F.softshrink(a)), ("threshold", lambda: F.threshold(a, 0.5, 2.0)), ("logsigmoid", lambda: F.logsigmoid(a)),
    ("gelu tanh", lambda: F.gelu(a, approximate='tanh')), ("cumprod", lambda: a.cumprod(0)), ("dist", lambda: a.dist(a * 2)),
    ("dist inf", lambda: a.dist(a * 2, float('inf'))), ("fmax", lambda: torch.fmax(a, a * 2)), ("fmin", lambda: torch.fmin(a, a * 2)),
    ("huber_loss", lambda: F.huber_loss(a, a * 2)), ("huber_loss sum", lambda: F.huber_loss(a, a * 2, reduction='sum')),
    ("soft_margin_loss", lambda: F.soft_margin_loss(a, a.detach().sign())),
    ("a[...]", lambda: a[...]), ("a[:]", lambda: a[:]), ("a[0:3]", lambda: a[0:3]), ("m[0, :]", lambda: m[0, :]),
    ("m[:, 0]", lambda: m[:, 0]), ("m[..., :]", lambda: m[..., :]), ("a.sum()[...]", lambda: a.sum()[...]),
]
for name, f in cases:
    y = f()
    print(name, y, type(y.grad_fn).__name__)
    y.sum().backward()
print(a.grad, m.grad)
# in-place twins are named as their out-of-place op; an index result is a root, not a view
for name, f in [("round_", lambda x: x.round_(decimals=1)), ("fmod_ tensor", lambda x: x.fmod_(x.detach())),
                ("fmod_ number", lambda x: x.fmod_(2.0)), ("remainder_ tensor", lambda x: x.remainder_(x.detach())),
                ("sqrt_ of a mask index", lambda x: x[x > 0].sqrt_())]:
    y = a.detach().clone().requires_grad_().clone()
    z = f(y)
    print(name, type(z.grad_fn).__name__)
