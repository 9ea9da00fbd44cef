# hardswish_backward / elu_backward: ATen's vectorized op (whole chunks of 16 float32 / 8 float64
# elements) and its scalar op (the rest) differ at x = 3 and for NaN: g vs 1.5 g at 3, NaN vs g.
import torch
import torch.nn.functional as F

v2 = torch.tensor([[-0.210, 1.1, -1.9, -0.220], [-0.8, -0.36, -0.0, -1.6], [1.800, float('nan'), -1.070, 0.0]],
                  requires_grad=True)
v9 = torch.autograd.grad(F.hardswish(v2)[-2, None].sum(), [v2], create_graph=True)[0]
print(v9.tolist(), v9.grad_fn.name())
for n in (12, 17, 20, 40):
    for dt in (torch.float32, torch.float64):
        x = torch.tensor([3.0, float('nan'), -3.0, 2.5, 4.0] * (n // 5 + 1), dtype=dt)[:n].requires_grad_()
        F.hardswish(x).sum().backward()
        y = x.detach().clone().requires_grad_()
        F.elu(y).backward(torch.ones_like(y))
        print(n, dt, x.grad.tolist(), y.grad.tolist())
