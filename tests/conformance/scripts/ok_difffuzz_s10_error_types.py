# Exception types that PyTorch raises before its kernels: F losses read target.size() first,
# max/min(None) bind to the named-dimension overload, nll_loss reads a 0-d target's batch size
# as 0, number ** int tensor converts the number with a range check.
import torch
import torch.nn.functional as F
x = torch.ones(2)
for f in [lambda: F.mse_loss(x, None), lambda: F.mse_loss(None, x), lambda: F.l1_loss(x, 3),
          lambda: F.smooth_l1_loss(2, x), lambda: F.binary_cross_entropy(x, None),
          lambda: x.max(None), lambda: torch.min(x, None), lambda: x.max(dim=None), lambda: x.max(None, keepdim=True),
          lambda: x.max(other=None)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, str(e)[:40])
t = torch.tensor(1)
for s in [(0, 0), (0, 3), (1, 3), (2, 3, 4), (0, 2, 3), (1, 2, 3), (0, 2, 2, 2), (1, 2, 2, 2), (2, 3, 4, 5, 6)]:
    for name, f in [('nll_loss', F.nll_loss), ('cross_entropy', F.cross_entropy)]:
        try:
            print(f(torch.zeros(*s), t))
        except Exception as e:
            print(s, name, type(e).__name__, str(e).split('\n')[0])
for s, tg in [((2, 3, 4), torch.zeros(2, 5, dtype=torch.int64)), ((2, 3, 4, 5), torch.zeros(2, 4, 6, dtype=torch.int64))]:
    try:
        print(F.nll_loss(torch.zeros(*s), tg))
    except Exception as e:
        print(type(e).__name__, str(e).split('\n')[0])
for v, d in [(300, torch.uint8), (-1, torch.uint8), (2**31, torch.int32), (200, torch.int8), (1e39, torch.float32)]:
    try:
        print(v ** torch.tensor(1, dtype=d))
    except Exception as e:
        print(type(e).__name__, str(e).split('\n')[0])
try:
    print(torch.max(None, None))
except Exception as e:
    print(type(e).__name__, str(e)[:40])
