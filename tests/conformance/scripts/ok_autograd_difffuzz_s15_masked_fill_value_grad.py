# masked_fill with a 0-d tensor value: the value's gradient is PyTorch's masked_fill_backward,
# grad.masked_select(mask).sum(): under create_graph a SumBackward0 node (then MaskedSelectBackward0),
# whatever the shapes (a 0-d self too); the sum of the selected elements only.
import torch
def nm(t):
    return None if t is None else (t.grad_fn.name() if t.grad_fn else None, t.requires_grad)
v0 = torch.tensor(1.9, requires_grad=True)
v1 = torch.tensor(-0.75, requires_grad=True)
v3 = v1.masked_fill(v1 > 0, v0)
v4 = torch.fmod(v3, False)
v5 = v4.reciprocal_()
v7 = torch.autograd.grad(v4.sum(), [v0], create_graph=True, retain_graph=True)[0]
print(v7, nm(v7))
for xs, ms in (((3, 4), (3, 4)), ((3, 4), (4,)), ((4,), (3, 4)), ((), (2, 2)), ((2, 3), ())):
    x = torch.linspace(-1, 1, max(1, int(torch.tensor(xs).prod()))).reshape(xs).requires_grad_(True)
    mask = (torch.arange(int(torch.tensor(ms).prod())) % 3 == 1).reshape(ms)
    for val in (torch.tensor(2.5, requires_grad=True), torch.tensor(2.5, dtype=torch.float64, requires_grad=True)):
        y = x.masked_fill(mask, val)
        w = torch.arange(y.numel(), dtype=y.dtype).reshape(y.shape) - 0.5
        gx, gv = torch.autograd.grad((y * y * w).sum(), [x, val], create_graph=True)
        print(y.grad_fn.name(), gx, nm(gx), gv, nm(gv))
        h, = torch.autograd.grad(gv, [val], allow_unused=True)
        print(h)
        y = x.masked_fill(mask, val)
        gw = torch.ones(y.shape, requires_grad=True)
        gv2, = torch.autograd.grad(y, [val], gw, create_graph=True)
        hw, = torch.autograd.grad(gv2, [gw])
        print(gv2, nm(gv2), hw)
# nothing selected, -0.0 gradients
v = torch.tensor(1.0, requires_grad=True)
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.masked_fill(torch.tensor([False, False]), v)
y.sum().backward()
print(v.grad)
v = torch.tensor(1.0, requires_grad=True)
y = x.masked_fill(torch.tensor([True, False]), v)
y.backward(torch.tensor([-0.0, 3.0]))
print(v.grad)
# a mask masked_select refuses
v = torch.tensor(1.0, requires_grad=True)
y = x.masked_fill(torch.tensor([1, 0]), v)
try:
    y.sum().backward()
except RuntimeError as e:
    print('RuntimeError', e)
