# check-stdout
# Differential-fuzzer finds: mse_loss runs on the promoted dtype (a bool/int operand next to a float
# one is converted; two non-float ones are refused by the mse kernel); copy_ (and x[...] = y through
# it) refuses a source partially overlapping the destination (PyTorch assert_no_partial_overlap;
# the same memory with the same strides is allowed).
import torch
import torch.nn.functional as F
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__)
attempt("l1", lambda: F.mse_loss(torch.tensor([1.5]), torch.tensor([True])))
attempt("l2", lambda: F.mse_loss(torch.tensor([True]), torch.tensor([1.5])))
attempt("l3", lambda: F.mse_loss(torch.tensor([True]), torch.tensor([False])))
attempt("l4", lambda: F.mse_loss(torch.tensor([2]), torch.tensor([1])))
attempt("l5", lambda: F.mse_loss(torch.tensor([[-0.4]], dtype=torch.float64), torch.zeros(0, 1, dtype=torch.bool)))
w = torch.tensor([2., 0.5], requires_grad=True)
loss = F.mse_loss(w, torch.tensor([True, False]))

def c1():
    v4 = torch.tensor([True])
    v4[None, ...] = v4
def c2():
    z = torch.arange(4.)
    z[1:3] = z[0:2]
def c3():
    z = torch.arange(4.)
    z[:] = z
    return z
def c4():
    z = torch.arange(4.)
    z.copy_(z.flip(0))
    return z
def c5():
    z = torch.arange(4.)
    z[0:2] = z[2:4]
    return z
def c6():
    z = torch.arange(4.).reshape(2, 2)
    z.copy_(z.t())
    return z
for label, f in [("c1", c1), ("c2", c2), ("c3", c3), ("c4", c4), ("c5", c5), ("c6", c6)]:
    attempt(label, f)
