import torch
# MulBackward1 (a C++ formula's `t * double`, e.g. log2's grad / (self * ln 2)) differentiates as
# grad * scalar_to_tensor(other): a plain 0-d float64 tensor, so a 0-d float32 grad promotes to float64
# and the engine casts the gradient back (ToCopyBackward0); a dimensioned grad stays float32.
def walk(f, d=0):
    if f is None or d > 5: return
    print('  ' * d + f.name())
    for n, _ in f.next_functions: walk(n, d + 1)
for shape in [(), (2,)]:
    for dt in [torch.float32, torch.float64]:
        for name, op in [("log2", torch.log2), ("log10", torch.log10), ("exp2", torch.exp2)]:
            v1 = torch.full(shape, 0.37, dtype=dt, requires_grad=True)
            v4 = op(v1)
            v6 = torch.autograd.grad(v4.sum(), [v1], create_graph=True, retain_graph=True)[0]
            v7 = torch.autograd.grad(v6.sum(), [v1], create_graph=True)[0]
            print(shape, dt, name, v7, v7.dtype)
            walk(v7.grad_fn)
            print(torch.expm1(v7))
x = torch.tensor(1.3, requires_grad=True)
y = torch.tensor(0.7, requires_grad=True)
for alpha in [2, 2.5]:
    for fname, f in [("add", torch.add), ("sub", torch.sub)]:
        z = f(x, y, alpha=alpha)
        go = torch.tensor(1.1, requires_grad=True)
        g = torch.autograd.grad(z, [y], grad_outputs=go, create_graph=True)[0]
        print(alpha, fname, g, g.dtype)
        h = torch.autograd.grad(g, [go], grad_outputs=torch.tensor(0.3, requires_grad=True), create_graph=True)[0]
        print(h, h.dtype)
        walk(h.grad_fn)
