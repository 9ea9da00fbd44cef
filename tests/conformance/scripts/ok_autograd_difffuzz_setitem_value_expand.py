import torch
# x[basic index] = v: PyTorch's copy_to views v without its leading size-1 dims and expands it
# to the target's shape (ViewBackward0, ExpandBackward0, none for the same sizes) before copy_,
# so a CopySlices' wrapped op points at that ExpandBackward0, not at v's AccumulateGrad: grad()
# then leaves v.grad alone (it fills it only when the copy_ points at v directly).
def names(f):
    out = []
    while f is not None and len(out) < 4:
        out.append(type(f).__name__)
        nf = [g for g, _ in f.next_functions if g is not None]
        f = nf[-1] if nf else None
    return out
for idx in ["none", "slice", "int", "ell", "part", "none0", "bool", "int_1s"]:
    v = torch.tensor([1.5, -2.0, 3.0], requires_grad=True)
    x = torch.tensor([[-0.5, 1.0, 2.0], [1.0, 2.0, 3.0]], dtype=torch.float64)
    if idx == "none": x[None] = v
    elif idx == "slice": x[:] = v
    elif idx == "int": x[0] = v
    elif idx == "ell": x[...] = v
    elif idx == "part": x[0:1] = v
    elif idx == "none0": x[None, 0] = v
    elif idx == "bool": x[True] = v
    else: x[0] = v[None]
    print(idx, names(x.grad_fn))
    g = torch.autograd.grad(x.sum(), [v])[0]
    print(idx, g, v.grad)
