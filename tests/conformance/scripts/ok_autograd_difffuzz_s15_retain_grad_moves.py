# PyTorch 1.13 keeps a retain_grad() hook in the tensor's hooks list: a write through a view of the
# tensor (CopySlices on it) leaves the list on the tensor's previous node, the tensor's next
# in-place op moves the hook from there (so it runs once, on the newest node), and the in-place
# view ops (t_, transpose_, squeeze_, unsqueeze_: set_history) leave it where it was.
import torch
# the hook stays on the base's node after a write through a view, then moves with the next in-place op
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a = x * 2
a.retain_grad()
a[0] = 5.0
b = a.mul_(3)
(b * b).sum().backward()
print(a.grad, x.grad)

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a = x * 2
a.retain_grad()
a[1:].mul_(2)
a.exp_()
a.sum().backward()
print(a.grad, x.grad)

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a = x * 2
a.retain_grad()
a[1:].mul_(2)
a.sum().backward()
print(a.grad, x.grad)

x = torch.tensor([[1.0, 2.0], [3.0, 0.5]], requires_grad=True)
a = x * 2
a.retain_grad()
a[0] = 1.0
a.squeeze_(0)
a.t_()
(a * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
print(a.grad, x.grad)

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a = x * 2
a.retain_grad()
a[0] = 5.0
a.retain_grad()
a.sin_()
a.sum().backward()
print(a.grad, x.grad)
W = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
x = torch.tensor([[1.0, 2.0], [3.0, 0.5]], requires_grad=True)
a = x * 2
a.retain_grad()
a.t_()
print(a.grad_fn)
(a * W).sum().backward()
print(a.grad)
x = torch.tensor([[1.0, 2.0], [3.0, 0.5]], requires_grad=True)
a = x * 2
a.retain_grad()
a.t_()
a.mul_(1)
(a * W).sum().backward()
print(a.grad)
x = torch.tensor([[1.0, 2.0], [3.0, 0.5]], requires_grad=True)
a = x * 2
a.retain_grad()
a[0] = 1.0
a.t_()
a.mul_(1)
(a * W).sum().backward()
print(a.grad)
ops = [("t_", lambda a: a.t_()), ("transpose_", lambda a: a.transpose_(0, 1)), ("squeeze_", lambda a: a.squeeze_()),
       ("squeeze_0", lambda a: a.squeeze_(0)), ("unsqueeze_", lambda a: a.unsqueeze_(0)),
       ("swapdims_", lambda a: a.swapdims_(0, 1))]
for name, op in ops:
    x = torch.tensor([[1.0, 2.0], [3.0, 0.5]], requires_grad=True)
    a = x * 2
    a.retain_grad()
    try:
        op(a)
    except Exception as e:
        print(name, "ERR", e); continue
    W = torch.arange(a.numel(), dtype=torch.float32).reshape(a.shape) + 1
    (a * W).sum().backward()
    print(name, a.grad_fn.name(), a.grad.shape, a.grad.flatten().tolist())
# (difffuzz 1336#5705) the hook runs once, before the failing node
v2 = torch.tensor([1.570, 0.7], requires_grad=True)
v3 = v2 / True
v3.retain_grad()
v6 = v3.expm1_()
v6[0] = torch.tensor(1.0, dtype=torch.float64)
v8 = v6.expm1_()
try:
    torch.autograd.grad(v3.sum(), [v2], create_graph=True, allow_unused=True)
except RuntimeError as e:
    print(str(e)[:60])
print(v3.grad, v2.grad)
