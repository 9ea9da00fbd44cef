# Differential-fuzzer finds: asinh_, acosh_ and atanh_ have no derivative in PyTorch 1.13 (a node
# AsinhBackward1 ... whose backward raises NotImplementedError; it saves nothing, so a later
# in-place change is no version error); their out-of-place forms and the other in-place unary
# ops differentiate.  # check-stdout
import torch
x = torch.tensor([0.3, 0.5], requires_grad=True)
for k in range(3):
    y = x * 1
    if k == 0:
        torch.asinh_(y)
    if k == 1:
        y.acosh_()
    if k == 2:
        torch.atanh_(y)
    print(type(y.grad_fn).__name__, y.requires_grad, y.is_leaf)
    y.mul_(2)
    try:
        y.sum().backward()
        print("ok")
    except Exception as e:
        print(type(e).__name__, str(e))
b = torch.tensor([0.1, 0.2, 0.3], requires_grad=True)
v = b * 1
v[1:].atanh_()
try:
    torch.autograd.grad(v.sum(), [b])
except Exception as e:
    print(type(e).__name__, str(e))
a = torch.tensor([0.1, 0.2], requires_grad=True)
z = a.atanh()
z.sum().backward()
