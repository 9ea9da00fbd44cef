# Containers compare their elements as PyObject_RichCompareBool: the same object is equal without
# calling __eq__ (a tensor of several elements in a tuple equals itself), in ==, index, count, remove.
# difffuzz 1412#3357, 1415#2648, 1416#3129 (v3 = x.chunk(1); v3 == v3).
import torch
t = torch.tensor([1., 2.])
a = t.chunk(1)
print(a == a, (t,) == (t,), [t, 1] == [t, 1], {'k': t} == {'k': t})
l = [t, torch.ones(2)]
print(l.index(t), (t,).index(t), (t, t).count(t))
l.remove(t); print(len(l))
try: print((t,) == (t.clone(),))
except Exception as e: print(type(e).__name__, e)
try: print([torch.zeros(2)].index(t))
except Exception as e: print(type(e).__name__, e)
x = float('nan'); print([x] == [float('nan')])
