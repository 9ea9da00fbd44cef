# check-stdout-native  (exact natively; the wasm build's musl libm rounds float64 tanh/log1p/exp of the scalar path differently)
# silu, mish, elu, selu and celu values as ATen 1.13's cpu_kernel_vec computes them: the scalar op
# (x / (1 + exp(-x)), x * tanh(log1p(exp(x))), (exp(x * input_scale) - 1) * negcoef with libm's
# functions) on a short tensor and the tail of each row, the vectorized op (SLEEF's exp / log1p /
# tanh) on whole chunks of 16 float32 / 8 float64 elements; a transposed input keeps its memory order
import torch
import torch.nn.functional as F
torch.manual_seed(1)
fs = [('silu', F.silu), ('mish', F.mish), ('selu', F.selu), ('elu', F.elu), ('celu', lambda t: F.celu(t, 2.5)),
      ('elu.3', lambda t: F.elu(t, 0.3))]
for dt in [torch.float32, torch.float64]:
    x = torch.randn(2, 23, dtype=dt) * 3
    for name, f in fs:
        print(name, dt, f(x[0, :7]).tolist(), f(x).flatten().tolist()[14:20], f(x.t()).flatten().tolist()[40:46])
sp = torch.tensor([0.0, -0.0, 1e-45, -1e-30, 20.0, -20.0, 88.0, 89.0, -89.0, -105.0, 1e30, -1e30, float('inf'),
                   float('-inf'), float('nan'), 3e38, 0.5, -0.5])
for name, f in fs:
    print(name, f(sp).tolist(), f(torch.cat([sp, sp])).tolist()[:16])
# one ulp of silu / mish seen through a remainder, a sum and a float64 tan (difffuzz seeds 1310, 1325,
# 1328, 1313, 1303)
v6 = F.silu(torch.tensor([-0.57, 0.0, -1.460, 2.8, 2.840]))
print(torch.remainder(4611686018427387904, v6).tolist())
print((torch.tensor(3e38) % F.silu(torch.tensor(-0.03))).item())
print(F.mish(torch.tensor([[0.6, -1.3, float('nan'), -1.40]])).nansum(dtype=torch.float64).item())
print(torch.tan_(F.mish(torch.tensor([[-1.40], [0.060], [1.7], [-2.960]])).double()).flatten().tolist())
print(F.selu(torch.tensor([[-0.2, 0.440, -1.600, 1.96], [-0.2, -0.07, -1.9, 2.7]])).double().tolist())
# float64 log1p and softplus: SLEEF's log1p (Sleef_log1pd4_u10)
d = torch.randn(4, 20, dtype=torch.float64) * 3
print(torch.log1p(d.abs()).flatten().tolist()[:12], F.softplus(d).flatten().tolist()[:20], F.softplus(d[0, :5]).tolist())
print(torch.log1p(torch.tensor([0.0, -0.0, 1e-320, -1.0, -0.9999999, -1.5, 1e307, 2e307, float('nan')], dtype=torch.float64)).tolist())
