# Differential-fuzzer finds (seeds 1054 #2796, 1060 #1542): a view of a base that needs no grad
# (autograd.grad's gradient of a sum, an expand of the seed) is given history by a write through
# another view of it. PyTorch 1.13's check_inplace reads the view's stored grad_fn, which is only
# regenerated when grad_fn is read, so until then the view is refused as a leaf that requires grad.
import torch
x = torch.tensor([-2.3], requires_grad=True)
g = torch.autograd.grad(x.reshape_as(x).sum(), [x], create_graph=True)[0]
g[1::2, None] = x
print(g.requires_grad)
try:
    torch.clamp_max_(g, -0.0)
except RuntimeError as e:
    print("clamp_max_:", str(e).endswith("a leaf Variable that requires grad is being used in an in-place operation."))
try:
    g.unsqueeze_(-2)
except RuntimeError as e:
    print("unsqueeze_:", e)
# Reading is_leaf regenerates grad_fn (AsStridedBackward0): the in-place op then records.
print(g.is_leaf)
torch.clamp_max_(g, -0.0)
print(g.grad_fn.name())
# An alias returned as is (type_as to the same dtype) stays a view of the leaf.
a = torch.tensor(0.16, dtype=torch.float64, requires_grad=True)
s = a.squeeze(-1).type_as(a)
try:
    s /= -2.7
except RuntimeError as e:
    print("/=:", e)
print(a)
