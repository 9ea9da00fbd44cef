# check-stdout
# difffuzz (seeds 101-110): mm/bmm/mv skip their kernels, and so the dtype check, for an empty product
# (empty result or contraction of length 0): mixed dtypes then give the dtype of the mm (mat1),
# mv (vec) or bmm (mat2) that PyTorch's matmul and linear call; (2, 2, 0) @ (0, 3) folds to mm.
import torch
import torch.nn.functional as F
def t(f):
  try: r=f(); print(r.shape, r.dtype, r.requires_grad)
  except Exception as e: print(type(e).__name__)
L=torch.int64; D=torch.float64
t(lambda: torch.ones(2,2,3,dtype=L) @ torch.ones(2,3,2,dtype=D))
t(lambda: torch.ones(2,0,3,dtype=L) @ torch.ones(2,3,2,dtype=D))
t(lambda: torch.ones(2,2,3,dtype=L) @ torch.ones(2,3,0,dtype=D))
t(lambda: torch.ones(2,2,0,dtype=L) @ torch.ones(2,0,2,dtype=D))
t(lambda: torch.ones(0,2,3,dtype=L) @ torch.ones(0,3,2,dtype=D))
t(lambda: torch.ones(2,3,dtype=L) @ torch.ones(2,3,2,dtype=D))
t(lambda: torch.ones(0,3,dtype=L) @ torch.ones(3,2,dtype=D))
t(lambda: torch.ones(2,0,dtype=L) @ torch.ones(0,2,dtype=D))
t(lambda: torch.ones(0,dtype=L) @ torch.ones(0,dtype=D))
t(lambda: torch.ones(2,0,dtype=L).mv(torch.ones(0,dtype=D)))
t(lambda: torch.ones(0,3,dtype=L).mv(torch.ones(3,dtype=D)))
t(lambda: torch.ones(2,3).mv(torch.ones(3,dtype=D)))
t(lambda: torch.ones(2,0,dtype=L) @ torch.ones(0,dtype=D))
t(lambda: torch.ones(0,dtype=L) @ torch.ones(0, 2,dtype=D))
t(lambda: torch.ones(0,dtype=L) @ torch.ones(2, 0, 2,dtype=D))
t(lambda: torch.ones(3,dtype=L) @ torch.ones(2, 3, 0,dtype=D))
t(lambda: torch.ones(1,dtype=L) @ torch.ones(2, 1, 0,dtype=D))
t(lambda: torch.ones(2, 0,dtype=L) @ torch.ones(2, 0, 3,dtype=D))
t(lambda: torch.ones(2, 2, 0,dtype=L) @ torch.ones(0, 3,dtype=D))
t(lambda: torch.ones(2, 2, 0,dtype=L) @ torch.ones(0,dtype=D))
t(lambda: torch.ones(0, 2, 3,dtype=L) @ torch.ones(3,dtype=D))
t(lambda: F.linear(torch.zeros(0, 1, 5, requires_grad=True), torch.ones(1,5,dtype=torch.bool)))
t(lambda: F.linear(torch.zeros(0, 5, requires_grad=True), torch.ones(1,5,dtype=torch.bool)))
t(lambda: F.linear(torch.zeros(2, 0, requires_grad=True), torch.ones(3,0,dtype=torch.bool), torch.ones(3)))
t(lambda: torch.mm(torch.zeros(2, 0, requires_grad=True), torch.ones(0,3,dtype=torch.float64)))
t(lambda: torch.bmm(torch.zeros(1,2, 0, requires_grad=True), torch.ones(1,0,3,dtype=torch.float64)))
x = torch.zeros(2, 0, requires_grad=True)
y = torch.mm(x, torch.ones(0,3,dtype=torch.float64)).sum()
y.backward()
print(x.grad)
