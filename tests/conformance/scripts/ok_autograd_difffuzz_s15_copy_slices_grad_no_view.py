# check-stdout
import torch
# The gradient a write through an index or a view gives its source is no view (PyTorch's
# CopySlices hands the op a contiguous clone of the gradient's slice; IndexPutBackward0 indexes
# it), so an in-place op that records on it is allowed, unless the engine's sum_to dropped leading
# dims (a view made in no_grad mode, refused).
def chain(t):
    out = []
    f = t.grad_fn
    while f is not None and len(out) < 2:
        out.append(f.name())
        nf = [p for p, _ in f.next_functions if p is not None]
        f = nf[0] if nf else None
    return out
def chk(a, b):
    g = torch.autograd.grad(a.sum(), [b])[0]
    try:
        g -= b
        print(a.grad_fn.name(), "ok", g)
    except RuntimeError as e:
        print(a.grad_fn.name(), str(e)[:60])
v0 = torch.tensor([[-3.0]])
v3 = torch.tensor([-2.73], requires_grad=True)
v0[-1] = v3
v4 = torch.autograd.grad(v0.sum(), [v3], allow_unused=True)[0]
v4 -= v3
print(v4, v4.grad_fn.name())
a = torch.zeros(1, 1); b = torch.tensor([2.0], requires_grad=True); a[0] = b; chk(a, b)
a = torch.zeros(1, 1); b = torch.tensor([2.0], requires_grad=True); a[0:1] = b; chk(a, b)
a = torch.zeros(1, 1); b = torch.tensor([2.0], requires_grad=True); a[..., 0] = b; chk(a, b)
a = torch.zeros(1, 1); b = torch.tensor([2.0], requires_grad=True); a[torch.tensor([0])] = b; chk(a, b)
a = torch.zeros(2, 3); b = torch.tensor([2.0, 3.0, 4.0], requires_grad=True); a[0] = b; chk(a, b)
a = torch.zeros(2, 3); b = torch.tensor([2.0, 3.0, 4.0], requires_grad=True); a[0:1] = b; chk(a, b)
a = torch.zeros(2, 3); b = torch.tensor([2.0, 3.0], requires_grad=True); a[:, 0] = b; chk(a, b)
a = torch.zeros(2, 3); b = torch.tensor([2.0, 3.0, 4.0], requires_grad=True); a[torch.tensor([1])] = b; chk(a, b)
a = torch.zeros(2, 3); b = torch.tensor([2.0, 3.0, 4.0], requires_grad=True); a[0].copy_(b); chk(a, b)
a = torch.zeros(2, 3); b = torch.tensor([2.0, 3.0, 4.0], requires_grad=True); a[0].add_(b); chk(a, b)
a = torch.zeros(2, 3); b = torch.tensor([2.0, 3.0, 4.0], requires_grad=True); a.copy_(b); chk(a, b)
# under create_graph: CloneBackward0 after AsStridedBackward0 (CopySlices), IndexBackward0
for k in range(4):
    a = torch.zeros(2, 3); b = torch.tensor([2.0, 3.0, 4.0], requires_grad=True); b0 = torch.tensor(2.0, requires_grad=True)
    src = b
    if k == 0: a[0] = b
    if k == 1: a[torch.tensor([0])] = b
    if k == 2: a[0] = b0; src = b0
    if k == 3: a[0].mul_(b)
    g = torch.autograd.grad((a * a).sum(), [src], create_graph=True)[0]
    print(k, a.grad_fn.name(), chain(g), g)
