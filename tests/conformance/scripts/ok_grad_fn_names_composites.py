# check-stdout
# grad_fn names of composites (each named after an op-table row): F.pad modes, split/unbind, lerp,
# matmul/linear by rank and contiguity, nn modules, losses, indexing writes.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.rand(2, 3, 4, requires_grad=True)
m = torch.rand(3, 4, requires_grad=True)
v = torch.rand(4, requires_grad=True)
def n(t):
    return t.grad_fn.name() if t.grad_fn is not None else None
print(n(F.pad(x, (1, 1))), n(F.pad(x, (1, 1), mode='reflect')), n(F.pad(x, (1, 1), mode='replicate')), n(F.pad(x, (1, 1), mode='circular')))
print(n(F.pad(x, (1, 1, 1, 1), mode='reflect')), n(F.pad(x.unsqueeze(0), (1, 1, 1, 1), mode='replicate')))
print([n(t) for t in x.split(2, dim=2)], [n(t) for t in x.split([1, 3], dim=2)], [n(t) for t in x.chunk(2, 2)], [n(t) for t in x.unbind(1)])
print(n(torch.lerp(m, m * 2, 0.3)), n(torch.lerp(m, m * 2, torch.full((3, 4), 0.3))), n(torch.addcdiv(m, m, m + 1)), n(torch.addcmul(m, m, m)))
print(n(m.tril()), n(m.triu(1)), n(m.median()), n(m.median(0)[0]), n(m.kthvalue(2, 1)[0]), n(m.topk(2)[0]), n(m.sort()[0]))
print(n(m.flip(0)), n(m.roll(1)), n(m.roll(1, 0)), n(m.diag()), n(v.dot(v)), n(m.mv(v)), n(m.trace()), n(m.repeat(2, 1)))
print(n(m.masked_select(m > 0.5)), n(m.masked_fill(m > 0.5, 0.0)), n(m.clamp(min=torch.zeros(4))), n(m.clamp_min(0.2)), n(m.clamp_max(0.2)), n(m.square()))
print(n(F.l1_loss(m, m * 2)), n(F.l1_loss(m, m * 2, reduction='sum')), n(F.smooth_l1_loss(m, m * 2)), n(F.binary_cross_entropy(m.sigmoid(), torch.rand(3, 4))))
print(n(m[0]), n(m[[0, 1]]), n(m[m > 0.5]), n(2 - m), n(m.log1p()), n(m.expm1()), n(m.reshape(12)), n(m.t().reshape(12)), n(m.flatten()))
print(n(m @ v), n(v @ m.t()), n(m @ m.t()), n(x @ m.t()), n(F.linear(m, m)), n(F.linear(m, m, v[:3])))
print(n(F.cross_entropy(m, torch.tensor([0, 1, 2]))), n(F.cross_entropy(x, torch.zeros(2, 4, dtype=torch.long))), n(F.cross_entropy(m, torch.rand(3, 4))))
print(n(F.adaptive_avg_pool2d(x, 1)), n(F.adaptive_avg_pool2d(torch.rand(1, 4, 4, requires_grad=True), 2)), n(F.avg_pool2d(x, 2)), n(F.max_pool2d(x, 2)), n(F.gelu(m)), n(F.softmax(m, 1)))
emb = nn.Embedding(5, 3); bn = nn.BatchNorm1d(4); pr = nn.PReLU(); fl = nn.Flatten(); lin = nn.Linear(4, 2); ln = nn.LayerNorm(4)
print(n(emb(torch.tensor([1, 2]))), n(bn(m)), n(pr(m)), n(fl(x)), n(fl(x.transpose(1, 2))), n(lin(m)), n(lin(x)), n(ln(m)))
print(n(nn.MSELoss()(m, m * 2)), n(nn.CrossEntropyLoss()(m, torch.tensor([0, 1, 2]))), n(nn.BCEWithLogitsLoss()(m, torch.rand(3, 4))), n(nn.NLLLoss()(m, torch.tensor([0, 1, 2]))))
lstm = nn.LSTM(4, 3)
o, (h, c) = lstm(x)
print(n(o), n(h), n(c), n(nn.Unflatten(1, (2, 2))(m)), n(nn.Softmax(dim=1)(m)), n(nn.GELU()(m)))
print(n(m.std()), n(m.var(0)), n(m.norm()), n(m.prod(1)), n(m.amax(0)), n(m.max()), n(m.min(0)[0]), n(m.pow(x[0])), n(torch.pow(2.0, m)))
y = m * 1
y[0] = 5
print(n(y))
y2 = m * 1
y2[torch.tensor([0])] = 5.0
print(n(y2), n(m.unsqueeze(0)), n(m.squeeze()), n(m.float()), n(m.double()), n(m.to(torch.float64)))
