# check-stdout
# masked_fill / masked_fill_ save the mask they were given (PyTorch), also a float mask that is converted: a later in-place
# change of it (x.masked_fill_(x, v), then x.mul_(2)) fails backward (seed 1308 #1008)
import torch
a = torch.tensor([1.5, 2.0], requires_grad=True)
x = a * 1.0
x.mul_(x)
try:
    x.sum().backward(); print("ok", a.grad)
except Exception as e:
    print(type(e).__name__, str(e)[:80])
y = a * 1.0
y.masked_fill_(y > 1.7, 3.0)
y.sum().backward(); print(a.grad)
z = a * 1.0
z.masked_fill_(z, 3.0)
try:
    z.sum().backward(); print("ok", a.grad)
except Exception as e:
    print(type(e).__name__, str(e)[:80])
v2 = torch.tensor(1.5, requires_grad=True)
v3 = v2 * 1.0
v3.masked_fill_(v3, True)
v3.mul_(2)
try:
    torch.autograd.grad(v3.sum(), [v2])
    print("ok")
except Exception as e:
    print(type(e).__name__, str(e)[:80])
w3 = v2 * 1.0
w4 = w3.masked_fill(w3, 3.0)
w3.mul_(2)
try:
    torch.autograd.grad(w4.sum(), [v2])
    print("ok")
except Exception as e:
    print(type(e).__name__, str(e)[:80])
