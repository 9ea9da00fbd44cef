import torch
# acosh_ on a view: PyTorch's CopySlices runs AcoshBackward1 (no derivative in 1.13) inside its
# own function, so every backward raises NotImplementedError there, before CopySlices is freed.
x = torch.tensor([2.0, 3.0], requires_grad=True)
y = (x * 1)[0:1]
y.acosh_()
for i in range(2):
    try:
        y.sum().backward()
    except Exception as e:
        print(type(e).__name__, e)
e = torch.zeros(1, 0, requires_grad=True)
v = e[0:0].xlogy(2.5)[0:0]
v.asinh_()
for i in range(2):
    try:
        v.sum().backward()
    except Exception as e:
        print(type(e).__name__, e)
