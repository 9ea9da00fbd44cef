# check-stdout
# add/sub with alpha and a scalar `other`: PyTorch 1.13's kernel fuses a + alpha * b (fma) except
# in the auto-vectorized part of a row's tail (after whole chunks of 16 float32 / 8 float64
# elements), where alpha * b is rounded first. -1e-30 - 5 * 2.4f is a tie either way.
import torch

for n in [1, 4, 5, 8, 12, 13, 15, 16, 21, 24, 31, 37]:
    x = torch.full((n,), -1e-30)
    print(n, torch.sub(x, 2.4, alpha=5).tolist())
    print(n, torch.add(x, torch.tensor(2.4), alpha=-5).tolist())
    print(n, x.clone().sub_(2.4, alpha=5).tolist())
    print(n, torch.add(torch.tensor(-1e-30), torch.full((n,), 2.4), alpha=-5).tolist())
    d = torch.full((n,), -1e-300, dtype=torch.float64)
    print(n, torch.sub(d, 0.3, alpha=3).tolist())
x = torch.full((3, 7), -1e-30)
print(torch.sub(x, 2.4, alpha=5))
print(torch.sub(x[:, :5], 2.4, alpha=5).tolist())
print(torch.sub(x, torch.tensor([[2.4], [2.4], [2.4]]), alpha=5).tolist())
print(torch.sub(torch.full((5, 1), -1e-30).expand(5, 3), 2.4, alpha=5).tolist())
# the fuzzer's program: frac_ of -12 (+0) or -12.000001, then its reciprocal
v0 = torch.tensor([[0.400, -2.69, -float('inf'), -0.9, -1e-30], [float('inf'), -1.6, -1e-30, -2.3, -1.9],
                   [2.58, -1.3, -2.30, -1.4, 0.810]], dtype=torch.float32, requires_grad=True)
v4 = torch.sub(v0, 2.400, alpha=5)
print(v4)
with torch.no_grad():
    print(v4.clone().frac_().reciprocal_())
