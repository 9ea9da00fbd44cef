# F.silu / F.mish backward without create_graph is PyTorch's silu_backward / mish_backward kernel
# in the tensor's type (its multiply-adds fused), not the composite formula of create_graph.
import torch
import torch.nn.functional as F

v0 = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
v1 = torch.tensor([float('inf'), -1.6], dtype=torch.float32)
v1[-2:] = v0
v5 = F.mish(v1, inplace=True)
v5.prod().backward()
print(v0.grad.item())
x = torch.tensor([2.0, 0.5, -1.3, 3.7, 1.1, -0.2, 0.9, -3.3, 5.5, 0.01, -50.0, 100.0, float('nan')])
for name, f in (("silu", F.silu), ("mish", F.mish)):
    for t in (x, x.double(), x.repeat(2)[:17]):
        t = t.clone().requires_grad_()
        f(t).backward(torch.ones_like(t))
        print(name, t.dtype, t.grad.tolist())
    t = x[:3].clone().requires_grad_()
    g, = torch.autograd.grad(f(t).sum(), t, create_graph=True)
    print(name, g.tolist(), g.grad_fn.name())
