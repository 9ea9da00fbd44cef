# float32 sin / cos as PyTorch 1.13 computes them (SLEEF's u10 functions in 8-lane vectors, for
# every element): they differ from glibc's sinf / cosf in the last bit on some inputs, which
# shows once the result is copied into float64. An element with |x| >= 125, inf or NaN sends its
# group of 8 through SLEEF's large-argument reduction (the others' last bit can change).
import torch
x = torch.tensor([1.0, -2.48, -1.48, -0.48, 0.000654246483, 0.00713028479, 85.1369553, -5.03018045,
                  4.95620394, 58.0392303, 0.0, -0.0, 3.0, 124.9, -30.3066463, 7.5])
print(x.cos().double().tolist(), x.sin().double().tolist())
print(torch.cos(torch.tensor(1.0)).item(), torch.arange(-2.48, 0.04).cos().double().tolist())
big = torch.tensor([125.0, -295736.0, 245985904.0, 1.99263338e+31, 13407.0273, -2618861.5, 3e38, -1e10])
print(big.cos().double().tolist(), big.sin().double().tolist())
y = torch.tensor([-30.3066463, 0.00492682913, -0.0284859128, 1.0, -30.036478, float('nan'), 2.0, 3.0,
                  -30.3066463, 0.00492682913, -0.0284859128, 1.0, -30.036478, 400.0, 2.0, 3.0,
                  -30.3066463, 0.00492682913, -0.0284859128, 1.0, -30.036478, 0.5, 2.0, 3.0,
                  float('inf'), -30.036478])
print(y.cos().double().tolist(), y.sin().double().tolist())
z = y.view(2, 13)
print(z.t().cos().double().tolist(), z[:, ::2].sin().double().tolist(), z[:, 1:].cos().double().tolist())
w = torch.tensor([1.0, -30.036478, 0.5, 3.0], requires_grad=True)
w.sin().sum().backward()
print(w.grad.double().tolist())
d = torch.zeros(3, dtype=torch.float64)
d[0] = torch.tensor([1.0]).cos()
print(d.tolist(), torch.tensor([1.0, 2.0]).cos().double().nansum().item())
