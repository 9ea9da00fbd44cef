# copy_ of a 0-d source into an expanded tensor runs PyTorch's internal-overlap check (RuntimeError);
# setitem's fill of a 0-d value (x[...] = v, x[0] = 5 on an expanded x) goes through fill_, which
# skips it (difffuzz seeds 1201-1250: 5 of 500,000 programs).
import torch

def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__, e)

w = torch.ones(2, 3, requires_grad=True)
g = torch.autograd.grad(w.sum(), [w])[0]
attempt("grad copy_ 0d", lambda: g.copy_(torch.tensor(1)))
attempt("grad copy_ 1d", lambda: g.copy_(torch.tensor([1., 2., 3.])))
e = torch.zeros(3).expand(2, 3)
attempt("copy_ 0d", lambda: e.copy_(torch.tensor(2.)))
e0 = torch.tensor(0.).expand(4)
attempt("copy_ 0d into expanded 0d", lambda: e0.copy_(torch.tensor(5.)))
attempt("copy_ 0d into 1", lambda: torch.tensor(0.).expand(1).copy_(torch.tensor(5.)))
attempt("copy_ 0d into empty", lambda: torch.tensor(0.).expand(0).copy_(torch.tensor(5.)))

def fill_all():
    x = torch.zeros(3).expand(2, 3)
    x[...] = torch.tensor(4.)
    return x
def fill_row():
    x = torch.zeros(3).expand(2, 3)
    x[0] = 5
    return x
def fill_view_grad():
    b = torch.zeros(3, requires_grad=True).clone()
    x = b.expand(2, 3)
    x[:] = torch.tensor(2.)
    return x
attempt("setitem fill", fill_all)
attempt("setitem fill row", fill_row)
attempt("setitem fill view", fill_view_grad)
