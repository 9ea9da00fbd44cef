# check-stdout
# Differential-fuzzer finds in index_add / index_select: PyTorch's order of checks and exception
# types (index rank: IndexError; index dtype, self/source dtypes, index count: RuntimeError;
# bounds: IndexError "index out of range in self", except index_select along dim 1 of a tensor of
# 2+ dims, a RuntimeError); a 0-d self or source is its own single slice.
import torch


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__)


x = torch.zeros(3, 2)
e = torch.zeros(0)
z = torch.tensor(0.75)
I = torch.tensor([0])
attempt("a1", lambda: e.index_add(0, I, torch.tensor([0.05], dtype=torch.float64)))
attempt("a2", lambda: x.index_add(0, torch.tensor([5]), torch.ones(1, 2)))
attempt("a3", lambda: x.index_add(0, I.float(), torch.ones(1, 2)))
attempt("a4", lambda: x.index_add(0, torch.tensor([[0]]), torch.ones(1, 2)))
attempt("a5", lambda: x.index_add(2, I, torch.ones(1, 2)))
attempt("a6", lambda: x.index_add(1, I, torch.ones(1, 2)))
attempt("a7", lambda: x.index_add(0, I, torch.ones(2, 2)))
attempt("a8", lambda: x.index_add(0, I, torch.ones(2)))
attempt("a9", lambda: z.index_add(0, I, z))
attempt("a10", lambda: z.index_add(-1, torch.tensor([0, 1, -2]), z))
attempt("a11", lambda: z.index_add(0, torch.tensor([3]), z))
attempt("a12", lambda: z.index_add(0, torch.tensor([0, 0]), torch.ones(2)))
attempt("a13", lambda: x.index_add(0, torch.tensor([2, 0, 2]), torch.arange(6.).reshape(3, 2)))
attempt("s1", lambda: x.index_select(1, torch.tensor([2])))
attempt("s2", lambda: x.index_select(0, torch.tensor([5])))
attempt("s3", lambda: x[0].index_select(0, torch.tensor([5])))
attempt("s4", lambda: x.index_select(0, torch.tensor([-1])))
attempt("s5", lambda: x.index_select(0, torch.tensor([[0]])))
attempt("s6", lambda: torch.zeros(3, 0).index_select(1, torch.tensor([2])))
attempt("s7", lambda: torch.zeros(0, 3).index_select(0, torch.tensor([2])))
attempt("s8", lambda: torch.zeros(2, 3, 4).index_select(2, torch.tensor([7])))
attempt("s9", lambda: torch.zeros(2, 3, 4).index_select(-2, torch.tensor([7])))
attempt("s10", lambda: torch.zeros(3, 2, 1, 0).index_select(3, torch.tensor([0])))
attempt("s11", lambda: torch.zeros(3, 2, 1, 0).index_select(1, torch.tensor([7])))
attempt("s12", lambda: torch.zeros(4).index_select(0, torch.tensor(5)))
attempt("s13", lambda: torch.zeros(0).index_select(0, torch.tensor([0])))
w = torch.tensor([1.0, 2.0], requires_grad=True)
g = z.index_add(0, torch.tensor([0, 0]), w * 3)
g.backward()
