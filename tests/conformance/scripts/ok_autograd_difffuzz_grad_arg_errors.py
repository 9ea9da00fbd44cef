import torch
# torch.autograd.grad / backward check their arguments in Python first (_make_grads over
# zip(outputs, grads)), so a non-tensor output is an AttributeError, a bad gradient a TypeError.
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
s = y.sum()
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: torch.autograd.grad([s, (1, 2)], [x]))
t(lambda: torch.autograd.grad([s, None], [x]))
t(lambda: torch.autograd.grad([y, 3], [x], retain_graph=True))
t(lambda: torch.autograd.grad([s], [x, 5], retain_graph=True))
t(lambda: torch.autograd.grad([s, s], [x], [torch.tensor(1.0)], retain_graph=True))
t(lambda: torch.autograd.grad([s], [x], [3], retain_graph=True))
t(lambda: torch.autograd.grad([s], [x], [torch.tensor(1.0), 3], retain_graph=True))
t(lambda: torch.autograd.grad(s, x, torch.tensor([1.0, 2.0]), retain_graph=True))
t(lambda: torch.autograd.grad(s, 5, retain_graph=True))
t(lambda: torch.autograd.grad([s], [], retain_graph=True))
t(lambda: torch.autograd.backward([y, 3]))
t(lambda: torch.autograd.backward([s, True], [None, None], retain_graph=True))
t(lambda: torch.autograd.backward([s], [None, 2], retain_graph=True))
print(x.grad)
