# check-stdout
# Differential-fuzzer finds: median propagates NaN (the first NaN of a row, value and index) and of an
# empty tensor is NaN; median(dim) of an empty dim is an IndexError, of bool a kernel error; flatten
# of a 0-d tensor checks its dims; expand_as to the same shape is a new view (not a leaf);
# masked_fill out of place broadcasts x and the mask; F.unfold wants 2-entry sequences.
import torch
import torch.nn.functional as F
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__)
n = float('nan')
x = torch.tensor([[1., n, 3., n, 0.], [4., 2., 3., 1., 0.]], requires_grad=True)
m = torch.median(x, 1)
m2 = torch.median(x)
attempt("md1", lambda: torch.median(torch.zeros(0, 3)))
attempt("md2", lambda: torch.median(torch.zeros(0, 3, dtype=torch.long)))
attempt("md3", lambda: torch.median(torch.zeros(0, 3), 0))
attempt("md4", lambda: torch.median(torch.zeros(0, 3), 1))
attempt("md5", lambda: torch.median(torch.tensor([True, False])))
attempt("md6", lambda: torch.median(torch.tensor([True, False]), 0))
w = torch.zeros(0, 3, requires_grad=True)
mw = torch.median(w)
print(m, m2, mw.requires_grad, mw.grad_fn is not None)
(torch.where(m.values == m.values, m.values, torch.zeros(2)).sum() * 2).backward()
attempt("fl1", lambda: torch.tensor(0.5).flatten(0))
attempt("fl2", lambda: torch.tensor(0.5).flatten(-2))
attempt("fl3", lambda: torch.tensor(0.5).flatten(0, 1))
attempt("fl4", lambda: torch.tensor(0.5).flatten(-1, 0))
v1 = torch.tensor(-0.4, requires_grad=True)
v2 = v1.expand_as(torch.tensor(True))
print(v2.is_leaf, v2.grad_fn is not None)
mf = torch.zeros(2, 1, 0, 3).masked_fill(torch.ones(2, 3, 1, 3, dtype=torch.bool), 3.0)
mf2 = torch.zeros(3).masked_fill(torch.tensor([[True, False, True], [False, False, True]]), 2.0)
attempt("uf1", lambda: F.unfold(torch.zeros(1, 1, 3, 3), [1, 1], stride=[1]))
attempt("uf2", lambda: F.unfold(torch.zeros(1, 1, 3, 3), [1]))
attempt("uf3", lambda: F.unfold(torch.zeros(3), [1, 1], padding=(1, 1, 1)))
