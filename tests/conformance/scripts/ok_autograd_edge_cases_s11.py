# Autograd edge cases matching PyTorch 1.13.
import torch
# sgn saves its input: an in-place change of it fails the backward
x = torch.tensor([[-2.0], [0.5]], requires_grad=True)
s = x.sgn()
x.detach().mul_(2)
try:
    torch.autograd.grad(s.sum(), [x])
except RuntimeError as e:
    print("sgn:", str(e)[:70])
# a leaf given requires_grad_(False) after the graph was built gets no .grad
p = torch.tensor([1.0, 2.0], requires_grad=True)
q = torch.tensor([3.0, 4.0], requires_grad=True)
r = p * q
p.requires_grad_(False)
r.sum().backward()
print(p.grad, q.grad)
# add/sub/rsub with alpha: the other input's gradient is maybe_multiply(+-grad, alpha) (MulBackward1)
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor([1.0, 2.0], requires_grad=True)
for out in [torch.add(x, y * y, alpha=2), torch.sub(x, y * y, alpha=2), torch.rsub(y * y, x, alpha=1.5),
            torch.rsub(y * y, 3, alpha=2), torch.sub(x, y * y, alpha=0), torch.sub(x, y * y)]:
    g = torch.autograd.grad((out * out).sum(), [y], create_graph=True)[0]
    print(g, g.grad_fn.next_functions[1][0].next_functions[0][0].name())
# an in-place op on a view whose base got history after the view was made, before anything read the
# view's grad_fn: refused as on a leaf
w = torch.tensor(-0.41, requires_grad=True)
base = torch.tensor(-1.02)
view = base[None]
base /= w
try:
    view.mul_(2.0)
except RuntimeError as e:
    print("mul_:", type(e).__name__)
try:
    view.t_()
except RuntimeError as e:
    print("t_:", type(e).__name__)
print(view.grad_fn is not None)
view.mul_(2.0)
print(base.grad_fn.name(), view)
# frac saves nothing: an in-place change of its input does not fail the backward
f0 = torch.tensor([-2.68, -1.72, 1.2], requires_grad=True)
f2 = torch.ceil(f0)
f3 = f2.frac()
torch.expm1_(f2.squeeze())
print(torch.autograd.grad(f3.sum(), [f0])[0])
