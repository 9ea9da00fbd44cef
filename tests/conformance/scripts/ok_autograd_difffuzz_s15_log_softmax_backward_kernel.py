# log_softmax's backward as PyTorch 1.13's AVX2 kernels compute it: g - exp(y) * sum fused into one
# fma; along the last dim (0-d and 1-d inputs too) each row of g summed with vec::reduce_all, from
# its first element (a row of -0.0 sums to -0.0, so the gradient there is +0.0).
import torch
def bw(shape, dim, gvals, yvals=None):
    x = torch.zeros(shape, dtype=torch.float64, requires_grad=True)
    y = torch.log_softmax(x, dim)
    g = torch.tensor(gvals, dtype=torch.float64).reshape(shape)
    r = torch.autograd.grad(y, x, g)[0]
    print(shape, dim, [repr(v) for v in r.flatten().tolist()])
bw((), 0, [-0.0])
bw((1,), 0, [-0.0])
bw((2,), 0, [-0.0, -0.0])
bw((1, 1), 0, [-0.0])
bw((1, 1), 1, [-0.0])
bw((2, 1), 1, [-0.0, -0.0])
bw((1, 2), 0, [-0.0, -0.0])
bw((2, 2), 0, [-0.0, -0.0, -0.0, -0.0])
bw((2, 3), 0, [-0.0] * 6)
bw((5, 3), 0, [-0.0] * 15)



torch.manual_seed(1)
for dt in [torch.float32, torch.float64]:
    for n in [1, 2, 3]:
        x = (torch.randn(3, n) * 3).to(dt).requires_grad_()
        g = (torch.randn(3, n) * 1e3).to(dt)
        r = torch.autograd.grad(torch.log_softmax(x, -1), x, g)[0]
        print(dt, n, [repr(v) for v in r.flatten().tolist()])
        r = torch.autograd.grad(torch.log_softmax(x, 0), x, g)[0]
        print(dt, n, [repr(v) for v in r.flatten().tolist()])

# (difffuzz 1331#6495) the gradient of a 0-d log_softmax's double backward
v0 = torch.tensor(2.07, dtype=torch.float64, requires_grad=True)
v2 = v0.log_softmax(-1)
v6 = torch.autograd.grad(v2.sum(), [v0], create_graph=True, retain_graph=True, allow_unused=True)[0]
v6.pow(2).sum().backward(retain_graph=True)
print(repr(v0.grad.item()), v6)
