# remainder / floor_divide / fmod of floats: PyTorch 1.13's vector code (the elements of a row
# computed 16 float32 / 8 float64 at a time) starts from the quotient a / b, so where that
# overflows (a huge a, a tiny b) those elements are NaN; the scalar tail keeps the exact value.
import torch
a = torch.tensor([3e38, 2.0, -1e30, 5.5, 1e20, -3e38, 0.0, 1.0,
                  2.0, 3e38, 7.0, -2.5, 1e38, 4.0, 1e-3, 9.0,
                  3e38, 2.0, -1e30, 1e20])
b = torch.tensor([0.01, 1e-45, 1e-20, 2.0, -1e-30, 0.5, 1e-45, 0.0,
                  float('inf'), -0.54, 3.0, 1.5, 1e-10, -0.0, 7.0, float('nan'),
                  0.01, 1e-45, 1e-20, -1e-30])
for r in (a % b, torch.remainder(a, b), a // b, torch.floor_divide(a, b), torch.fmod(a, b)):
    print(r.tolist())
print((2 % b).tolist(), (a % -0.54).tolist(), (a // 1e-30).tolist())
c = a.clone(); c %= b; print(c.tolist())
d = a.double() * 1e280
e = b.double() * 1e-270
print((d % e).tolist(), torch.fmod(d, e).tolist(), (d // e).tolist())
# a row of fewer than 16 (float32) elements: scalar code only
print((a[:12] % b[:12]).tolist(), (a.view(4, 5) % b.view(4, 5)).tolist())
# a transposed (non-contiguous) operand: no vectorized row
print((a.view(4, 5).t() % b.view(5, 4)).tolist())
r_rem, r_floordiv, r_fmod, r_rmod, r_scalar = a % b, a // b, torch.fmod(a, b), 2 % b, a % -0.54
r_d_rem, r_d_floordiv = d % e, d // e
r_rows, r_t = a.view(4, 5) % b.view(4, 5), a.view(4, 5).t() % b.view(5, 4)
