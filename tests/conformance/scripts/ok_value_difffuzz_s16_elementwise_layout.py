# Elementwise results keep a permuted / transposed input's memory order (TensorIterator's output
# layout): stride(), is_contiguous(), the order random_ / normal_ fill them, PyTorch 1.13's overlap
# check of x[None] = x; values and gradients unchanged; masked_fill / tril / contiguous stay row-major
import torch
import torch.nn.functional as F
torch.manual_seed(7)
v1 = torch.tensor([[[0.83, -0.810, -0.10], [-2.040, -2.740, -2.720], [-1.480, 0.6, -0.73]]], dtype=torch.float64)
v3 = v1.transpose(1, -1)
v5 = torch.round(v3)
print(v5.stride(), v5.is_contiguous())
try:
    v5[None] = v5
except RuntimeError as e:
    print('RuntimeError', str(e)[:60])
c = torch.round(v1)
c[None] = c
print(c.tolist())
x = (torch.arange(24.).reshape(2, 3, 4) - 10).permute(2, 0, 1)
i = torch.arange(24).reshape(2, 3, 4).permute(2, 0, 1)
results = {
    'neg': -x, 'exp': x.exp(), 'add': x + 1, 'radd': 1 + x, 'mul': x * x, 'sub_alpha': torch.sub(x, x, alpha=2),
    'eq': x == 1, 'where': torch.where(x > 0, x, 0.), 'clamp': x.clamp(-1, 1), 'pow': x ** 2, 'relu': F.relu(x),
    'acos_int': torch.acos(i), 'floor_divide': i // 3, 'double': x.double(), 'long': x.long(), 'clone': x.clone(),
    'trunc': x.trunc(), 'sign': x.sign(), 'masked_fill': x.masked_fill(x > 0, 1.), 'tril': x.tril(),
    'contiguous': (x + 1).contiguous(), 'sum': x.sum(0), 'bcast': x * torch.ones(4, 1, 1),
}
for k, r in results.items():
    print(k, r.stride(), r.is_contiguous(), r.sum().item())
n = torch.nonzero(torch.tensor([[True, False, True], [False, True, True]]))
a = torch.acos(n)
print(n.stride(), a.stride(), a.is_contiguous(), a.true_divide_(-0.53).is_contiguous())
e = torch.eq(n[None], torch.tensor(True))
print(e.stride(), e.random_().tolist())
print((x * 1.0).normal_().tolist()[1])
print((x + 0).random_(0, 100).tolist()[2])
print(torch.sin(x).uniform_().tolist()[3])
# autograd through permuted results, in-place ops on them
w = torch.randn(3, 4, dtype=torch.float64).t().requires_grad_()
y = w.exp()
z = y * w.sigmoid() + w.tanh()
print(z.stride())
z.sum().backward()
print([[round(v, 9) for v in row] for row in w.grad.tolist()])
q = torch.randn(3, 4).t().requires_grad_()
r = q.exp()
r.add_(1)
try:
    r.sum().backward()
except RuntimeError as err:
    print('RuntimeError', str(err)[:70])
s = (q * 2)
s[0] = 5
s.sum().backward()
print(q.grad.tolist())
print(s.view(-1).tolist() if s.is_contiguous() else s.reshape(-1).tolist())
# a saved result (exp, tanh, sigmoid) in the input's layout; backward reads it stride-aware
t = torch.randn(3, 4, dtype=torch.float64).t().requires_grad_()
ys = [t.exp(), t.tanh(), t.sigmoid(), F.relu(t), t.sqrt()]
print([y.stride() for y in ys])
sum(y.nansum() for y in ys).backward()
print([[round(v, 9) for v in row] for row in t.grad.tolist()])
y = t.exp()
y.mul_(2)
try:
    y.sum().backward()
except RuntimeError as err:
    print('RuntimeError', str(err)[:70])
