# PyTorch's GatherBackward0 saves self: an in-place change of gather's input (through a detached
# alias too, also of an empty tensor) fails its backward
import torch
def t(name, f):
    try: print(name, f())
    except Exception as e: print(name, type(e).__name__, str(e).split('\n')[0][:100])
def b():
    v1 = torch.ones(2, 2, requires_grad=True)
    v2 = v1.gather(0, torch.tensor([[0, 1]]))
    v1.detach().mul_(2)
    v2.sum().backward(); return v1.grad
def c():
    v0 = torch.tensor(0.510, dtype=torch.float32, requires_grad=True)
    v1 = torch.zeros(1, 0, dtype=torch.float32, requires_grad=True)
    v2 = v1.gather(-2, torch.tensor([], dtype=torch.int64))
    v4 = torch.detach(v1[:-1])
    v4 *= v2
    v5 = v2.fmod_(v0)
    try: v5.pow(2).sum().backward()
    except Exception as e: print(type(e).__name__, str(e).split('\n')[0][:100])
    return v0.grad, v1.grad
def d():
    v1 = torch.ones(3, requires_grad=True)
    v2 = torch.gather(v1, -1, torch.tensor([], dtype=torch.int64))
    v1.detach().add_(1)
    v2.sum().backward(); return v1.grad
def e():
    x = torch.tensor([3.0, 1.0, 2.0], requires_grad=True)
    y = x * 1
    s, i = torch.sort(y)
    v, j = torch.topk(y, 2)
    y.add_(1)
    (s.sum() + v.sum()).backward(); return x.grad
def f():
    x = torch.tensor([[3.0, 1.0], [2.0, 5.0]], requires_grad=True)
    g = x.gather(1, torch.tensor([[1, 1], [0, 1]]))
    g.pow(2).sum().backward(); return x.grad
for n, fn in [('b', b), ('c', c), ('d', d), ('e', e), ('f', f)]: t(n, fn)
