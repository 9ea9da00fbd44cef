# softmax's backward along the last dim sums g * y from the row's first product (vec::map2_reduce_all,
# no +0.0 start): a row of -0.0 gradients gives +0.0; along another dim the sum starts from +0.0 (-0.0)
import torch
v2 = torch.tensor([0.3, 2.9, 0.0, 2.4], requires_grad=True)
v3 = torch.softmax(v2, 0, dtype=torch.float32)
v5 = torch.acos_(v3 ** 9007199254740993)
print(torch.autograd.grad(v5.sum(), [v2])[0].tolist())
torch.manual_seed(0)
for dt in [torch.float32, torch.float64]:
    for shape, d in [((4,), 0), ((3, 2), 0), ((3, 2), 1), ((2, 3, 20), 1), ((2, 3, 20), -1), ((20,), 0), ((3, 17), 1), ((17, 3), 0), ((), 0)]:
        x = torch.rand(shape, dtype=dt, requires_grad=True)
        g = torch.full(shape, -0.0, dtype=dt)
        gi, = torch.autograd.grad(torch.softmax(x, d), x, g)
        gl, = torch.autograd.grad(torch.log_softmax(x, d), x, g)
        print(shape, d, dt, gi.flatten().tolist()[:5], gl.flatten().tolist()[:5])
    # a row mixing -0.0 and +0.0 products, and one with values
    x = torch.rand(3, 11, dtype=dt, requires_grad=True)
    g = torch.full((3, 11), -0.0, dtype=dt)
    g[1, 4] = 0.0
    g[2] = torch.linspace(-1, 1, 11, dtype=dt)
    y = torch.softmax(x, 1)
    gi, = torch.autograd.grad(y, x, g, retain_graph=True)
    print(gi.tolist())
    gi, = torch.autograd.grad(y, x, g, create_graph=True)
    print(gi.grad_fn.name())
