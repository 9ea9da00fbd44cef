# Session 14 (H4): Python numbers as op arguments, converted as PyTorch 1.13 converts them.
import torch

# addmm's beta/alpha are Scalars: an int alpha wraps into uint8 (-2 -> 254) where a float -2.0
# overflows; int8 takes -2.7 (truncated).
u = torch.ones(3, 3, dtype=torch.uint8)
print(u.addmm(u, u, beta=1.04, alpha=-2))
print(torch.addmm(u, u, u, alpha=-255))
try:
    u.addmm(u, u, alpha=-2.0)
except RuntimeError as e:
    print("RuntimeError", e)
i8 = torch.ones(2, 2, dtype=torch.int8)
print(i8.addmm(i8, i8, beta=2, alpha=-2.7))
try:
    i8.addmm(i8, i8, alpha=128)
except RuntimeError as e:
    print("RuntimeError", e)

# torch.full / full_like with an int beyond 2**53 keep it exactly
v = torch.full([2], 9007199254740993)
print(v, v.dtype)
print(v.bitwise_right_shift(v))
print(torch.full_like(v, -9007199254740993))
print(torch.full([2], 300, dtype=torch.int16), torch.full([2], 3, dtype=torch.float64))

# torch.remainder(number, tensor): PyTorch's remainder.Scalar_Tensor
x = torch.tensor([1.5, -2.0, 3.0], requires_grad=True)
r = torch.remainder(5, x)
print(r, r.requires_grad)
print(torch.remainder(-7, torch.tensor([3, -3, 4])), torch.remainder(2.5, torch.tensor([2, 3])))
print(5 % x)
try:
    r.sum().backward()
except RuntimeError as e:
    print("RuntimeError", e)
