# Differential-fuzzer find: x[...] = v writes x itself (copy_ / fill_ on x, no view): retain_grad()
# follows x to its new node, so x.grad is the gradient of the written values (also from
# autograd.grad), not the zero its previous history gets.
import torch
a = torch.tensor(-0.3, requires_grad=True)
x = torch.clamp_max(a, -2.45)
x.retain_grad()
x[...] = True
g = torch.autograd.grad(x.sum(), [a], create_graph=True)[0]
print(x.grad, g)
b = torch.tensor([-0.3, 1.0], requires_grad=True)
y = b * 2
y.retain_grad()
y[...] = 4.0
y.sum().backward()
z = b * 3
z.retain_grad()
z[z > 0] = 0.5
(z * z).sum().backward()
print(y.grad, z.grad, b.grad)
