import torch
# A view made before its base got history is a leaf until its grad_fn is read. PyTorch's autograd
# wrapper of a primitive reads it (making the op's node) before the kernel runs, so after a
# kernel's error the view is no leaf any more; a failed in-place leaf check reads nothing.
for k in range(5):
    v0 = torch.tensor([2.6], requires_grad=True)
    v2 = torch.ones(1)
    v3 = v2.view(1)
    v2 /= v0
    idx = torch.tensor([0])
    try:
        if k == 0: v3.scatter_(1, idx, v0)
        if k == 1: torch.gather(v3, 2, idx)
        if k == 2: torch.index_select(v3, 3, idx)
        if k == 3: torch.mm(v3, v3)
        if k == 4: v3.scatter(1, idx, 1.0)
    except Exception as e: print(k, type(e).__name__)
    try:
        v3.add_(1)
        print(k, 'add_ ok', v3.grad_fn.name())
        v3.sum().backward()
        print(v0.grad)
    except Exception as e: print(k, 'add_', type(e).__name__)
