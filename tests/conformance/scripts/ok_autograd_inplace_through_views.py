# check-stdout
# In-place ops through views (PyTorch's view rebasing): the base gets CopySlices, the view
# AsStridedBackward0, and views taken earlier see the base's new history; fill_/zero_/copy_ and
# random fills of a tensor that requires grad record their node (zero gradient to the old values).
import torch
a = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
w = torch.tensor([2.0, 3.0, 4.0, 5.0], requires_grad=True)
b = a * 1
v = b[0:2]
b.mul_(w)                      # v was taken before: its history follows b's new one
print(v.grad_fn.name(), b.grad_fn.name())
v.sum().backward()
print(a.grad, w.grad)
a.grad = None; w.grad = None
c = a * 2
s = c[1:3]
s.mul_(w[1:3])                 # in-place on a view: c's history is CopySlices
print(c.grad_fn.name(), s.grad_fn.name(), c.requires_grad, s.is_leaf)
c.sum().backward()
print(a.grad, w.grad)
a.grad = None; w.grad = None
z = torch.zeros(2, 3)          # a base that needs no grad gets history through its view
row = z[1]
row.copy_(a[:3])
print(z.grad_fn.name(), row.grad_fn.name(), z.requires_grad)
(z * torch.arange(6.0).view(2, 3)).sum().backward()
print(a.grad)
a.grad = None
d = a * 1
d[1:3] = w[:2] * 10           # setitem on a view of a view
e = d.view(2, 2)
e[0, 1] = 7.0
print(d, e.grad_fn.name())
(d * d).sum().backward()
print(a.grad, w.grad)
a.grad = None; w.grad = None
f = a * 3
f.fill_(2.0)
print(f.grad_fn.name())
f.sum().backward()
print(a.grad)
a.grad = None
g = a * 3
g[::2].zero_()
print(g.grad_fn.name(), g)
g.sum().backward()
print(a.grad)
a.grad = None
zz = a * 1
zz.zero_()
print(zz.grad_fn.name())
h = a * 1
h.copy_(torch.ones(4))
print(h.grad_fn.name())
h.sum().backward()
print(a.grad)
torch.manual_seed(0)
for name in ["normal_", "uniform_", "exponential_"]:
    k = a * 1
    getattr(k, name)()
    print(k.grad_fn.name())
k = a * 1
k.bernoulli_(0.5)
print(k.grad_fn.name())
k.bernoulli_(torch.full((4,), 0.25))
print(k.grad_fn.name())
for args in [(), (5,), (0, 5), (0, None)]:
    r = a * 1
    r.random_(*args)
    print(r.grad_fn.name())
r.sum().backward()
print(a.grad)
a.grad = None
m = a * 1
m[1:].normal_()
print(m.grad_fn.name())
# double backward through a view write
x = torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64, requires_grad=True)
y = x * x
y[1:].mul_(x[1:])
gx, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(gx)
gx.sum().backward()
print(x.grad)
# an in-place op on the base under no_grad: the view's history is regenerated from the base
p = a * 1
q = p[2:]
with torch.no_grad():
    p.add_(1)
print(q.grad_fn.name(), q.requires_grad)
