# check-stdout
# Differential-fuzzer finds in avg_pool2d / max_pool2d: PyTorch checks the argument lengths, then
# the input's dims (avg_pool2d: IndexError below 3 dims), then the shapes, and the dtype last in
# its kernel: avg_pool2d has an int64 kernel (window sum / divisor, truncated toward zero),
# max_pool2d none.
import torch
import torch.nn.functional as F


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__)


L = torch.tensor([[[[-5, 0, 3, 7], [0, 0, 2, 9], [1, -7, 4, 4]], [[2, 2, 2, 3], [-1, -1, 5, 6], [0, 0, 0, 1]]]])
ai = F.avg_pool2d(L, 2)
ai2 = F.avg_pool2d(L, 2, 1, 1)
ai3 = F.avg_pool2d(L[0], [2, 3], divisor_override=4)
ai4 = F.avg_pool2d(L, 3, 1, 1, count_include_pad=False)
attempt("a1", lambda: F.avg_pool2d(L.bool(), 2))
attempt("a2", lambda: F.avg_pool2d(L[0, 0], 2))
attempt("a3", lambda: F.avg_pool2d(L.bool()[0, 0], 5))
attempt("a4", lambda: F.avg_pool2d(L, 5))
attempt("a5", lambda: F.avg_pool2d(L.float()[0, 0, 0], []))
attempt("a6", lambda: F.avg_pool2d(L.float()[0, 0], [2, 2, 2]))
attempt("a7", lambda: F.avg_pool2d(L.bool(), 7))
attempt("m1", lambda: F.max_pool2d(L, 2))
attempt("m2", lambda: F.max_pool2d(L.bool(), 2))
attempt("m3", lambda: F.max_pool2d(L[0, 0], 2))
attempt("m4", lambda: F.max_pool2d(L.bool()[0, 0], 5))
attempt("m5", lambda: F.max_pool2d(L, 7))
print(ai, ai2, ai3, ai4)
