import torch
# PyTorch's SgnBackward0 saves self and result (its formula never reads them for a real input),
# so a second backward through a freed one fails; MaskedSelectBackward0 saves self and mask, so
# an in-place change of either fails the backward. (Each backward reaches a fresh leaf: sgn's
# gradient is a ZeroTensor in PyTorch, which a second accumulation into .grad refuses.)
def t(f):
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__, str(e)[:40])
def leaf():
    return torch.tensor([0.5, -2.0, 0.0], dtype=torch.float64, requires_grad=True)
x1, x2, x3 = leaf(), leaf(), leaf()
y = x1.sgn() * x2
t(lambda: y.sum().backward())
t(lambda: (y * x3).sum().backward())
z = (x2 * 1).sgn()
t(lambda: z.sum().backward())
t(lambda: z.float().sum().backward())
w = (x3 * 1).sgn()
t(lambda: w.sum().backward(retain_graph=True))
del x1, x2, x3, y, z, w  # (their .grad may be a ZeroTensor, which PyTorch cannot list)
a = torch.tensor([2.9, -1.0, 3.5], requires_grad=True)
b = a.trunc()
s = torch.masked_select(b, b > 0)
b.remainder_(-4)
t(lambda: s.sum().backward())
m = a > 0
s2 = torch.masked_select(a * 1, m)
m[0] = False
t(lambda: s2.sum().backward())
s3 = torch.masked_select(a * 2, a > 0)
t(lambda: s3.sum().backward())
print(a.grad)
