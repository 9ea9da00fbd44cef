# check-stdout
# Differential-fuzzer finds: in-place ops refuse operands that share memory with the written
# tensor as PyTorch's kernels do: TensorIterator ops (remainder_, bitwise shifts, addcmul_, ...) a
# partial overlap (the same memory, x.op_(x), is fine); scatter_ / scatter_add_ any overlap of
# index or src, after their dim and shape checks. addcmul_/addcdiv_ of a float32 tensor with
# float64 operands trip 1.13's kernel assert (RuntimeError).
import torch


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", tuple(r.shape), str(r.dtype))
    except Exception as e:
        print(label, type(e).__name__)


x = torch.arange(1.0, 7.0)
attempt("r0", lambda: x[1:].remainder_(x[:-1]))
attempt("r1", lambda: x.remainder_(x))
attempt("r2", lambda: x[:3].remainder_(x[3:]))
n = torch.arange(1, 7)
attempt("b0", lambda: n[1:].bitwise_right_shift_(n[:-1]))
attempt("b1", lambda: n[1:].bitwise_right_shift_(n[:-1].clone()))
idx = torch.tensor([0, 1, 0])
s = torch.zeros(5)
attempt("s0", lambda: s.scatter_add_(0, idx, s[:3]))
attempt("s1", lambda: s.scatter_add_(0, idx, s))
attempt("s2", lambda: s.scatter_add_(5, idx, s[:3]))
attempt("s3", lambda: s.scatter_(0, idx, s[1:4]))
attempt("s4", lambda: s.scatter_(0, idx, s[:3].clone()))
k = torch.zeros(4, dtype=torch.int64)
attempt("s5", lambda: k.scatter_(0, k, 1))
f = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
d = torch.tensor([1.0, 2.0], dtype=torch.float64)
attempt("c0", lambda: f.clone().addcdiv_(f, d))
attempt("c1", lambda: f.clone().addcmul_(d, d))
attempt("c2", lambda: f.clone().addcmul_(torch.tensor(2.0, dtype=torch.float64), f))
attempt("c3", lambda: d.clone().addcmul_(f[0], f[1]))
attempt("c4", lambda: torch.tensor([1, 2]).addcmul_(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0])))
attempt("c5", lambda: f.addcmul_(f[0], f[0]))
