# Differential-fuzzer find: PyTorch 1.13's vectorized fmod (SLEEF, also inside remainder and
# floor_divide) is NaN where the quotient |a| / |b| overflows (1 / 1e-45, 1e30 / 1e-30); the
# elements its scalar code computes (the tail of a row, a 0-d result) are exact.
import torch
a = torch.tensor([-2.99, 1.0, 1e30, 5.0, 2.5, -7.0] * 3)
b = torch.tensor([1e-45, 1e-40, 1e-30, -1e-39, 0.5, 0.0] * 3)
f = torch.fmod(a, b)
r = torch.remainder(a, b)
q = a // b
s = torch.tensor(-2.99) // b
t = torch.tensor(-2.99) // torch.tensor(1e-45)
u = torch.fmod(a, 1e-45)
ad = a.double()
bd = b.double() * 1e-280
fd = torch.fmod(ad, bd)
qd = ad // bd
print(f[:6].isnan().tolist(), f[16:].isnan().tolist(), t.item())
