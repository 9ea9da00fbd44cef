import torch
import torch.nn.functional as F

def twice(make, x):
    y = make(x)
    g = torch.autograd.grad(y.sum(), [x], create_graph=True)[0]
    print(g.grad_fn.name(), g.requires_grad)
    g.sum().backward()
    try:
        g.mean().backward()
        print("ran")
    except RuntimeError as e:
        print(type(e).__name__, str(e)[:60])

for shape in [(2, 0, 1), (3,)]:
    x = torch.linspace(-1, 1, 3).reshape(shape) if shape == (3,) else torch.zeros(shape)
    x.requires_grad_()
    twice(F.leaky_relu, x)
    twice(torch.relu, x)
    twice(lambda t: F.elu(t), x)

v0 = torch.zeros(2, 0, 1, dtype=torch.float32, requires_grad=True)
v3 = F.leaky_relu(v0).sub_(1.0)
v3 += v3
v4 = torch.autograd.grad(v3.sum(), [v0], create_graph=True)[0]
v4.prod().backward(retain_graph=False)
try:
    v4.mean().backward(retain_graph=False)
except RuntimeError as e:
    print(type(e).__name__, str(e)[:60])
a = torch.tensor([3.0, -5.0], requires_grad=True)
b = torch.tensor([2.0, 1.5], requires_grad=True)
gb = torch.autograd.grad(torch.remainder(a, b).sum(), [b], create_graph=True)[0]
gb.sum().backward()
try:
    gb.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, str(e)[:60])
print(a.grad, b.grad)
