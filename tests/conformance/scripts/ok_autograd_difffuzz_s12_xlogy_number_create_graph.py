# x.xlogy(number): PyTorch's gradient is xlogy(grad, number) (XlogyBackward2) for a number > 0,
# else xlogy(grad, number).masked_fill(x == 0, 0) (also for NaN); two tensors: masked_fill with
# (x == 0) & (other <= 0).
import torch
x = torch.tensor([0.0, 2.0, -1.5], requires_grad=True)
u = x * 1.0
for other in [True, 2, 0.5, 0, -1.0, float('nan')]:
    y = u.xlogy(other)
    g = torch.autograd.grad((y * x).sum(), [u], create_graph=True)[0]
    print(other, g, g.grad_fn.name(), [f[0].name() for f in g.grad_fn.next_functions if f[0] is not None])
    print(torch.autograd.grad(g.sum(), [x], allow_unused=True))
y = u.xlogy(torch.tensor([3.0, 0.0, -1.0]))
g = torch.autograd.grad((y * x).sum(), [u], create_graph=True)[0]
print(g, g.grad_fn.name())
y = torch.xlogy(2.0, u)
g = torch.autograd.grad((y * x).sum(), [u], create_graph=True)[0]
print(g, g.grad_fn.name())
