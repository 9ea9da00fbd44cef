# A float32 product accumulates in float32, in order, as PyTorch's: one that underflows to a
# denormal rounds as PyTorch's, and so does prod's gradient out / x_i.
import torch
x = torch.tensor([1.8, 2.72, -2.2, 1.46, -2.36, 0.78, -1.25, -0.09, 1.21, -1.29, 1e-45, -1.97, -0.53, -2.0, 1.23],
                 requires_grad=True)
p = x.prod()
p.backward()
print(p, x.grad)
