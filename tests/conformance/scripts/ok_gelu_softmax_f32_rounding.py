# float32 F.gelu and softmax rounded as PyTorch 1.13's CPU kernels do (printed in float64 so that
# the last bit shows): gelu of a contiguous tensor of 2+ elements is oneDNN's gelu_erf
# (Abramowitz-Stegun erf with oneDNN's exp), of one element ATen's scalar code (glibc's erff).
# softmax along the last dim multiplies by 1 / sum (the sum over 8 vector lanes); along another dim
# it divides by the sum, with SLEEF's exp where 8 inner elements fit in a vector and glibc's otherwise.
import torch
import torch.nn.functional as F
x = torch.tensor([float('nan'), 1.33, -1.510, -1.2, 2.5, 0.49, -2.48, 13.0, -0.0, -10.0, 1e-30, 3.7])
print(F.gelu(x).double().tolist())
print([F.gelu(x[i:i + 1]).double().item() for i in range(1, 8)], F.gelu(x[2]).double().item())
print(F.gelu(x[1::2]).double().tolist(), F.gelu(torch.cat([x, x, x]).view(3, 12)[:, 1:]).double().tolist())
torch.manual_seed(0)
for shape in [(5, 4, 3), (3, 10, 9), (2, 7), (4, 19), (6, 1, 2), (2, 3, 17)]:
    t = torch.randn(shape) * 3
    for d in range(len(shape)):
        print(shape, d, t.softmax(d).double().sum().item(), t.softmax(d).double().flatten()[:6].tolist())
v = torch.tensor([[-2.6, -1.580, -1.2], [1.86, 0.42, 1.46], [2.980, -1.83, 0.0], [0.1, -3.00, 2.97]], dtype=torch.float64)
print(v.softmax(0, dtype=torch.float32).double().tolist(), v.softmax(1, dtype=torch.float32).double().tolist())
print(torch.tensor([[1.0, float('nan'), 2.0], [float('inf'), 1.0, 0.0]]).softmax(0).tolist())
print(torch.tensor([[1.0, float('nan'), 2.0], [float('inf'), 1.0, 0.0]]).softmax(1).tolist())
print(torch.zeros(0, 3).softmax(0).shape, torch.tensor(2.0).softmax(0).item())
# gelu's gradient: oneDNN's eltwise backward for a contiguous float32 input of 2+ elements
y = torch.tensor([1.33, -1.510, -1.2, 2.5, 0.49, -2.48, 13.0, -0.0, -10.0, 1e-30, 3.7, 0.1], requires_grad=True)
F.gelu(y).backward(torch.linspace(-2, 3, 12))
print(y.grad.double().tolist())
y.grad = None
F.gelu(y).sum().backward()
print(y.grad.double().tolist())
