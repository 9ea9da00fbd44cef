# check-stdout
# masked_fill_ of an integer tensor with a value that requires grad: PyTorch records MaskedFillBackward1 on the integer
# tensor (it then requires grad); out of place the isDifferentiableType assert (seed 1302 #4416)
import torch
v0 = torch.tensor(5, dtype=torch.int64)
v2 = torch.tensor(-2.090, requires_grad=True)
v8 = v0.masked_fill_(v0 > 0, v2)
print(v0, v0.requires_grad, v0.grad_fn.name(), v8 is v0, v0.is_leaf)
w = torch.tensor([1, 2, 3])
try:
    w2 = w.masked_fill(w > 1, v2)
    print(w2)
except Exception as e:
    print(type(e).__name__, str(e)[:60])
u = torch.tensor([1, 2, 3])
with torch.no_grad():
    u.masked_fill_(u > 1, v2)
print(u, u.requires_grad)
try:
    torch.autograd.grad(v0, [v2], grad_outputs=torch.tensor(1))
except Exception as e:
    print(type(e).__name__, str(e)[:60])
