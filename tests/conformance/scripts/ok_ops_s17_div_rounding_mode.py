# torch.div / Tensor.div / div_ with rounding_mode= (None, 'trunc', 'floor'): values, integer division,
# dtypes, errors, DivBackward2 with zero gradients for a rounding mode.
import torch
a = torch.tensor([5., -3., 0.5, float('inf')], requires_grad=True)
y = torch.div(a, 2, rounding_mode='floor'); print(y, y.grad_fn.name())
z = torch.div(a, torch.tensor(-2.), rounding_mode='trunc'); print(z, z.grad_fn.name())
(y.sum() + z.sum()).backward(); print(a.grad)
print(torch.floor_divide(a, 2).grad_fn.name())
i = torch.tensor([5, -3, 7]); print(torch.div(i, 2, rounding_mode='floor'), torch.div(i, 2, rounding_mode='trunc'), torch.div(i, 2, rounding_mode=None), i.div(2.5, rounding_mode='floor'))
try: torch.div(i, 0, rounding_mode='floor')
except Exception as e: print(type(e).__name__, e)
try: torch.div(a, 2, rounding_mode='round')
except Exception as e: print(type(e).__name__, e)
b = a.detach().clone(); b.div_(2, rounding_mode='floor'); print(b)
try: print(torch.div(torch.tensor([True]), torch.tensor([True]), rounding_mode='trunc'))
except Exception as e: print(type(e).__name__, e)
try: print(torch.div(torch.tensor([True]), torch.tensor([True]), rounding_mode='floor'))
except Exception as e: print(type(e).__name__, e)
j = torch.tensor([-7, 7, -9, 9, 0, -2**62], dtype=torch.int64)
for m in ('trunc', 'floor', None):
    print(m, torch.div(j, 2, rounding_mode=m), torch.div(j, -4, rounding_mode=m), j.div(torch.tensor(3, dtype=torch.int32), rounding_mode=m), torch.div(j.to(torch.int16), torch.tensor([3, -3, 5, -5, 7, 1], dtype=torch.int8), rounding_mode=m))
f = torch.tensor([-7.5, 7.5, -0.25, 0.0, -0.0, float('inf'), float('nan'), 1e30], dtype=torch.float64)
for m in ('trunc', 'floor'):
    print(m, torch.div(f, 2, rounding_mode=m).tolist(), torch.div(f, -0.0, rounding_mode=m).tolist(), torch.div(7, f, rounding_mode=m).tolist() if False else '', f.float().div(3, rounding_mode=m).tolist())
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
w = torch.tensor([2., -3.], requires_grad=True)
y = torch.div(x.t(), w, rounding_mode='trunc'); print(y, y.stride())
(y.sum() * 2).backward(); print(x.grad, w.grad)
g, = torch.autograd.grad(torch.divide(x, w, rounding_mode=None).sum(), w, create_graph=True); print(g, g.grad_fn.name())
k = torch.tensor([5, -3]); k.div_(2, rounding_mode='trunc'); print(k)
try: k.div_(2.5)
except Exception as e: print(type(e).__name__, e)
try: torch.div(x, 2, rounding_mode=3)
except Exception as e: print(type(e).__name__)
# the result keeps a transposed input's layout (TensorIterator), integer division too
ji = torch.tensor([[7, -7, 9], [-9, 4, -5]]).t()
for m in ('trunc', 'floor', None):
    r = torch.div(ji, 2, rounding_mode=m)
    print(m, r.stride(), r.is_contiguous(), torch.div(ji.float(), torch.tensor([2., -3.]), rounding_mode=m).stride())
