# check-stdout
# PyTorch functions pasted code uses: atan2, hypot, xlogy, exp2, sgn, nansum, true_divide, rsub,
# ravel, broadcast_to, Tensor.unfold: values (incl. nan/inf/±0), grads, dtypes and grad_fn names.
import torch
nan, inf = float('nan'), float('inf')


def show(name, y, *leaves):
    print(name, y.dtype, tuple(y.shape), y.tolist(), type(y.grad_fn).__name__)
    y.sum().backward()
    for x in leaves:
        print('  grad', x.grad.clone().tolist())  # clone: sgn's grad is a ZeroTensor
        x.grad = None


a = torch.tensor([1., 0., -0., 2., nan, inf, -3., 0.5], requires_grad=True)
b = torch.tensor([0., 0., -1., nan, 1., inf, -inf, 2.], requires_grad=True)
show('atan2', torch.atan2(a, b), a, b)
show('atan2m', a.atan2(b), a, b)
show('hypot', torch.hypot(a, b), a, b)
show('hypotm', a.hypot(b), a, b)
show('xlogy', torch.xlogy(a, b), a, b)
show('xlogy_self', torch.xlogy(2, b), b)
show('xlogy_other', torch.xlogy(a, 3), a)
show('xlogy_other_neg', torch.xlogy(a, -2.), a)
c = torch.tensor([0., 0., 0., 1.], requires_grad=True)
show('xlogy_zero', torch.xlogy(c, torch.tensor([3., 0., -1., 0.])), c)
show('xlogy_m', a.xlogy(b), a, b)
print(torch.xlogy(torch.tensor([0., 0., 0., 1.]), torch.tensor([nan, 0., -1., -1.])).tolist())
show('exp2', torch.exp2(a), a)
show('sgn', torch.sgn(a), a)
show('sgnm', a.sgn(), a)
show('nansum', torch.nansum(a), a)
m = torch.tensor([[1., nan, 2.], [nan, nan, 3.]], requires_grad=True)
show('nansum_dim', torch.nansum(m, 1), m)
show('nansum_keep', m.nansum(dim=(0, 1), keepdim=True), m)
show('nansum_0', torch.nansum(m, dim=0, dtype=torch.float64), m)
show('true_divide', torch.true_divide(a, b), a, b)
show('true_divide_m', a.true_divide(2), a)
show('rsub', torch.rsub(a, b, alpha=2), a, b)
show('rsub_scalar', torch.rsub(a, 2.), a)
show('rsub_scalar_alpha', torch.rsub(a, 1.5, 0.5), a)

# dtypes: integer / bool inputs promote to float where PyTorch does
i = torch.tensor([1, 2, 3])
j = torch.tensor([2, 0, 1])
print(torch.atan2(i, j), torch.xlogy(i, j), torch.true_divide(i, j), torch.exp2(i))
print(torch.exp2(torch.tensor([1, 2], dtype=torch.int32)).dtype, torch.atan2(torch.tensor([True]), torch.tensor([True])))
print(torch.sgn(i - 2), torch.sgn(torch.tensor([True, False])), torch.nansum(i), torch.nansum(i, dtype=torch.float64))
print(torch.nansum(torch.tensor(nan)), torch.hypot(torch.tensor([3]), torch.tensor([4.])))
print(torch.hypot(torch.tensor([3.]), torch.tensor([4.], dtype=torch.float64)).dtype)
print(torch.atan2(torch.tensor([1.]), torch.tensor(2., dtype=torch.float64)).dtype)
print(torch.xlogy(2, torch.tensor([1., 2.])), torch.xlogy(torch.tensor([1., 2.]), 3), torch.xlogy(torch.tensor([0, 1]), 2))
print(torch.rsub(i, 3, alpha=2), torch.rsub(torch.tensor([1., 2.]), torch.tensor([3., 3.]), alpha=0.5))
for f in [lambda: torch.rsub(torch.tensor([1.]), False), lambda: torch.nansum(torch.tensor([1.]), dtype=torch.int64),
          lambda: torch.hypot(i, j)]:
    try:
        f()
    except RuntimeError as e:
        print('RuntimeError', e)
try:
    torch.hypot(i, j)
except RuntimeError as e:
    print('RuntimeError', e)

# in-place twins
x = torch.tensor([1., 2., 3.])
x.atan2_(torch.tensor([1., -1., 0.])); print(x.tolist())
x = torch.tensor([3., 5.]); x.hypot_(torch.tensor([4., 12.])); print(x.tolist())
x = torch.tensor([0., 2.]); x.xlogy_(torch.tensor([nan, 4.])); print(x.tolist())
x = torch.tensor([0., 2.]); torch.xlogy_(x, 3); print(x.tolist())
x = torch.tensor([1., -2.]); x.exp2_(); torch.exp2_(x); print(x.tolist())
x = torch.tensor([-0.5, 0., 3.]); x.sgn_(); print(x.tolist())
x = torch.tensor([1., 3.]); x.true_divide_(2); print(x.tolist())

# ravel / broadcast_to / Tensor.unfold (views: writes reach the base)
z = torch.zeros(2, 3)
z.ravel().add_(1); z.unfold(1, 1, 2).mul_(3); z.t().ravel().add_(5); z.broadcast_to(2, 2, 3)
print(z.tolist())
w = torch.arange(6.).reshape(2, 3).requires_grad_()
r = w.ravel()
print(r.tolist(), type(r.grad_fn).__name__)
rt = torch.ravel(w.t())
print(rt.tolist(), type(rt.grad_fn).__name__)
(r * torch.arange(6.)).sum().backward(); print(w.grad.tolist()); w.grad = None
(rt * torch.arange(6.)).sum().backward(); print(w.grad.tolist()); w.grad = None
v = torch.tensor([1., 2., 3.], requires_grad=True)
bt = v.broadcast_to((2, 3))
print(bt.tolist(), type(bt.grad_fn).__name__, torch.broadcast_to(v, (1, 2, 3)).shape)
(bt * torch.tensor([[1.], [2.]])).sum().backward(); print(v.grad.tolist()); v.grad = None
print(torch.broadcast_to(torch.tensor([1, 2]), (2, 2)))
try:
    torch.broadcast_to(torch.tensor([1, 2]), (3,))
except RuntimeError:
    print('RuntimeError')
u = w.unfold(1, 2, 1)
print(u.shape, u.tolist(), type(u.grad_fn).__name__)
(u * torch.arange(8.).reshape(2, 2, 2)).sum().backward(); print(w.grad.tolist()); w.grad = None
u2 = torch.arange(10.).unfold(0, 3, 2)
print(u2.tolist(), w.unfold(0, 1, 1).shape, w.unfold(1, 0, 1).shape, torch.tensor(5.).unfold(0, 1, 1).tolist())
print(torch.nn.functional.unfold(torch.arange(16.).reshape(1, 1, 4, 4), 2).shape)
for args in [(1, 4, 1), (1, 2, 0), (1, 2, -1)]:
    try:
        w.unfold(*args)
    except RuntimeError as e:
        print('RuntimeError', e)
try:
    w.unfold(2, 1, 1)
except IndexError as e:
    print('IndexError', e)
