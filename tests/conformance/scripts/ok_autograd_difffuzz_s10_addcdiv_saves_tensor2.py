import torch
# addcdiv saves tensor2 whatever requires grad (tensor1 only when tensor2 does): an in-place
# change of tensor2 fails backward, of tensor1 not when tensor2 needs no gradient.
for rx, r1, r2 in [(True, False, False), (True, True, False), (False, True, True), (False, False, True)]:
    for mod in (1, 2):
        x = torch.ones(3, requires_grad=rx) * 1
        a = torch.full((3,), 2.0, requires_grad=r1) * 1
        b = torch.full((3,), 3.0, requires_grad=r2) * 1
        y = x.addcdiv(a, b, value=0.5)
        (a if mod == 1 else b).add_(1)
        try:
            y.sum().backward()
            print(rx, r1, r2, mod, "ok")
        except RuntimeError as e:
            print(rx, r1, r2, mod, str(e)[:100])
# y.addcdiv_(a, y): tensor2 is y itself, saved before the write (not as original_self)
v0 = torch.tensor([[-1.3, -2.13], [2.78, 0.8]], requires_grad=True)
for other in ("t1", "t2"):
    v4 = torch.neg(v0)
    if other == "t2":
        v4.addcdiv_(v0, v4)
    else:
        v4.addcdiv_(v4, v0 + 1)
    try:
        print(torch.autograd.grad(v4.sum(), [v0])[0])
    except RuntimeError as e:
        print(other, str(e)[:160])
# an out-of-place y.addcdiv(a, y) and y.addcdiv_(a, b) keep working
y = torch.neg(v0)
print(torch.autograd.grad(y.addcdiv(v0, y).sum(), [v0])[0])
y = torch.neg(v0)
y.addcdiv_(v0, v0 + 3)
print(torch.autograd.grad(y.sum(), [v0])[0])
