# sort of a 0-d tensor: PyTorch's SortBackward0 saves the indices, so a second backward through it
# without retain_graph fails (topk/kthvalue likewise).
import torch
x = torch.tensor(-0.56, requires_grad=True)
for f in (lambda: torch.topk(x, 1)[0], lambda: torch.kthvalue(x, 1)[0]):
    v = f()
    v.backward()
    try:
        v.backward()
    except RuntimeError as e:
        print(v.grad_fn.name(), str(e)[:50])
v = torch.sort(x, dim=0)[0]
print(torch.autograd.grad(v.sum(), [x]))
torch.autograd.grad(v.sum(), [x], create_graph=True)  # expect-error
