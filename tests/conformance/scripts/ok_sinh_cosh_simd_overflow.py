# sinh / cosh near overflow: PyTorch 1.13's vector code (16 float32 / 8 float64 elements at a
# time, the row's tail on the scalar code) computes e^|x| first, so its elements are +-inf above
# log(max) while the scalar code gives the finite value up to log(2 max).
import torch
x = torch.tensor([88.5, 88.8, 89.0, 89.4, -89.0, 1.0, float('nan'), float('inf'),
                  -float('inf'), 0.0, 2.0, 89.2, -88.9, 50.0, 3.0, 89.3,
                  89.0, -89.0, 88.9])
print(torch.sinh(x).tolist(), torch.cosh(x).tolist())
print(torch.sinh(x[:10]).tolist(), x.view(1, 19).sinh().tolist())
d = torch.tensor([709.5, 710.0, -710.2, 1.0, 2.0, 710.4, 3.0, 4.0, 710.0], dtype=torch.float64)
print(d.sinh().tolist(), d.cosh().tolist())
y = torch.tensor([3e38, 1e30, -3e38] + [1.0] * 13 + [3e38]).asinh()
print(y.tolist(), torch.sinh_(y).tolist())
z = x.clone().requires_grad_()
z.sinh().sum().backward()
print(z.grad.tolist())
s32, c32, s64, c64, s_tail = torch.sinh(x), torch.cosh(x), d.sinh(), d.cosh(), torch.sinh(x[:10])
