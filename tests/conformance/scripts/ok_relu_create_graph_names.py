# Under create_graph, relu's and leaky_relu's gradients are PyTorch's threshold_backward /
# leaky_relu_backward nodes, which require grad even when the incoming gradient does not (their
# derivative in the saved tensor is zero).
import torch
import torch.nn.functional as F
x = torch.tensor([-1.0, 0.5, 2.0, 0.0], requires_grad=True)
for f in [F.relu, F.leaky_relu, torch.relu]:
    y = f(x)
    g = torch.autograd.grad(y.sum(), x, create_graph=True)[0]
    print(g, g.grad_fn.name())
    h = torch.autograd.grad(g.sum(), x, allow_unused=True)[0]
    print(h)
    g2 = torch.autograd.grad(f(x * 2).sum(), x, create_graph=True)[0]
    print(g2, g2.grad_fn.name())
    print(torch.autograd.grad(g2.sum(), x)[0])
g = torch.autograd.grad(F.relu(x).sum(), x)[0]
print(g.requires_grad, g.grad_fn)
