# Differential-fuzzer finds: x.new_tensor(t) takes x's dtype for tensor data too; tile / repeat
# always copy (x.tile(()) is not a view); diag places -0.0 as is (a scatter, not 0 + -0.0);
# any/all of uint8 are uint8; clamp_min/clamp_max with a NaN bound are NaN (gradient 0); an empty
# tensor is contiguous (contiguous() returns it: still a leaf); prod() with two zeros has a zero
# gradient even next to a NaN.
import torch

x = torch.tensor([[-1.83]], dtype=torch.float64)
n0 = x.new_tensor(torch.tensor([1, 2]))
n1 = torch.tensor([1], dtype=torch.int16).new_tensor(torch.tensor([[3, 4]]))
n2 = x.new_tensor(torch.zeros(0, dtype=torch.int64), requires_grad=True)
t = torch.tensor(2.0)
t1 = t.tile(())
r = torch.tensor([1.0, 2.0])
r1 = r.repeat(1)
t.add_(1)
r.mul_(3)
dg = torch.diag(torch.tensor([-0.0, 1.0, -0.0]), -1)
u = torch.tensor([[0, 3], [0, 0]], dtype=torch.uint8)
u0 = u.any()
u1 = u.all()
u2 = u.any(1)
u3 = torch.zeros(0, 1, dtype=torch.uint8).any()
c = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
c0 = c.clamp_min(float('nan'))
c1 = c.clamp_max(float('nan'))
(c0.sum() + c1.sum()).backward()
cb = torch.tensor([True, False]).clamp_min(float('nan'))
e = torch.zeros(5, 0, 5, dtype=torch.float64, requires_grad=True)
e1 = e.contiguous()
p = torch.tensor([[0.45, 0.0, float('nan')], [-0.0, 2.0, 1.0]], requires_grad=True)
p.prod().backward()
