# check-stdout
# Differential-fuzzer finds: fill_/full/full_like convert the number with PyTorch's overflow check
# (shared with x[i] = number); argmin/argmax over an empty dim are IndexErrors; kthvalue and the dot of
# bool vectors are refused, the dot of two dtypes too; linspace(..., 0, dtype=torch.bool) is empty.
import torch
def attempt(l, fn):
    try:
        print(l, 'ok', fn())
    except Exception as e:
        print(l, type(e).__name__)
b = torch.tensor([True, False])
f = torch.tensor([1., 2.])
attempt('kv', lambda: b.kthvalue(1))
attempt('d1', lambda: b @ b)
attempt('d2', lambda: f @ torch.tensor([1, 2]))
attempt('d3', lambda: torch.tensor([1, 2]) @ torch.tensor([1, 2]))
attempt('am', lambda: torch.zeros(0, 3).argmin(0))
attempt('am2', lambda: torch.zeros(0, 3).argmin(1))
attempt('am3', lambda: torch.zeros(0, 3).argmax())
attempt('am4', lambda: torch.zeros(0, 3).argmax(0, keepdim=True))
attempt('ls', lambda: torch.linspace(0, 1, 3, dtype=torch.bool))
attempt('ls2', lambda: torch.linspace(0, 1, 0, dtype=torch.bool))
attempt('fl', lambda: torch.zeros(2, dtype=torch.uint8).fill_(-2.38))
attempt('fl2', lambda: torch.zeros(0, dtype=torch.uint8).fill_(300))
attempt('fl3', lambda: torch.full_like(torch.zeros(2, dtype=torch.uint8), -1))
attempt('fl4', lambda: torch.full((2,), 300, dtype=torch.uint8))
attempt('fl5', lambda: torch.zeros(2).fill_(1e39))
attempt('fl6', lambda: torch.zeros(2, dtype=torch.uint8).fill_(-1))
attempt('fl7', lambda: torch.full((2,), float('nan'), dtype=torch.int64))
attempt('fl8', lambda: torch.full_like(torch.zeros(2, dtype=torch.int8), 127.5))
