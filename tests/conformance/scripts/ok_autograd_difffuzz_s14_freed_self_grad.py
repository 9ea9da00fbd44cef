# PyTorch's generated backward unpacks every saved tensor first: once freed, a node that saved any
# fails also for an input whose gradient reads none of them (self's of addcmul, addcdiv, addmm,
# fmod, remainder, index_add, scatter_add). Saved only for the other inputs' gradients: with those
# not requiring grad nothing is saved, and a second backward works.
import torch
import torch.nn.functional as F


def second_pass(name, f, n, grads):
    ins = [torch.tensor([[0.5, 2.0], [1.5, 3.0]], requires_grad=g) for g in grads[:n]]
    out = f(*ins)
    out.sum().backward()
    try:
        r = torch.autograd.grad(out.sum(), [ins[0]])[0]
        print(name, grads, "ok", r)
    except RuntimeError as e:
        print(name, grads, str(e)[:60])


idx = torch.tensor([1, 0])
cases = [
    ("addcmul", lambda a, b, c: torch.addcmul(a, b, c, value=2), 3),
    ("addcdiv", lambda a, b, c: torch.addcdiv(a, b, c), 3),
    ("addmm", lambda a, b, c: torch.addmm(a, b, c), 3),
    ("fmod", lambda a, b: torch.fmod(a, b), 2),
    ("remainder", lambda a, b: torch.remainder(a, b), 2),
    ("index_add", lambda a, b: a.index_add(0, idx, b), 2),
    ("scatter_add", lambda a, b: a.scatter_add(0, torch.tensor([[1, 0], [0, 1]]), b), 2),
]
for name, f, n in cases:
    second_pass(name, f, n, [True, True, True])
    second_pass(name, f, n, [True, False, False])
    if n == 3:
        second_pass(name, f, n, [True, True, False])
        second_pass(name, f, n, [True, False, True])
# nn.Linear's bias on a 2-D input is addmm's self
x = torch.tensor([[1.0, 2.0]])
w = torch.tensor([[0.5, -1.0]], requires_grad=True)
b = torch.tensor([0.25], requires_grad=True)
y = F.linear(x, w, b)
y.sum().backward()
try:
    torch.autograd.grad(y.sum(), [b])
except RuntimeError as e:
    print("linear bias", str(e)[:60])
# in place: x.addcmul_(t1, t2) with only x needing its gradient
x0 = torch.tensor([1.0, -2.0], requires_grad=True)
z = x0 * 1
t1 = torch.tensor([3.0, 4.0], requires_grad=True)
z.addcmul_(t1, torch.tensor([0.5, 0.25]))
z.sum().backward()
try:
    torch.autograd.grad(z.sum(), [x0])
except RuntimeError as e:
    print("addcmul_", str(e)[:60])
print(x0.grad, t1.grad)
