# check-stdout
# Differential-fuzzer find: a boolean mask of k dims moves PyTorch's indexing position on by one
# dim only (applySlicing): the items after it (None, ints, slices) are placed as if it consumed one
# dim, and its k dims are matched against the view from its position afterwards (IndexError "The
# shape of the mask ... does not match ...").
import torch


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", tuple(r.shape))
    except Exception as e:
        print(label, type(e).__name__)


a = torch.arange(24.0).reshape(2, 3, 4)
m = torch.tensor([[True, False, True], [False, True, True]])
z = torch.zeros(0, 0, 3)
attempt("m0", lambda: z[None, z > 0, None])
attempt("m1", lambda: z[None, z > 0])
attempt("m2", lambda: z[z > 0, None])
attempt("m3", lambda: a[m])
attempt("m4", lambda: a[None, m])
attempt("m5", lambda: a[m, 0])
attempt("m6", lambda: a[m, :, 0])
attempt("m7", lambda: a[m, None])
attempt("m8", lambda: a[None, m, None])
attempt("m9", lambda: torch.zeros(2, 3)[None, torch.zeros(2, 3).bool(), None])
b = torch.arange(48.0).reshape(2, 3, 4, 2)
r1 = b[m, :, 1]
r2 = a[..., None, torch.tensor([True, False, True, False])]
r3 = a[m, torch.tensor([0, 3, 1, 2])]
