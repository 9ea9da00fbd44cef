import torch
# 2-D @ batch in PyTorch 1.13 is (b^T @ a^T)^T made contiguous: a CloneBackward0, except where the
# transpose already is contiguous (the result's matrices have one row or one column, or it is
# empty): then the transpose's TransposeBackward0.
def show(sa, sb, ra=True, rb=False):
    a = torch.arange(float(torch.zeros(sa).numel())).reshape(sa).requires_grad_(ra)
    b = (torch.arange(float(torch.zeros(sb).numel())) - 2).reshape(sb).requires_grad_(rb)
    r = a @ b
    print(sa, sb, r.grad_fn.name(), r.shape, r.is_contiguous())
    print(r)
    r.pow(2).sum().backward()
    print(a.grad if ra else None, b.grad if rb else None)
show((1, 2), (4, 2, 2))
show((3, 2), (4, 2, 2))
show((3, 2), (4, 2, 1))
show((1, 2), (4, 2, 3), False, True)
show((3, 2), (4, 2, 3), True, True)
show((0, 2), (4, 2, 3))
show((3, 0), (4, 0, 3))
show((1, 2), (2, 4, 2, 3))
show((3, 2), (1, 2, 3))
show((3, 2), (1, 2, 1))
