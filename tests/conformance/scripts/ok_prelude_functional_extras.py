# check-stdout
# torch.nn.functional / torch.nn / torch names written in the script-language prelude
# (engine/lang/prelude_torch.cpp): values, reprs, and grads flowing through them. Values are
# printed as tensor reprs / rounded floats: composites of other ops (and their backward) match
# PyTorch's fused kernels up to the last float64 bits.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(2, 5, dtype=torch.float64, requires_grad=True)
y = torch.randn(2, 5, dtype=torch.float64)
for f in [F.elu, F.silu, F.softplus, F.mish, F.hardtanh, F.relu6, F.hardswish, F.softsign, F.logsigmoid]:
    out = f(x * 4)
    print(out.detach())
    g, = torch.autograd.grad(out.sum(), x)
    print(g)
print(F.softmin(x, dim=1))
print(F.normalize(x, dim=1), F.normalize(x, p=1.0, dim=0))
print(F.cosine_similarity(x, y), F.pairwise_distance(x, y))
print(round(F.kl_div(F.log_softmax(x, 1), F.softmax(y, 1), reduction='batchmean').item(), 10))
print(round(F.kl_div(F.log_softmax(x, 1), F.log_softmax(y, 1), reduction='sum', log_target=True).item(), 10))
print(round(F.huber_loss(x, y).item(), 10), round(F.huber_loss(x, y, delta=0.5, reduction='sum').item(), 10))
t = torch.tensor([1., -1.], dtype=torch.float64)
print(round(F.margin_ranking_loss(x[:, 0], y[:, 0], t, margin=0.1).item(), 10), round(F.soft_margin_loss(x[:, 0], t).item(), 10))
w = torch.randn(3, 5, 4, dtype=torch.float64)
b = torch.randn(3, dtype=torch.float64)
print(F.bilinear(x, torch.randn(2, 4, dtype=torch.float64), w, b).shape)
mods = [nn.ELU(), nn.ELU(alpha=0.5), nn.SiLU(), nn.Mish(), nn.Hardswish(), nn.Softplus(), nn.Softplus(beta=2, threshold=10),
        nn.Hardtanh(-2, 2), nn.ReLU6(), nn.Softsign(), nn.LogSigmoid(), nn.Softmin(dim=1), nn.Bilinear(5, 4, 3),
        nn.CosineSimilarity(), nn.PairwiseDistance(), nn.KLDivLoss(reduction='batchmean'), nn.HuberLoss(),
        nn.MarginRankingLoss(), nn.SoftMarginLoss()]
print(nn.Sequential(*mods))
print(isinstance(mods[0], nn.Module), type(mods[0]).__name__)
print(nn.Hardtanh(-2, 2)(x * 3).detach())  # grad_fn: PyTorch's HardtanhBackward0, here ClampBackward1
# torch.* extras
print(torch.is_tensor(x), torch.is_tensor([1]))
print(torch.isnan(torch.tensor([1., float('nan')])))
print(torch.take(torch.tensor([[4, 3, 5], [6, 7, 8]]), torch.tensor([0, 2, 5])))
print(torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), 2), torch.tensor([1, 2, 3]).repeat_interleave(2))
print(torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), torch.tensor([1, 2]), dim=0))
print(torch.repeat_interleave(torch.tensor([1, 2, 3])))
print(torch.cumprod(torch.tensor([1, 2, 3, 4]), 0), x.cumprod(1).detach())
g, = torch.autograd.grad(torch.cumprod(x, 1).sum(), x)
print(g)
print([round(torch.dist(x, y, p).item(), 10) for p in (2, 3.5, 0, 1)])
print(torch.cdist(x, y).detach(), torch.cdist(x, y, p=1).detach())
gx, gy = torch.meshgrid(torch.tensor([1, 2, 3]), torch.tensor([4, 5]), indexing='ij')
print(gx, gy)
gx, gy = torch.meshgrid(torch.tensor([1, 2, 3]), torch.tensor([4, 5]), indexing='xy')
print(gx, gy)
print(torch.cartesian_prod(torch.tensor([1, 2]), torch.tensor([3, 4, 5])))
print(torch.dstack([torch.tensor([1, 2]), torch.tensor([3, 4])]).shape, torch.dstack([torch.ones(2, 3), torch.zeros(2, 3)]).shape)
# einsum (string and sublist formats, ellipsis, diagonals, implicit output)
A = torch.randn(3, 2, 5, dtype=torch.float64)
B = torch.randn(3, 5, 4, dtype=torch.float64)
print(torch.einsum('bij,bjk->bik', A, B))
print(torch.einsum(A, [..., 0, 1], B, [..., 1, 2], [..., 0, 2]).shape)
print(torch.einsum('ii', torch.arange(9.).reshape(3, 3)), torch.einsum('ii->i', torch.arange(9.).reshape(3, 3)))
print(torch.einsum('i,j->ij', torch.arange(3.), torch.arange(2.)), torch.einsum('ij', torch.ones(2, 3)).shape)
print(torch.einsum('ji', torch.arange(6.).reshape(2, 3)), torch.einsum('...ij->...ji', torch.randn(2, 3, 4, 5)).shape)
print(torch.einsum('bn,anm,bm->ba', x, torch.randn(3, 5, 4, dtype=torch.float64), torch.randn(2, 4, dtype=torch.float64)).shape)
g, = torch.autograd.grad(torch.einsum('ij,ij->', x, y), x)
print(g)
