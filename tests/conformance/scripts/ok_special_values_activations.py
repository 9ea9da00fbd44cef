# check-stdout
# Activations at NaN, +-inf, +-0.0, the kink points and large magnitudes: values (signed zeros
# included) and gradients as ATen's vectorized CPU kernels (every float64 tensor; float32 ones of
# >= 16 elements; PyTorch's scalar tail loop differs for NaN gradients of a few of them).
import torch
import torch.nn as nn
import torch.nn.functional as F

vals = [float('nan'), float('inf'), float('-inf'), 0.0, -0.0, 1.0, -1.0, 2.5, 3.0, -3.0, 0.5, -0.5, 6.0, 1e30, -1e30, -80.0, 80.0, 0.25]
fns = [("elu", lambda x: F.elu(x)), ("elu2", lambda x: F.elu(x, 2.0)), ("selu", lambda x: F.selu(x)),
       ("celu", lambda x: F.celu(x)), ("celu3", lambda x: F.celu(x, 0.3)), ("hardtanh", lambda x: F.hardtanh(x)),
       ("hardtanh2", lambda x: F.hardtanh(x, -2.0, 0.5)), ("relu6", lambda x: F.relu6(x)),
       ("hardsigmoid", lambda x: F.hardsigmoid(x)), ("hardswish", lambda x: F.hardswish(x)),
       ("logsigmoid", lambda x: F.logsigmoid(x)), ("tanhshrink", lambda x: F.tanhshrink(x)),
       ("hardshrink", lambda x: F.hardshrink(x)), ("hardshrink1", lambda x: F.hardshrink(x, 1.0)),
       ("softshrink", lambda x: F.softshrink(x)), ("softshrink1", lambda x: F.softshrink(x, 1.0)),
       ("threshold", lambda x: F.threshold(x, 0.5, -1.0)), ("tanh", lambda x: torch.tanh(x)),
       ("mish", lambda x: F.mish(x)), ("softplus2", lambda x: F.softplus(x, 2, 10)),
       ("SELU", nn.SELU()), ("CELU", nn.CELU(0.5)), ("Hardsigmoid", nn.Hardsigmoid()), ("Tanhshrink", nn.Tanhshrink()),
       ("Hardshrink", nn.Hardshrink(0.3)), ("Softshrink", nn.Softshrink(0.3)), ("Threshold", nn.Threshold(0.1, 20.0))]


def show(t):
    return [round(v, 4) for v in t.tolist()]


for dt in [torch.float32, torch.float64]:
    for name, f in fns:
        x = torch.tensor(vals * 2, dtype=dt, requires_grad=True)
        y = f(x)
        y.sum().backward()
        print(name, y.dtype, show(y.detach()[:18]), show(x.grad[:18]))
print(nn.SELU(), nn.CELU(0.5), nn.Hardsigmoid(), nn.Tanhshrink(), nn.Hardshrink(0.3), nn.Softshrink(), nn.Threshold(0.1, 20.0))
x0 = torch.tensor(-0.5, requires_grad=True)  # 0-d
F.selu(x0).backward()
print(F.selu(x0).item(), x0.grad.item())
e = torch.zeros(0, 3, requires_grad=True)  # empty
print(F.hardshrink(e).shape, F.threshold(e, 0.1, 2.0).shape, F.celu(e).shape)
