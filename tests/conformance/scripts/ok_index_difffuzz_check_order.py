# check-stdout
# Differential-fuzzer finds: which check fails first, as in PyTorch 1.13 (exception types):
# x.size(None) binds to the named-dim overload (RuntimeError); Tensor.unflatten refuses empty
# sizes before wrapping dim, torch.unflatten wraps first; F.binary_cross_entropy_with_logits
# calls target.size() (AttributeError on None); std/var check the dtype before the dims; amax
# with an empty input checks each dim's size in order (IndexError) before duplicates;
# avg_pool2d checks divisor_override != 0 before reading dim -3.
import torch
import torch.nn.functional as F


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r if isinstance(r, (int, tuple)) else tuple(r.shape))
    except Exception as e:
        print(label, type(e).__name__)


x = torch.zeros(2, 1)
s = torch.zeros(())
attempt("s0", lambda: x.size(None))
attempt("s1", lambda: x.size(dim=None))
attempt("s2", lambda: len(x.size()))
attempt("s3", lambda: x.size(-1))
v = torch.zeros(3)
attempt("u0", lambda: v.unflatten(-2, []))
attempt("u1", lambda: torch.unflatten(v, -2, []))
attempt("u2", lambda: torch.unflatten(v, 0, []))
attempt("u3", lambda: s.unflatten(-1, [1, 1]))
attempt("u4", lambda: torch.unflatten(s, 1, []))
attempt("u5", lambda: v.unflatten(0, [3, 1]))
attempt("b0", lambda: F.binary_cross_entropy_with_logits(v, None))
attempt("b1", lambda: F.binary_cross_entropy_with_logits(None, v))
attempt("b2", lambda: F.binary_cross_entropy_with_logits(v, torch.zeros(2)))
i = torch.tensor([1, 2])
attempt("d0", lambda: torch.std(i, 2))
attempt("d1", lambda: torch.var(i, -2))
attempt("d2", lambda: i.std(dim=-2, correction=0))
z = torch.zeros(0, 3)
attempt("a0", lambda: torch.amax(z, [0, 0]))
attempt("a1", lambda: torch.amax(z, [1, 1]))
attempt("a2", lambda: torch.amax(z, [1, 0]))
attempt("a3", lambda: torch.amin(z, [1]))
attempt("a4", lambda: torch.amax(z))
attempt("a5", lambda: torch.amax(z, [5]))
attempt("p0", lambda: F.avg_pool2d(torch.zeros(2, 2), 1, divisor_override=0))
attempt("p1", lambda: F.avg_pool2d(torch.zeros(2, 2), 1))
