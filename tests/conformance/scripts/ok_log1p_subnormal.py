# log1p of a float32 subnormal as PyTorch 1.13's SLEEF kernel: 2 * (x / 2) with the halving
# rounded to even, so odd multiples of the smallest subnormal move (log1p(1e-45) == 0.0).
import torch
x = torch.arange(1, 12, dtype=torch.float64) * 2.0 ** -149
x = torch.cat([x, -x, x * 1024, torch.tensor([0.0, -0.0, 1e-30, 1.2e-38, -1e-39], dtype=torch.float64)]).float()
print((x.log1p() / 2.0 ** -149).tolist())
print(torch.log1p(torch.tensor([1e-45, -1e-45, 1.0, 1e39])).tolist())
y = torch.tensor([[2.35], [1e-45], [-1.24]]).log1p()
print(y.tolist(), y.all().item(), y.any().item())
scaled = x.log1p() / 2.0 ** -149
