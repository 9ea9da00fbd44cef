# check-stdout
import torch
# floor_divide has no derivative in PyTorch 1.13: its autograd fallback records a NotImplemented
# node whose edges are those of the inputs that require grad only. Written into a view that needs
# no grad (floor_divide_), CopySlices takes that node's edges but the first (the view's own), so
# the divisor's edge is lost: grad() finds the divisor unused, backward() still calls the node
# and fails with the in-place op's name; a failed backward frees nothing.
def t(f):
    try:
        print(f())
    except RuntimeError as e:
        print("RuntimeError:", e)
v0 = torch.tensor(1.5, requires_grad=True)
x = torch.tensor([2.0, 3.0], requires_grad=True)
print(len(torch.floor_divide(x, v0).grad_fn.next_functions), len(torch.floor_divide(x, 2.0).grad_fn.next_functions),
      len(torch.floor_divide(x.detach(), v0).grad_fn.next_functions))
t(lambda: torch.autograd.grad(torch.floor_divide(x.detach(), v0).sum(), [v0]))
b = torch.tensor([2.0, 3.0])
w = b[:1]
w.floor_divide_(v0)
print(b.requires_grad, w.requires_grad, w.grad_fn.name())
t(lambda: torch.autograd.grad(w.sum(), [v0], allow_unused=True))
t(lambda: torch.autograd.grad(b.sum(), [v0], allow_unused=True))
t(lambda: b.sum().backward())
t(lambda: b.sum().backward())
b = torch.tensor([2.0, 3.0])
w = b[:1]
w //= v0
t(lambda: torch.autograd.grad(w.sum(), [v0], allow_unused=True))
# the view requires grad: the divisor's edge stays
y = x * 1
w = y[:1]
w.floor_divide_(v0)
t(lambda: torch.autograd.grad(w.sum(), [v0], allow_unused=True))
t(lambda: torch.autograd.grad(w.sum(), [x], allow_unused=True))
c = torch.tensor([2.0, 3.0])
c.floor_divide_(v0)
t(lambda: c.sum().backward())
# the fuzzer's program: a gradient made under no_grad, divided in place by a leaf
v0 = torch.tensor(1.5, dtype=torch.float32, requires_grad=True)
v2 = torch.autograd.grad(v0.sum(), [v0], create_graph=True)[0]
v3 = v2.floor_divide_(v0)
v4 = v2 * v3
print(v4.grad_fn.name(), v3.grad_fn.name())
print(torch.autograd.grad(v4.sum(), [v0], retain_graph=False, allow_unused=True))
