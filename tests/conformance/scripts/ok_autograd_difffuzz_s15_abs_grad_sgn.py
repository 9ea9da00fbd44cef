# check-stdout
import torch
# abs's gradient is grad * self.sgn() (PyTorch 1.13), and norm's for p = 1 and inf uses sgn too:
# under create_graph the sign is SgnBackward0, whose own gradient is an efficient zero tensor. A
# leaf's .grad that is that zero cannot take a later gradient in place (ZeroTensors are immutable).
def t(f):
    try:
        print(f())
    except RuntimeError as e:
        print("RuntimeError:", str(e)[:100])
x = torch.tensor([1.0, -2.0, 0.0], requires_grad=True)
g = torch.autograd.grad(x.abs().sum(), [x], create_graph=True)[0]
print(g, g.grad_fn.name(), [f.name() if f else None for f, _ in g.grad_fn.next_functions])
t(lambda: g.sum().backward())
t(lambda: x.grad)
t(lambda: (x * 2).sum().backward())
t(lambda: x.grad)
for p in [1, float('inf')]:
    x = torch.tensor([1.0, -2.0, 0.0], requires_grad=True)
    g = torch.autograd.grad(torch.norm(x, p), [x], create_graph=True)[0]
    print(p, g, g.grad_fn.name(), [f.name() if f else None for f, _ in g.grad_fn.next_functions])
    g.sum().backward()
    t(lambda: x.sum().backward())
    print(x.grad)
# the fuzzer's program: an empty leaf
v1 = torch.zeros(0, requires_grad=True)
v2 = v1.abs()
v3 = torch.autograd.grad(v2.sum(), [v1], create_graph=True)[0]
v4 = torch.sin_(v3)
v3.sum().backward(retain_graph=True)
t(lambda: v1.prod().backward())
print(v1.grad)
# (the goldens encode every tensor: a .grad that is a ZeroTensor has no storage to read)
x.grad = None
v1.grad = None
