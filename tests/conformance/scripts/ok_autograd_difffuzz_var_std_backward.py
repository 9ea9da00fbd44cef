# Differential-fuzzer finds: var and std backward as PyTorch 1.13's var_backward / std_backward:
# inf * g when N == correction without dims (so a 0-d input gets inf), 2 / (N - correction) with
# dims (inf when 0, negative below), N = 1 for an explicit dim=[], the mean taken as a constant
# (an infinite element: -inf / NaN, not NaN everywhere); double backward through them.
import torch
a = torch.tensor(0.05, requires_grad=True)
va = a.var()
va.backward()
b = torch.tensor([[0.5, 1.0]], requires_grad=True)
vb = b.var(dim=1, correction=2)
vb.sum().backward()
c = torch.tensor([[0.5, 1.0]], requires_grad=True)
vc = c.var(dim=1, correction=3)
sc = c.std(dim=1, correction=3)
(vc + sc).sum().backward()
d = torch.tensor([[0.5, 1.0]], requires_grad=True)
vd = d.var(dim=[])
vd.backward()
e = torch.tensor([0.5, float('inf')], requires_grad=True)
ve = e.var()
ve.backward()
f = torch.tensor([[1.0, 2.0, 4.0], [3.0, -1.0, 0.5]], dtype=torch.float64, requires_grad=True)
gf = torch.autograd.grad(f.var(1).sum() + f.std(), [f], create_graph=True)[0]
hf = torch.autograd.grad((gf * gf).sum(), [f])[0]
s0 = torch.tensor(2.0, requires_grad=True)
ss = s0.std()
ss.backward()
