# check-stdout
# Differential-fuzzer finds: any/all of empty tensors and along empty dims (False / True, as
# PyTorch; they failed in amax/amin); softmax/log_softmax of empty tensors, their dim checked
# before the dtype (IndexError first), PyTorch's kernel message for an integer input, and dtype=.
import torch
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__)
e = torch.zeros(0); e2 = torch.zeros(2, 0); e3 = torch.zeros(0, 3)
attempt("a1", lambda: e.all())
attempt("a2", lambda: e.any())
attempt("a3", lambda: e2.all(1))
attempt("a4", lambda: e2.any(1))
attempt("a5", lambda: e3.all(0))
attempt("a6", lambda: e3.all(1))
attempt("a7", lambda: e3.any(1, keepdim=True))
attempt("a8", lambda: e2.all(0))
attempt("a9", lambda: torch.zeros(0, dtype=torch.long).all())
attempt("a10", lambda: e2.bool().any(-1))
attempt("s1", lambda: torch.softmax(e2, 1))
attempt("s2", lambda: torch.softmax(e2, 0))
attempt("s3", lambda: torch.log_softmax(e3, 0))
attempt("s4", lambda: torch.log_softmax(e3, 1))
attempt("s5", lambda: torch.softmax(torch.tensor([True, False]), 0))
attempt("s6", lambda: torch.softmax(torch.tensor([True, False]), 0, dtype=torch.float32))
attempt("s7", lambda: torch.softmax(torch.tensor([1, 2]), 0))
attempt("s8", lambda: torch.softmax(torch.tensor([True, False]), 1))
attempt("s9", lambda: torch.log_softmax(torch.tensor([1, 2], dtype=torch.uint8), 1))
attempt("s10", lambda: torch.nn.functional.softmax(torch.tensor([1, 2]), 0, dtype=torch.float64))
attempt("s11", lambda: torch.softmax(torch.tensor([1., 2]), 0, dtype=torch.int64))
x = torch.tensor([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0]], requires_grad=True)
y = torch.softmax(x, 1, dtype=torch.float64)
z = x.log_softmax(0, dtype=torch.float64)
(y * torch.arange(3.)).sum().backward()
q = torch.softmax(torch.zeros(2, 0, requires_grad=True), 1)
