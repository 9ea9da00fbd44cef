# check-stdout
# Differential-fuzzer finds: clamp with two tensor bounds has no bool kernel (one bound: the
# maximum/minimum kernels, which do); argmax/argmin check an empty input first and dispatch on the
# dtype only for a non-empty result (bool: RuntimeError); F.softmax / F.log_softmax of a
# non-tensor: AttributeError ('dim' without dim, else the method's name).
import torch
import torch.nn.functional as F


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", tuple(r.shape), str(r.dtype))
    except Exception as e:
        print(label, type(e).__name__)


b = torch.tensor([True, False])
attempt("c0", lambda: torch.clamp(b, b, b))
attempt("c1", lambda: torch.clamp(b, min=b))
attempt("c2", lambda: torch.clamp(b, max=torch.tensor(1)))
attempt("c3", lambda: b.clone().clamp_(min=b))
attempt("c4", lambda: b.clone().clamp_(b, b))
attempt("a0", lambda: torch.argmin(b))
attempt("a1", lambda: torch.argmax(b, 0))
attempt("a2", lambda: torch.argmax(torch.zeros(0, dtype=torch.bool), 0))
attempt("a3", lambda: torch.argmax(torch.zeros(0, dtype=torch.bool)))
attempt("a4", lambda: torch.argmin(torch.zeros(0, 2, dtype=torch.bool), 1))
attempt("s0", lambda: F.softmax(None, 0))
attempt("s1", lambda: F.softmax(None))
attempt("s2", lambda: F.log_softmax(None, 1))
attempt("s3", lambda: torch.softmax(None, 0))
