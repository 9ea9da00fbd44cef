# check-stdout
# Integer dtypes in reductions (sum/prod/cumsum promote to int64), comparisons, indexing with
# them as values, index_put_/+= on them (makemore's bigram counts), division to float, masks,
# max/min/argmax, matmul, where, clamp, abs and sign.
import torch
N = torch.zeros((5, 5), dtype=torch.int32)
for a, b in [(0, 1), (1, 2), (0, 1), (4, 4), (2, 3)]:
    N[a, b] += 1
print(N, N[0], N.sum(), N.sum(1), N.sum(0, keepdim=True), N.max(), N.argmax(), N.float().sum())
P = (N + 1).float()
P /= P.sum(1, keepdims=True)
print(P)
for d in [torch.uint8, torch.int8, torch.int16, torch.int32]:
    x = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=d)
    print(x.sum(), x.sum(dim=1), x.prod(), x.cumsum(0), x.max(), x.min(dim=0), x.argmax(), x.float().mean())
    print(x > 2, x == torch.tensor([1, 5, 0]), x != 3, x / 2, x // 2, x % 4, x * x, x - x, x ** 2, x.abs(), x.sign())
    print(x[x > 2], x[0], x[:, 1], x[[0, 1], [2, 0]], x.t(), x.reshape(-1), x.flatten(), x.clamp(2, 5), x.clamp(min=2.5))
    print(torch.where(x > 3, x, torch.zeros_like(x)), x.sort(descending=True).values, x.topk(2).values, torch.maximum(x, x.flip(0)))
    print(x.matmul(x.t()), x.index_select(1, torch.tensor([0, 2])), x.gather(1, torch.tensor([[0], [1]])), x.masked_fill(x > 4, 0))
    y = x.clone()
    y[0, 0] = 9
    y[1] = torch.tensor([7, 8, 9])
    y[y > 8] = 1
    y += 2
    y *= 3
    print(y, y.tolist(), y[1, 2].item(), float(y[0, 0]), int(y[0, 1]))
u = torch.tensor([1, 0, 1], dtype=torch.uint8)
v = torch.tensor([10., 20., 30.])
print(v[u.bool()], v[torch.tensor([True, False, True])], torch.tensor([2, 0], dtype=torch.int32).float(), torch.tensor([5], dtype=torch.uint8) / torch.tensor([2], dtype=torch.uint8))
idx = torch.tensor([2, 0])
print(torch.tensor([10, 20, 30], dtype=torch.int16)[idx], torch.tensor([[1, 2], [3, 4]], dtype=torch.int8)[idx[1]])
emb = torch.zeros(4, 2, dtype=torch.uint8)
emb[torch.tensor([1, 3])] = 5
emb[torch.tensor([0]), torch.tensor([1])] = torch.tensor(7, dtype=torch.uint8)
print(emb, emb.sum(), emb.sum().dtype, emb.prod(dim=1).dtype, torch.sum(emb, dim=0, dtype=torch.int8))
