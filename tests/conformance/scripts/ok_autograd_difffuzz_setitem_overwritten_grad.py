# Differential-fuzzer find: the elements an index assignment overwrites get a +0.0 gradient, as
# PyTorch's zeros_like / index_put_ of zeros (copy_, fill_, index_put_, CopySlices): not g * 0,
# which gave -0.0 for a negative g and NaN for an infinite or NaN one.
import torch
a = torch.tensor([float('nan'), -0.88], requires_grad=True)
b = a.log1p()
b[..., ...] = -4  # fill_ of b itself
b.pow(2).sum().backward()
print(a.grad, 1 / a.grad)
c = torch.tensor([2.0], requires_grad=True)
d = torch.zeros(()) * c
d[-1, None] = -0.44  # into a view of d: CopySlices
d.pow(2).sum().backward()
print(c.grad, 1 / c.grad)
e = torch.tensor(2.0, requires_grad=True)
f = torch.tensor(0.42) - e
f[None] = torch.tensor(-3)
f.pow(2).sum().backward()
print(e.grad, 1 / e.grad)
h = torch.tensor([1.6, 0.5], requires_grad=True)
k = h ** 2.36
k[k > 1] = -0.49  # index_put_ with a mask
k.reciprocal().mean().backward()
print(h.grad, 1 / h.grad)
m = torch.tensor([[1.0, 2.0], [0.5, -1.0]], requires_grad=True)
n = m.cosh()
n[-1, ...] = -2
n.rsqrt_()  # NaN gradients at the overwritten elements
n.mean().backward()
print(m.grad)
p = torch.tensor([[-1.3, -0.7], [0.2, 3.0]], requires_grad=True)
q = torch.tensor([1.7, float('inf')], requires_grad=True)
r = p % 2
r[-1:] = q
r.prod().backward()
print(p.grad, q.grad)
