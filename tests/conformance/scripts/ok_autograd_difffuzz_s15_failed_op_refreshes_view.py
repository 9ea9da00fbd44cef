# check-stdout
import torch
# a failing op whose PyTorch autograd wrapper makes its node before the kernel regenerates its
# inputs' stale view nodes: the view is then no leaf, and an in-place op on it is allowed
fs = [None,
      lambda v: v > 0,
      lambda v: torch.bitwise_and(v, v),
      lambda v: torch.masked_fill(v, torch.tensor([True, False, True]), torch.ones(1, requires_grad=True)),
      lambda v: torch.matmul(v, torch.ones(4)),
      lambda v: torch.matmul(torch.ones(4), v),
      lambda v: torch.matmul(v, torch.ones(2, 2))]
for f in fs:
    b = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
    v = b[...]
    b[0:1] = torch.tensor(2.0, requires_grad=True)
    if f is not None:
        try: f(v)
        except Exception as e: print(type(e).__name__)
    try:
        v += 1
        print("ok")
    except Exception as e: print(str(e)[:40])
b = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
v = b.view(2, 2)
b[0:1] = torch.tensor(2.0, requires_grad=True)
try: torch.masked_fill(v, v > 0, v)
except Exception as e: print(type(e).__name__)
v /= torch.tensor(2.0)
print(type(b.grad_fn).__name__, type(v.grad_fn).__name__)
