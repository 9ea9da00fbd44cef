# Writes into an expanded tensor (stride 0): PyTorch 1.13's copy_ skips its memory checks only when
# the source is the destination itself (x.copy_(x); x[0:n] = x and x[...] = x write into x itself),
# any other view of the same data is checked; fill_ (a number, a 0-d value) is not.
import torch
def t(label, f):
    try:
        f(); print(label, "ok")
    except RuntimeError as e:
        print(label, "RuntimeError", str(e)[:60])
mk = lambda: torch.zeros(1, 3, 2).expand(2, 3, 2)
def a(): v = mk(); v[-2:] = v
def b(): v = mk(); v[0:2] = v
def c(): v = mk(); v[:] = v
def d(): v = mk(); v.copy_(v)
def e(): v = mk(); v[0:2].copy_(v)
def f(): v = mk(); v[-2:].copy_(v)
def g(): v = mk(); v[...] = v
def h(): v = torch.zeros(3); v[:] = v
def i(): v = mk(); v[:].copy_(v)
def j(): v = mk(); v[:] = v.clone()
for k, fn in zip("abcdefghij", [a, b, c, d, e, f, g, h, i, j]): t(k, fn)
v0 = torch.ones(1, 3, 2, requires_grad=True)
v2 = torch.autograd.grad(v0.sum(), [v0])[0]
print(v2.is_contiguous())
for stmt in range(6):
    try:
        if stmt == 0: v2[-2:] = v2
        if stmt == 1: v2[0] = 5
        if stmt == 2: v2.add_(1)
        if stmt == 3: v2[...] = 3
        if stmt == 4: v2[torch.tensor([0])] = 3
        if stmt == 5: v2.copy_(torch.zeros(1, 3, 2))
        print(stmt, "ok")
    except RuntimeError as e:
        print(stmt, "RuntimeError:", e)
e = torch.zeros(3).expand(2, 3)
try:
    e[0] = 1
except RuntimeError as err:
    print("RuntimeError:", err)
try:
    e[:, 0] = torch.ones(2)
except RuntimeError as err:
    print("RuntimeError:", err)
