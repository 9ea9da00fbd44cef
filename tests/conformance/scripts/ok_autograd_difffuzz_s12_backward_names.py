# Differential-fuzzer finds: the nodes PyTorch's backward formulas make under create_graph:
# outer (a.reshape(n, 1) * b), nansum (g * x.isnan().logical_not()), x[...] = v (CopyBackwards
# passes g through), sign_ on an integer tensor that requires grad; a view of a base that stopped
# requiring grad is regenerated as AsStridedBackward0 after the base is modified.  # check-stdout
import torch
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = torch.tensor([1., 2.], requires_grad=True)
ga, gb = torch.autograd.grad((torch.outer(a, b) ** 2).sum(), [a, b], create_graph=True)
print(ga, ga.grad_fn.name(), gb, gb.grad_fn.name())
x = torch.tensor([2.4, float('nan'), -2.75], dtype=torch.float64, requires_grad=True)
s = torch.nansum(x)
gx = torch.autograd.grad(s.exp2(), [x], create_graph=True)[0]
print(s, gx, gx.grad_fn.name())
gx2 = torch.autograd.grad((torch.nansum(x.float(), 0, keepdim=True, dtype=torch.float64) ** 2).sum(), [x], create_graph=True)[0]
print(gx2, gx2.grad_fn.name())
y = x.float()
n = torch.nansum(y)
y.sqrt_()
try:
    n.backward()
except RuntimeError as e:
    print('RuntimeError', str(e)[:80])
v2 = torch.tensor(0.0, requires_grad=True)
v3 = torch.tensor(2.8)
v3[...] = v2
v3.tanh_()
g6 = torch.autograd.grad(v3.sum(), [v2], create_graph=True)[0]
print(g6, g6.grad_fn.name())
for dt in [torch.bool, torch.int64]:
    t = torch.zeros(3, dtype=dt)
    t[1::2] = torch.tensor(-2.31, dtype=torch.float64, requires_grad=True)
    t.sign_()
    print(t, t.grad_fn.name())
for mode in range(2):
    base = torch.tensor([[-0.57]], dtype=torch.float64, requires_grad=True)
    v = base.squeeze(0) if mode else torch.ravel(base)
    v.retain_grad()
    base.requires_grad_(False)
    base.tan_() if mode else base.sub_(0.4)
    print(v.grad_fn.name(), v.requires_grad, v.is_leaf)
t = torch.tensor([1, 2])
t[t > 1] = torch.tensor(-3.0, requires_grad=True) * 2
print(t.floor_().grad_fn.name(), t.ceil_().grad_fn.name(), t.trunc_().grad_fn.name())
