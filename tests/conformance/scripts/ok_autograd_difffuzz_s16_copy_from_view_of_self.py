# x[None] = v / x.copy_(v) / x[...] = v where v is another view of x's memory: the write's node
# takes v's history from before the write, and v's history afterwards goes through the write
# (a grad() without retain_graph frees that CopySlices: a second backward through v fails)
import torch
def dump(fn, d=0):
    if fn is None or d > 6: return
    print('  ' * d + fn.name().replace('torch::autograd::', ''))
    for f, i in fn.next_functions: dump(f, d + 1)
def t(name, f):
    try: print(name, f())
    except Exception as e: print(name, type(e).__name__, str(e).split('\n')[0][:90])
for k in range(4):
    v0 = torch.tensor(2.5, requires_grad=True)
    v5 = torch.ceil(v0) if k % 2 == 0 else v0 * 2
    v6 = v5.view(())
    if k < 2: v5[None] = v6
    else: v5[...] = v6
    print(k); dump(v6.grad_fn)
for k in range(3):
    v0 = torch.tensor([2.5, 1.5, 3.0], requires_grad=True)
    v5 = v0 * 2
    v6 = v5.view(-1)
    if k == 0: v5.copy_(v6)
    elif k == 1: v5[...] = v6
    else: v5[0:1] = v6[2:3]
    print(k); dump(v6.grad_fn)
    v6.sum().backward()
    print(v0.grad)
def a():
    v0 = torch.tensor(2.540, dtype=torch.float64, requires_grad=True)
    v4 = torch.all(v0, 0)
    v5 = torch.ceil(v0)
    v6 = v5.reshape_as(v4)
    v5[None] = v6
    v7 = torch.autograd.grad(v6.sum(), [v0], create_graph=True, retain_graph=False)[0]
    print(v7)
    v6.div(v7).unsqueeze(-1).abs().sum().backward()
    return v0.grad
def b():
    v0 = torch.tensor([2.5, 1.0], requires_grad=True)
    v5 = v0 * 3
    v6 = v5[1:]
    v5[:1] = v6
    g = torch.autograd.grad(v6.sum(), [v0])[0]
    print(g)
    v6.sum().backward()
    return v0.grad
t('a', a)
t('b', b)
