# check-stdout
# asinh / acosh / atanh (and their in-place twins): values at NaN, +-inf, +-0.0, the domain edges
# and large magnitudes, with gradients g / sqrt(x^2 + 1), g / sqrt(x^2 - 1), g / (1 - x^2).
import torch

vals = [float('nan'), float('inf'), float('-inf'), 0.0, -0.0, 1.0, -1.0, 2.5, 0.5, -0.5, 1e30, -1e30, 1e-30, 0.99, 1.01, 10.0, -10.0, 3.0]


def show(t):
    return [round(v, 4) for v in t.tolist()]


for dt in [torch.float32, torch.float64]:
    for name in ['asinh', 'acosh', 'atanh']:
        x = torch.tensor(vals * 2, dtype=dt, requires_grad=True)
        y = getattr(torch, name)(x)
        y.sum().backward()
        print(name, dt, show(y.detach()[:18]), show(x.grad[:18]))
        m = getattr(x.detach().clone(), name)()
        print(bool(((m == y.detach()) | ((m != m) & (y != y))).all()))
z = torch.tensor([0.5, 2.0], dtype=torch.float64)
z.asinh_()
print(z.tolist(), torch.atanh(torch.tensor(0.25)).item(), torch.asinh(torch.tensor([1, 2])).dtype)
