# PyTorch 1.13: torch.autograd.grad through a CopySlices also runs the AccumulateGrad nodes its
# wrapped op points at directly, so the leaf a copy_ / fill_ into a view reads gets its .grad
# (requested or not); a source that is not a leaf itself (s * 2, a cast, a select) does not.
import torch

def run(name, f):
    w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    s = torch.tensor([5.0, 6.0], requires_grad=True)
    s0 = torch.tensor(7.0, requires_grad=True)
    out = f(w, s, s0)
    g = torch.autograd.grad(out.sum(), [w], allow_unused=True)[0]
    print(name, g, w.grad, s.grad, s0.grad)

def copy_view(w, s, s0):
    b = w * 1; b[1:].copy_(s); return b
def setitem_view_of_view(w, s, s0):
    b = w * 1; v = b[:]; v[1:] = s; return b
def fill_view_of_view(w, s, s0):
    b = w * 1; v = b[:]; v[1:] = s0; return b
def copy_broadcast(w, s, s0):
    b = w * 1; b[1:].copy_(s0); return b
def copy_nonleaf(w, s, s0):
    b = w * 1; b[1:].copy_(s * 2); return b
def copy_cast(w, s, s0):
    b = w * 1; b[1:].copy_(s.double()); return b
def copy_select(w, s, s0):
    b = w * 1; b[1:].copy_(s[0]); return b
def setitem(w, s, s0):
    b = w * 1; b[1:] = s; return b

for f in [copy_view, setitem_view_of_view, fill_view_of_view, copy_broadcast, copy_nonleaf, copy_cast,
          copy_select, setitem]:
    run(f.__name__, f)

# the requested leaf itself: captured, and accumulated too
v0 = torch.tensor(-0.990)
v2 = torch.tensor(2.5, requires_grad=True)
v2.backward()
v5 = v0.transpose(-1, -1)
v5[...] = v2
v9 = torch.autograd.grad(v5.sum(), [v2], create_graph=True, allow_unused=True)[0]
print(v9, v2.grad)
