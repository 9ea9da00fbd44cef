import torch
# float prod multiplies as PyTorch's AVX2 reduce kernel does: 4 x 8 float lanes (4 x 4 double) over
# chunks, then the lanes, then the tail in order; so partial products overflow/underflow as there.
def gen(shape, dt, scale):
    n = 1
    for s in shape:
        n *= s
    k = torch.arange(n, dtype=torch.int64)
    return ((((k * 37) % 101) - 50).to(dt) / 7 * scale).reshape(shape)
def show(t):
    print(t.dtype, tuple(t.shape), t.reshape(-1)[::max(1, t.numel() // 6)].tolist())
for dt in [torch.float32, torch.float64]:
    for n in [31, 32, 75, 130]:
        x = gen([n], dt, 30)
        x[3] = 1e-38 if dt == torch.float32 else 1e-300
        show(x.prod())
        z = gen([3, n, 40], dt, 3)
        show(z.prod(1)); show(z.prod(2)); show(z.prod()); show(z[:, ::2].prod(1)); show(z.transpose(0, 2).prod(0))
v = torch.tensor([float('inf')] + [1e-45] * 40 + [3.0] * 34, requires_grad=True)
p = torch.rsub(v, 0).prod()
p.backward()
print(p, v.grad[:3], v.grad[-3:])
# the product's lanes overflow to inf and underflow to 0 apart: inf (not nan) where PyTorch has it
v0 = torch.tensor([[[-1.27, 1.91, -1.31, -2.1, 2.0], [2.48, 2.32, -1.590, 1e-45, -0.79], [float('inf'), 0.59, 0.47, -1.500, 0.47], [0.700, 1.410, -0.59, -1.82, -2.9], [0.810, -1.33, 1e-45, -1.28, 2.170]], [[-1.16, -1.26, 2.100, 1.5, -0.29], [1.96, 0.97, 0.99, 1e30, -float('inf')], [-2.72, -1.9, -2.28, -0.52, 2.9], [0.5, -0.09, 1.160, 2.730, 2.06], [1.500, -2.28, -1.8, 1.2, 2.75]], [[-0.8, 1.350, -1.400, -float('inf'), 0.69], [-0.3, -1.56, 0.3, -0.430, -0.180], [-2.880, -0.420, -1.71, -2.66, 0.270], [-2.58, 2.280, -0.230, -2.69, -2.60], [0.26, -2.93, -0.880, 2.42, -2.140]]], dtype=torch.float32, requires_grad=True)
p = torch.rsub(v0, 0).prod()
p.backward()
print(p, v0.grad)
