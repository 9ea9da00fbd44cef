import torch
import torch.nn.functional as F

# A node checks every tensor it saved before computing any gradient: pow saves its result even
# when only the base requires grad, so an in-place change of that result fails backward.
b = torch.tensor(0.5, requires_grad=True)
y = torch.pow(b, torch.tensor(2.0, dtype=torch.float64))
y.mul_(2)
try:
    torch.autograd.grad(y.sum(), [b])
except RuntimeError as e:
    print("pow:", str(e)[:150])

# mse_loss promotes mixed dtypes forward; its backward kernel refuses them.
x = torch.tensor([1.0, 2.0], requires_grad=True)
for t in (torch.tensor([1, 5]), torch.tensor([True, False]), torch.tensor([1.0, 3.0], dtype=torch.float64)):
    out = F.mse_loss(x, t)
    print(out.dtype, out.grad_fn.next_functions[0][0].__class__.__name__)
    try:
        torch.autograd.grad(out, [x])
    except RuntimeError as e:
        print("mse_loss:", e)
print(torch.autograd.grad(F.mse_loss(x, torch.tensor([0.5, 0.5])), [x]))

# sub_/add_ with a float alpha is one SubBackward0/AddBackward0 node that saves nothing, so a
# second backward through it works.
a = torch.tensor(-1.0, requires_grad=True)
c = torch.tensor(-2.7)
c.sub_(a, alpha=2.09)
print([type(n).__name__ for n, _ in c.grad_fn.next_functions if n is not None])
torch.autograd.grad(c.sum(), [a])
c.abs().sum().backward()
print(a.grad, c)
d = torch.tensor([1.0, 2.0])
d.add_(a, alpha=0.1)
print(d)

# fmod/remainder: self's gradient is grad itself (no grad with create_graph); other's is
# -grad * trunc/floor(self / other), differentiable with a zero derivative.
p = torch.tensor([1.5, -2.5], requires_grad=True)
q = torch.tensor([0.7, 0.9], requires_grad=True)
for f, name in ((torch.fmod, "fmod_"), (torch.remainder, "remainder_")):
    gp, gq = torch.autograd.grad(f(p, q).sum(), [p, q], create_graph=True)
    print(gp.requires_grad, gq, [type(n).__name__ for n, _ in gq.grad_fn.next_functions[1][0].next_functions])
    gp, = torch.autograd.grad(f(p, 2.0).sum(), [p], create_graph=True)
    print(gp.requires_grad)
    gq.sum().backward()
    print(p.grad, q.grad)
    r = p * 1
    getattr(r, name)(q)
    r.sum().backward()
    print(p.grad, q.grad)
    p.grad = None
    q.grad = None
