# PyTorch 1.13's bmm of under 400 multiplications per batch is its own loop: each element a sum
# of separately rounded products in order (no fused multiply-add, no GEMM blocking), so
# 1.8f * 3e38f overflows to inf and inf + -inf gives NaN.
import torch
a = torch.tensor([[[1.190, 0.0, 1.96, -0.9, -2.480], [-1.730, 1.380, 0.080, -0.800, 0.0],
                   [-1.6, -1.230, -1.82, -0.0, 1.140], [-0.07, -2.3, float('inf'), 1.8, 3e38],
                   [2.38, -0.170, float('inf'), -1.58, -1.65]]])
print((a @ a).tolist(), torch.bmm(a, a).tolist(), torch.matmul(a, a).tolist())
torch.manual_seed(0)
p = torch.randn(3, 4, 6)
q = torch.randn(3, 6, 5)
print(torch.bmm(p, q).tolist(), torch.bmm(p.double(), q.double()).tolist())
print(torch.bmm(q.transpose(1, 2), p.transpose(1, 2)).tolist())
w = torch.randn(2, 3, 4, requires_grad=True)
v = torch.randn(2, 4, 2, requires_grad=True)
y = w @ v
y.sum().backward()
print(y.tolist(), w.grad.tolist(), v.grad.tolist())
r_inf, r_small, r_small64 = a @ a, torch.bmm(p, q), torch.bmm(p.double(), q.double())
