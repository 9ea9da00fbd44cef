# Second-order gradients: differentiate a gradient.
# y = x^3, dy/dx = 3x^2, d2y/dx2 = 6x.
import torch

x = torch.tensor([1., 2., 3.], requires_grad=True)
y = (x ** 3).sum()
(dy_dx,) = torch.autograd.grad(y, x, create_graph=True)
print("dy/dx =", dy_dx)
z = dy_dx.sum()
z.backward()
print("d2y/dx2 =", x.grad)
