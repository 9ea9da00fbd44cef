# check-stdout
# Differential-fuzzer find: torch.cat skips 1-d empty tensors (shape [0], PyTorch's legacy rule):
# they neither wrap `dim` nor have to match the other shapes; all of them: the first one's shape,
# `dim` unchecked. Their gradient is zeros(0).
import torch


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", tuple(r.shape))
    except Exception as e:
        print(label, type(e).__name__)


e = torch.zeros(0, requires_grad=True)
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = torch.cat([e, x, e], dim=-2)
z = torch.cat([x, e], 1)
w = torch.cat([e, e], dim=5)
attempt("c0", lambda: torch.cat([e, x], dim=-2))
attempt("c1", lambda: torch.cat([e, e], dim=-7))
attempt("c2", lambda: torch.cat([x, e], dim=2))
attempt("c3", lambda: torch.cat([e, torch.tensor(1.0)]))
attempt("c4", lambda: torch.cat([e.long(), x], 0))
(y.sum() * 2 + z.sum() + w.sum()).backward()
print(y.dtype == torch.float32, w.dtype == torch.float32)
