# check-stdout
# With create_graph, the gradient of relu / leaky_relu / fmod requires grad (PyTorch's backward of
# these is an op of its own, differentiable in the input, with a zero derivative), while clamp's
# and sign's do not; their second derivatives are zero.
import torch
import torch.nn.functional as F
for name, f in [("relu", F.relu), ("leaky_relu", lambda x: F.leaky_relu(x, -4.0)),
                ("fmod", lambda x: torch.fmod(x, x)), ("remainder", lambda x: torch.remainder(x, 1.5)),
                ("sign", torch.sign), ("clamp", lambda x: x.clamp(-0.5, 0.5)), ("mul", lambda x: x * 3)]:
    x = torch.tensor([-1.4, 0.3, 2.0], dtype=torch.float64, requires_grad=True)
    g, = torch.autograd.grad(f(x).sum(), [x], create_graph=True)
    print(name, g, g.requires_grad)
    if g.requires_grad:
        g2, = torch.autograd.grad(g.sum(), [x], allow_unused=True)
        print(" ", g2)
x = torch.tensor([-1.4, 0.3], requires_grad=True)
g, = torch.autograd.grad(F.leaky_relu(x).sum(), [x], create_graph=True)
print(g.grad_fn.name())
print(g.sign().requires_grad, g.outer(torch.ones(2)).requires_grad)
