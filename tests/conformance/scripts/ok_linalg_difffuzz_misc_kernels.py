# check-stdout
# Differential-fuzzer finds: torch.sub / - refuses a bool tensor on the float alpha path too;
# diag of a matrix with a diagonal beyond [-rows, cols] fails as PyTorch's size computation
# (RuntimeError); uint8 @ uint8 stays uint8 (wrapping); std of float32 accumulates in double (a
# variance beyond float's range has a finite root); linspace(-0.0, b, 1) is [-0.0].
import torch


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", tuple(r.shape), str(r.dtype))
    except Exception as e:
        print(label, type(e).__name__)


v3 = torch.tensor([-0.0, -0.67, -2.710]) >= 0
attempt("s0", lambda: torch.sub(v3, 0.1, alpha=-float('inf')))
attempt("s1", lambda: torch.sub(v3, 0.1))
attempt("s2", lambda: torch.sub(torch.tensor([1.0]), v3, alpha=2.0))
m = torch.ones(2, 3)
for k in [-3, -2, 2, 3, 4]:
    attempt("d" + str(k), lambda: torch.diag(m, k))
attempt("d1x1", lambda: torch.diag(torch.tensor([[-1.8]]), -3))
u = torch.tensor([2, 9, 5, 6], dtype=torch.uint8)
mu = u @ u
mm = torch.tensor([[2, 9]], dtype=torch.uint8) @ torch.tensor([[200], [90]], dtype=torch.uint8)
v1 = torch.tensor([[1.980, -0.7, 3.0, -0.980], [1.99, 2.210, -2.8, 3e38]], requires_grad=True)
sd = v1.std(None)
sd1 = v1.std(1)
ls = torch.linspace(-0.0, 0.860, 1)
