# zeros_like / ones_like / full_like / empty_like (preserve_format) keep a non-overlapping and
# dense input's strides (a size-1 dim's too), else its dims' order: x[None] = x then passes or
# fails PyTorch 1.13's overlap check as PyTorch does
import torch
w = torch.tensor([[[-1.72]]], dtype=torch.float64, requires_grad=True)
g = torch.autograd.grad(w.sum(), [w])[0]
z = torch.zeros_like(g)
print(g.stride(), z.stride(), z[None].stride())
z[None] = z
print(z)
c = torch.zeros(1, 1, 1)
try:
    c[None] = c
except RuntimeError as e:
    print('RuntimeError', str(e)[:60])
x = torch.arange(24.).reshape(2, 3, 4).permute(2, 0, 1)
y = torch.arange(24.).reshape(2, 3, 4)[:, :, ::2].permute(2, 0, 1)
for t in (torch.zeros_like(x), torch.ones_like(y), torch.full_like(x, 2), torch.empty_like(x).zero_(),
          torch.zeros_like(x, dtype=torch.int64), torch.ones_like(torch.tensor(1.).expand(2, 1, 3))):
    print(t.stride(), t.is_contiguous(), t._is_view(), t.sum().item())
o = torch.ones_like(x)
o.add_(x)
print(o.tolist())
print(o.stride(), (o * 2).sum().item(), o.contiguous().view(-1)[:5].tolist())
torch.manual_seed(3)
print(torch.zeros_like(x).normal_().tolist()[0])
print(torch.zeros_like(x).random_(0, 10).tolist()[1])
