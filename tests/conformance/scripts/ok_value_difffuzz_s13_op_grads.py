# Differential-fuzzer finds (session 13): single-op values, dtypes, grads and requires_grad.  # check-stdout
import torch
import torch.nn.functional as F
torch.manual_seed(0)

# retain_grad() stores a copy: an in-place change of grad()'s result (a view of the same gradient)
# must not reach it.
v1 = torch.tensor([[1.0, -2.0], [3.0, 0.5]], requires_grad=True)
v2 = v1[None]
v2.retain_grad()
v5 = v2[:, None]
v6 = torch.autograd.grad(v5.sum(), [v1])[0]
v6.atanh_()
print(v2.grad, v6)

# clamp with two tensor bounds: one result type over the three (a 0-d bound gives way).
b = torch.tensor([[True, False, True]])
print(torch.clamp(b, min=torch.tensor(-2.5, dtype=torch.float64), max=torch.tensor([[0.5, 1.0, 2.0]])).dtype)
print(torch.clamp(torch.tensor([1, 2]), torch.tensor(1), torch.tensor([1.0, 2.0])).dtype)
print(torch.clamp(torch.tensor([1.0, 2.0]), torch.tensor(1.5, dtype=torch.float64), torch.tensor(1.75, dtype=torch.float64)).dtype)

# avg_pool2d over a negative divisor_override: a zero is +0.0.
for d in [-1, -2, 2]:
    for v in [0.0, -0.0]:
        y = F.avg_pool2d(torch.full((1, 2, 2), v), 1, divisor_override=d)
        print(d, [str(e) for e in y.flatten().tolist()])

# bernoulli's gradient is zeros_like(grad): +0.0 where the incoming gradient is negative or inf.
p = torch.tensor([0.25, 0.75], requires_grad=True)
s = p.bernoulli()
(s * torch.tensor([-1.0, float('inf')])).sum().backward()
print([str(e) for e in p.grad.tolist()])
p = torch.tensor(0.5, requires_grad=True)
g = torch.autograd.grad((1.3 - p.bernoulli()).sum(), [p], create_graph=True)[0]
print(str(g.item()), g.requires_grad)

# torch.pow(number, e): the log of the base in double (1e-45 is a float32 denormal).
e = torch.tensor([1.3, -1e-30, -1.95], requires_grad=True)
torch.pow(1e-45, e).sum().backward()
print(e.grad)
e = torch.tensor([0.0, 2.0, -1.0], requires_grad=True)
torch.pow(0.0, e).sum().backward()
print(e.grad)

# floor_divide with an integer result records no node.
v1 = torch.tensor(-float('inf'), dtype=torch.float64, requires_grad=True)
v4 = v1.logical_or(v1)
v4[None, None] = v1
r = v4 // -1
print(r, r.requires_grad)

# prod over a length-1 dim with a zero: the gradient is grad itself (no graph under create_graph).
x = torch.tensor([-0.0], requires_grad=True)
g = torch.autograd.grad(x.prod(), [x], create_graph=True)[0]
print(g, g.requires_grad)
x = torch.tensor([[0.0, 2.0]], requires_grad=True)
g = torch.autograd.grad(x.prod(0).sum(), [x], create_graph=True)[0]
print(g, g.requires_grad)

# addmm on int64 with float alpha / beta: truncated; only a non-empty product converts them.
i = torch.tensor([[0, -4], [3, 6]])
print(torch.addmm(i, i, i, alpha=2.7), torch.addmm(i, i, i, beta=2.7))
print(torch.addmm(i, i[:, :0], i[:0], alpha=float('nan')))
print(torch.addmm(i.float(), i.float(), i.float(), alpha=float('inf')))

# F.pad constant: negative pads narrow first; with a positive pad every padded dim must stay > 0.
for shp, pd in [((2, 0, 3), [1, 0]), ((0, 2), [0, 0, 1, 0]), ((2, 3), [-3, 1]), ((2, 3), [-3, 0]), ((2, 3), [-3, -0])]:
    print(F.pad(torch.zeros(*shp), pd).shape)
for shp, pd in [((2, 0, 0), [5, 2, 0, 0]), ((2, 0, 1), [-1, 0, 1, 0]), ((2, 3), [-4, 1]), ((2, 3), [-2, -2]), ((2, 3), [-3, 0, 0, 1])]:
    try:
        F.pad(torch.zeros(*shp), pd)
    except Exception as ex:
        print(type(ex).__name__, str(ex).split('\n')[0])

# layer_norm's weight / bias gradients add into zeroed buffers: +0.0 where g is 0 (or -0.0).
for shape, ns in [((3, 4), [3, 4]), ((2, 3), [3])]:
    w = torch.ones(ns, requires_grad=True)
    b = torch.ones(ns, requires_grad=True)
    x = torch.arange(6.0).reshape(2, 3)[:, :shape[1]] if shape == (2, 3) else torch.arange(12.0).reshape(3, 4)
    y = F.layer_norm(x, ns, w, b, eps=0.1)
    (y * -0.0).sum().backward()
    print([str(e) for e in w.grad.flatten().tolist()], [str(e) for e in b.grad.flatten().tolist()])
