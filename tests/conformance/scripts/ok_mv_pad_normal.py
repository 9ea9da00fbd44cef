# check-stdout
# torch.mv / Tensor.mv (MvBackward0), F.pad in every mode (node names as PyTorch), and
# torch.normal with tensor mean / std (PyTorch's numbers for a seed).
import torch
import torch.nn.functional as F
torch.manual_seed(0)
A = torch.arange(20, dtype=torch.float32).reshape(5, 4)
x = torch.arange(4, dtype=torch.float32)
print(torch.mv(A, x), A.mv(x))
m = torch.randn(3, 2, requires_grad=True)
v = torch.randn(2, requires_grad=True)
out = m.mv(v)
print(out.grad_fn.name())
out.sum().backward()
print(m.grad, v.grad)
t = torch.arange(12.).view(1, 2, 6).requires_grad_()
for mode in ["constant", "reflect", "replicate", "circular"]:
    p = F.pad(t, (2, 1), mode)
    print(mode, p.grad_fn.name() if mode != "circular" else "", p)
print(F.pad(t, (-1, 2), value=9.0), torch.nn.functional.pad(t, (1, 1, 0, 1)).shape)
q = F.pad(t, (1, 2, 1, 0), "reflect")
print(q.grad_fn.name(), q.shape)
(q * q).sum().backward()
print(t.grad)
t4d = torch.zeros(3, 3, 4, 2)
print(F.pad(t4d, (0, 1, 2, 1, 3, 3), "constant", 0).size())
print(F.pad(torch.ones(1, 2, 2, 2, 2), (1, 1, 1, 1, 1, 1), "replicate").grad_fn, F.pad(torch.ones(1, 2, 3, 3, 3), (1, 1, 1, 1, 1, 1), "reflect").shape)
print(torch.normal(mean=torch.arange(1., 11.), std=torch.arange(1, 0, -0.1)))
print(torch.normal(mean=0.5, std=torch.arange(1., 6.)))
print(torch.normal(mean=torch.arange(1., 6.)))
print(torch.normal(torch.zeros(20, dtype=torch.double), 2.0))
print(torch.normal(torch.zeros(3, 1), torch.ones(4)))
print(torch.rand(2))
