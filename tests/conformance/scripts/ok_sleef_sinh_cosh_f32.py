# float32 sinh / cosh: the elements PyTorch 1.13 computes in vectors (16 at a time, the row's tail
# on the scalar code) are SLEEF's sinhf / coshf, which differ from glibc's in the last bit on some
# inputs (they agree with the double function rounded once far more often); the tail is glibc's.
import torch
v = [3.735534429550171, -4.947347164154053, -4.560579776763916, -2.9939327239990234,
     2.756856918334961, -2.4513041973114014, -3.3978796005249023, 1.0]
x = torch.tensor(v * 2 + v)
print(x.sinh().double().tolist(), x.cosh().double().tolist())
print(x[:8].sinh().double().tolist(), x.view(3, 8)[:, :4].cosh().double().tolist())
y = x.clone().requires_grad_()
y.cosh().sum().backward()
print(y.grad.double().tolist())
