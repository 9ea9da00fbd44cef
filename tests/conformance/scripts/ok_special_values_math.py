# check-stdout
# pow(x, +-0.5) as sqrt / rsqrt (-inf gives NaN, -0.0 gives -0.0 / -inf, gradients too); max()/min()
# of everything with NaNs (the gradient is shared by the NaN elements); maximum/minimum give both
# inputs the gradient where one is NaN; fmax/fmin ignore a NaN; tanh keeps -0.0.
import torch

vals = [float('nan'), float('inf'), float('-inf'), 0.0, -0.0, 1.0, -1.0, 2.5, 4.0, -4.0, 0.5, 1e30, -1e-30, 9.0, 16.0, 0.25, 100.0, -2.0]


def show(t):
    return [round(v, 4) for v in t.tolist()]


for dt in [torch.float32, torch.float64]:
    for p in [0.5, -0.5, 2.0, 1.5]:
        x = torch.tensor(vals * 2, dtype=dt, requires_grad=True)
        y = x ** p
        y.sum().backward()
        print('pow', p, dt, show(y.detach()[:18]), show(x.grad[:18]))
    x = torch.tensor([float('nan'), 1.0, float('nan'), 2.0], dtype=dt, requires_grad=True)
    x.max().backward()
    print('max', x.grad.tolist())
    x = torch.tensor([3.0, float('nan'), -1.0], dtype=dt, requires_grad=True)
    x.min().backward()
    print('min', x.grad.tolist())
    x = torch.tensor([3.0, 1.0, 3.0], dtype=dt, requires_grad=True)
    x.max().backward()
    print('max ties', x.grad.tolist())
    for name, f in [('maximum', torch.maximum), ('minimum', torch.minimum), ('fmax', torch.fmax), ('fmin', torch.fmin)]:
        a = torch.tensor(vals * 2, dtype=dt, requires_grad=True)
        b = torch.tensor([0.0, float('nan'), 1.0, -0.0, 0.0, 1.0, float('nan'), 3.0, -5.0] * 4, dtype=dt, requires_grad=True)
        y = f(a, b)
        y.sum().backward()
        print(name, show(y.detach()[:18]), show(a.grad[:18]), show(b.grad[:18]))
    x = torch.tensor([-0.0, 0.0, float('nan'), -1e-30] * 5, dtype=dt)
    print('tanh', torch.tanh(x)[:4].tolist())
b = torch.tensor([[1.0], [float('nan')]], requires_grad=True)  # broadcasting
a = torch.tensor([[float('nan'), 2.0, 0.5]], requires_grad=True)
torch.fmax(a, b).sum().backward()
print(a.grad.tolist(), b.grad.tolist())
