# check-stdout
# add/sub with alpha: one fused multiply-add per element as PyTorch's kernel (its bits), one node.
import torch
torch.manual_seed(0)
p = torch.randn(37)
g = torch.randn(37)
print(p.add(g, alpha=-0.0123).tolist())
print(torch.sub(p, g, alpha=0.37).tolist())
q = p.clone(); q.add_(g, alpha=1e-3); print(q.tolist())
w = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
b = torch.randn(4, requires_grad=True)
y = torch.add(w, b, alpha=2.5)
print(y.grad_fn.name(), y.dtype)
y.sum().backward()
print(w.grad, b.grad)
i = torch.tensor([1, 2, 3])
print(i.add(i, alpha=2), torch.sub(i, 1, alpha=3))
print(torch.add(torch.tensor([1.5, 2.0]), 3, alpha=0.1).tolist())
