# prod(x, dim, dtype=float64) of a float32 x: PyTorch's ProdBackward1 is recorded on x itself and
# its backward converts x (self.to(grad.scalar_type())), so in a double backward the gradient that
# comes back through prod and the one through that copy are each cast to float32 and summed there.
import torch

v0 = torch.tensor([[[2.380], [-2.72], [-1e-30]]], dtype=torch.float32, requires_grad=True)
v2 = torch.prod(v0, 1, dtype=torch.float64)
print(v2.grad_fn.name(), v2.grad_fn.next_functions[0][0].name())
v3 = torch.autograd.grad(v2.sum(), [v0], create_graph=True, retain_graph=True)[0]
print(v3, v3.grad_fn.next_functions[0][0].next_functions[1][0].next_functions[0][0].name())
v3.pow(2).sum().backward()
print(v0.grad.flatten().tolist())

for keepdim in [False, True]:
    x = torch.tensor([[1.5, -2.25, 3e-20], [0.7, 1.1, -4.0]], requires_grad=True)
    y = x.prod(1, keepdim=keepdim, dtype=torch.float64)
    g, = torch.autograd.grad(y.sum(), [x], create_graph=True)
    (g * g).sum().backward()
    print(keepdim, y.dtype, g.dtype, x.grad.tolist())

x = torch.tensor([1.5, -2.25, 3e-20, 0.7], requires_grad=True)
y = torch.prod(x, dtype=torch.float64)
g, = torch.autograd.grad(y, [x], create_graph=True)
(g * g).sum().backward()
print(y.item(), g.tolist(), x.grad.tolist())

# with a zero: prod_safe_zeros_backward on the converted input
x = torch.tensor([[1.5, 0.0, 3.0], [0.5, 2.0, -1.0]], requires_grad=True)
y = x.prod(1, dtype=torch.float64)
y.sum().backward()
print(x.grad.tolist())
