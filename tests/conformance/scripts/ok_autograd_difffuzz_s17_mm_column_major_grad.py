# mm / addmm backward as PyTorch 1.13's mm_mat1_backward / mm_mat2_backward: a column-major input
# (strides (1, rows): a transposed matrix, or a (1, 1) / (k, 1) one) gets its gradient computed
# transposed, (b g^T)^T / (g^T a)^T: TBackward0 under create_graph. difffuzz 1426#6303.
import torch
v1 = torch.tensor([[float('nan')]], dtype=torch.float32, requires_grad=True)
v2 = torch.tensor([-2.460], dtype=torch.float32, requires_grad=True)
v3 = v2 @ v1
v4 = torch.autograd.grad(v3.sum(), [v1], create_graph=True)[0]
print(v4, v4.grad_fn.name())
torch.manual_seed(0)
a = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
b = torch.randn(4, 5, dtype=torch.float64, requires_grad=True)
for x, y in [(a, b), (a.t().contiguous().t(), b), (a, b.t().contiguous().t()), (a[:, :1], b[:1])]:
    ga, gb = torch.autograd.grad((x @ y).pow(2).sum(), [a, b], create_graph=True, allow_unused=True)
    print([None if g is None else (g.grad_fn.name(), g.stride(), g.sum().item()) for g in (ga, gb)])
    print([g.grad_fn.name() for g in torch.autograd.grad((x @ y).sum(), [x, y], create_graph=True)])
bias = torch.randn(5, dtype=torch.float64, requires_grad=True)
for m1, m2 in [(a, b), (a.t().contiguous().t(), b.t().contiguous().t())]:
    out = torch.addmm(bias, m1, m2, beta=0.5, alpha=2.0)
    gs = torch.autograd.grad(out.pow(2).sum(), [bias, m1, m2], create_graph=True)
    print([(g.grad_fn.name(), g.stride(), round(g.sum().item(), 9)) for g in gs])
lin = torch.nn.Linear(4, 2)
lin(a.float()).sum().backward()
print(lin.weight.grad.stride(), lin.weight.grad)
