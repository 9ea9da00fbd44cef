# check-stdout
# An in-place elementwise op whose self overlaps itself (an unfold with overlapping windows) or whose
# input is another view of self's memory: PyTorch's overlap checks call these too hard to tell and let
# them through, and its kernel writes element after element, each reading what the ones before left
# (an element shared by two windows gets the op twice; x *= x[:, 1] sees row 0's new column 1)
import torch
import torch.nn.functional as F
# difffuzz seed 1325: v2 *= v3 with v3 = v2[..., -1] (signed zeros after ceil_)
v2 = torch.tensor([[-2.90, 1.16], [-1.190, 0.080]])
v3 = v2[..., -1]
v3 /= -3
torch.ceil_(v2)
v2 /= 1.11
v2 *= v3
print(v2.tolist(), v3.tolist())
# difffuzz seed 1343: remainder_ and cos_ on overlapping windows
a = torch.tensor([[[2.52, -2.570, -2.70, 0.53, float('nan')]]])
w = a.unfold(2, 3, 2)
w.remainder_(2)
torch.cos_(w)
print(a.tolist())
x = torch.arange(16.).reshape(4, 4) - 5
x += x[:, 0:1]
print(x.tolist())
z = torch.arange(12.).reshape(3, 4) / 7
z.mul_(z[:, 1:2])
print(z.tolist())
w = torch.arange(10.) / 3
u = w.unfold(0, 4, 2)
u.add_(1)
print(w.tolist())
u.exp_()
u.clamp_(max=3.0)
u.pow_(2)
print(w.tolist())
v = torch.arange(10.) / 3
uv = v.unfold(0, 4, 2)
uv.sub_(uv[:, :1])
print(v.tolist())
e = torch.arange(10.) / 3 - 2
F.elu(e.unfold(0, 4, 2), inplace=True)
print(e.tolist())
m = torch.arange(10)
m.unfold(0, 4, 2).mul_(2)
print(m.tolist())
h = torch.arange(10.) / 3
hu = h.unfold(0, 4, 2)
hu.atan2_(hu[:, 1:2])
print(h.tolist())
# no overlap: the usual result
k = torch.arange(12.).reshape(3, 4)
k[:, ::2].mul_(k[:, 1::2])
print(k.tolist())
# the result must still fit self (difffuzz seed 1325 #2948)
b = torch.arange(10.).reshape(2, 1, 5)
try:
    b.remainder_(b[..., 0])
except RuntimeError as e:
    print('RuntimeError', e)
print(b.tolist())
