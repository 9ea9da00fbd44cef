# F.elu / selu / celu(inplace=True) are PyTorch's elu_ / celu_, whose backward is elu_backward with
# is_result: computed from the saved result (g * input_scale * (y + alpha * scale) where y <= 0), so
# changing the result in place afterwards is caught, and a negative alpha is refused (even for an empty
# tensor); the double backward is grad * grad_output * input_scale * (y < 0). celu's and celu_'s
# backward use input_scale 1.0 / alpha.toFloat() (alpha rounded to float; the forward uses 1 / alpha),
# and an alpha float cannot hold makes celu's backward raise.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
base64 = torch.tensor([-0.7, -1.3, 0.5, -3.1, float('nan'), 0.0, -0.0, 2.0], dtype=torch.float64)
base32 = torch.cat([torch.randn(18) * 3, torch.tensor([float('nan'), 0.0, -0.0])]).float()
for base in (base64, base32, base32[:5]):
    for name, f in (("elu", lambda t: F.elu(t, alpha=0.7, inplace=True)),
                    ("celu", lambda t: F.celu(t, alpha=1.78, inplace=True)),
                    ("selu", lambda t: F.selu(t, inplace=True)),
                    ("celu0", lambda t: F.celu(t, alpha=1.78))):
        x = base.clone().requires_grad_(True)
        y = f(x * 1)
        w = torch.linspace(-1, 1, y.numel(), dtype=y.dtype)
        g, = torch.autograd.grad((y * w).sum(), [x], create_graph=True)
        print(name, y.grad_fn.name(), g.grad_fn.name(), y.tolist())
        print(g.tolist())
        h, = torch.autograd.grad((g * g).sum(), [x], allow_unused=True)
        print(h.tolist())
        y = f(x * 1)
        gw = torch.ones_like(y, requires_grad=True)
        g2, = torch.autograd.grad(y, [x], gw, create_graph=True)
        hw, = torch.autograd.grad((g2 * g2).sum(), [gw])
        print(g2.grad_fn.name(), hw.tolist())
# a negative alpha: the in-place backward refuses it
for n in (0, 2):
    for f in (lambda t: F.celu(t, alpha=-2.670, inplace=True), lambda t: F.elu(t, alpha=-2.0, inplace=True),
              lambda t: F.celu(t, alpha=-2.0), lambda t: F.elu(t, alpha=-2.0)):
        v = torch.ones(n, requires_grad=True)
        y = f(v - 3)
        try:
            y.sum().backward()
        except RuntimeError as e:
            print('RuntimeError', e)
        print(v.grad)
# the saved result changed in place afterwards
for g in (lambda t: t.unsqueeze_(0), lambda t: torch.acos_(t), lambda t: torch.round_(t)):
    v = torch.tensor([[-2.77, 0.5], [-1.08, 1.7]], requires_grad=True)
    y = v * 1
    F.celu(y, 2.6, inplace=True)
    g(y)
    try:
        y.mean().backward()
    except RuntimeError as e:
        print('RuntimeError', str(e)[:90])
    print(v.grad)
# through views of a base
x = torch.tensor([-1.0, 2.0], requires_grad=True)
y = x * 1
F.elu(y, inplace=True)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
x = torch.tensor([-1.0, 2.0], requires_grad=True)
y = x * 1
F.celu(y[:1], alpha=0.5, inplace=True)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)
# celu's alpha beyond float
x = torch.tensor([-1.0, 2.0], dtype=torch.float64, requires_grad=True)
for a in (1e39, 1e-50):
    y = F.celu(x * 1, alpha=a)
    print(y)
    try:
        y.sum().backward()
        print(x.grad)
    except RuntimeError as e:
        print('RuntimeError', e)
