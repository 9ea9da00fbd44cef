# check-stdout
# Assignment with a tensor value: index_put_ requires matching dtypes (PyTorch's error), a value that
# requires grad written into an integer tensor leaves it without grad.
import torch
a = torch.zeros(3, dtype=torch.long)
try:
    a[0] = torch.tensor(1.5, requires_grad=True); print(a, a.requires_grad, a.grad_fn)
except Exception as e: print(type(e).__name__, e)
b = torch.zeros(3, dtype=torch.long)
try:
    b[torch.tensor([0])] = torch.tensor([2.5], requires_grad=True); print(b, b.requires_grad)
except Exception as e: print(type(e).__name__, e)
c = torch.zeros(3)
try:
    c[torch.tensor([0])] = torch.tensor([2], dtype=torch.long)
except RuntimeError as e:
    print("RuntimeError", e)
c[torch.tensor([1])] = 7
c[1:] = torch.tensor([5, 6])
print(c)
