# check-stdout
# sigmoid and softplus values as ATen 1.13's cpu_kernel_vec computes them: the scalar op
# (1 / (1 + exp(-x)), log1p(exp(x * beta)) / beta with libm's functions) on a short tensor and the tail
# of each row, the vectorized op (SLEEF's exp, and log1p for float32) on whole chunks of 16 float32 /
# 8 float64 elements; a transposed input keeps its memory order
import torch
import torch.nn.functional as F
torch.manual_seed(2)
sp = [0.0, -0.0, 1e-45, -1e-30, 20.0, -20.0, 88.0, 89.0, -89.0, -105.0, 1e30, -1e30, float('inf'),
      float('-inf'), float('nan'), 3e38, 0.5, -0.5]
for dt in [torch.float32, torch.float64]:
    x = torch.tensor(sp, dtype=dt)
    r = torch.randn(3, 40, dtype=dt) * 5
    print(torch.sigmoid(x).tolist(), torch.sigmoid(torch.cat([x, x])).tolist()[:18])
    print(torch.sigmoid(r).flatten().tolist()[20:40], torch.sigmoid(r.t()).flatten().tolist()[:20])
    print(torch.sigmoid(r[:, ::2]).flatten().tolist()[:20], r.clone().sigmoid_()[1].tolist())
for f in [F.softplus, lambda t: F.softplus(t, 2.0, 5.0), lambda t: F.softplus(t, 0.5, 1.0)]:
    x = torch.tensor(sp)
    r = torch.randn(3, 40) * 5
    print(f(x).tolist(), f(torch.cat([x, x])).tolist()[:18])
    print(f(r).flatten().tolist()[20:40], f(r.t()).flatten().tolist()[:20], f(r[:, ::2]).flatten().tolist()[:20])
    print(f(x.double()[:7]).tolist())
