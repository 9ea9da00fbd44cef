# check-stdout
# Differential-fuzzer finds: index tensors that do not broadcast together, or index a dim of size 0,
# are IndexErrors checked before the value (PyTorch make_info / AdvancedIndex); tril/triu of an empty
# 1-d tensor return it; cross_entropy with an integer target of the input shape wants class
# probabilities (float); torch.max_pool2d has no return_indices (F.max_pool2d has).
import torch
import torch.nn.functional as F
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__)
z = torch.zeros(0, 2, dtype=torch.bool)
def s1():
    z[torch.tensor([2, 1, 2])] = torch.zeros(3, 2)
def s2():
    y = torch.zeros(3, 2)
    y[torch.tensor([0, 1, 2]), torch.tensor([[0], [1]])] = 1.0
def s3():
    y = torch.zeros(3, 2)
    y[torch.tensor([0, 1, 2]), torch.tensor([0, 1])] = 1.0
for label, f in [("s1", s1), ("s2", s2), ("s3", s3)]:
    attempt(label, f)
attempt("g1", lambda: torch.zeros(0, 0)[torch.tensor([5])].shape)
attempt("g2", lambda: torch.zeros(3, 2)[torch.tensor([0, 1, 2]), torch.tensor([0, 1])])
attempt("g3", lambda: torch.zeros(3, 2)[torch.tensor([0, 1, 2]), torch.tensor([], dtype=torch.long)])
attempt("t1", lambda: torch.tril(torch.zeros(0)))
attempt("t2", lambda: torch.tril(torch.zeros(3)))
attempt("t3", lambda: torch.tril(torch.zeros(())))
attempt("t4", lambda: torch.triu(torch.zeros(0), 5))
attempt("c1", lambda: F.cross_entropy(torch.zeros(3), torch.tensor([1, 0, 0])))
attempt("c2", lambda: F.cross_entropy(torch.zeros(3), torch.tensor([0.2, 0.3, 0.5])))
attempt("c3", lambda: F.cross_entropy(torch.zeros(1), torch.tensor([1])))
attempt("c4", lambda: F.cross_entropy(torch.zeros(2, 3), torch.zeros(2, 3, dtype=torch.long)))
attempt("c5", lambda: F.cross_entropy(torch.zeros(3), torch.tensor(1)))
x = torch.arange(16.).reshape(1, 1, 4, 4)
attempt("m1", lambda: torch.max_pool2d(x, 2, return_indices=True))
attempt("m2", lambda: torch.max_pool2d(x, 2, stride=None).shape)
attempt("m3", lambda: F.max_pool2d(x, 2, return_indices=True)[1].shape)
