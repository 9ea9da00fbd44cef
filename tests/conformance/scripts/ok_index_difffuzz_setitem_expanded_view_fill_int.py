# Index assignment that PyTorch 1.13 does not refuse or drop:
# - a mask or index tensor into an expanded view (stride 0) with a value that requires grad:
#   index_put_ / masked_fill_ only warn about the overlap, write through it, and the view's base
#   gets CopySlices;
# - a 0-d value that requires grad into an integer or bool tensor of another shape: copy_to's
#   fill_ records whatever the dtype, so the tensor requires grad (copy_ of the same shape does not).
import torch
v1 = torch.tensor([[[1.5], [-1.5], [1.25]], [[0.75], [0.25], [-0.5]]], dtype=torch.float64, requires_grad=True)
v3 = torch.autograd.grad(v1.sum(), [v1], create_graph=True)[0]
v3[-1:] = 2.5
v10 = torch.ones((), requires_grad=True)
v3[v3 > 0] = v10
print(v3.requires_grad, type(v3.grad_fn).__name__)
w = torch.zeros(1, 4).expand(3, 4)
p = torch.tensor([1.5, -2.0], requires_grad=True)
w[:, torch.tensor([0, 2])] = p * 2
print(w.requires_grad, type(w.grad_fn).__name__)
v3.sum().backward()
print(v10.grad)
w.sum().backward()
print(p.grad)
s = torch.tensor(2.9, requires_grad=True)
a = torch.tensor([0, -2, 3], dtype=torch.int32)
a[...] = s
print(a.requires_grad, type(a.grad_fn).__name__)
b = torch.tensor([True, False])
b[-2:] = s
print(b.requires_grad, type(b.grad_fn).__name__)
c = torch.tensor(3)
c[None] = s
print(c.requires_grad, type(c.grad_fn).__name__)
d = torch.tensor([0, -2, 3], dtype=torch.int32)
d[1] = s
print(d.requires_grad, d.grad_fn)
e0 = torch.tensor([4, 5, 6])
e = e0.t()
e[...] = s
print(e0.requires_grad, type(e0.grad_fn).__name__, e.requires_grad, type(e.grad_fn).__name__)
f = torch.tensor([0, 1, 2])
f[:] = s.expand(3)
print(f.requires_grad, f.grad_fn)
g = torch.tensor([[1, 2], [3, 4]])
g[0] = s
print(g.requires_grad, type(g.grad_fn).__name__)
print(torch.tanh(b).requires_grad)
