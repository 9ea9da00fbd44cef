# autograd.grad runs each backward formula only for the inputs that lead to a requested tensor
# (PyTorch's task_should_compute_output): addcdiv's tensor1 formula, which fails for a bool
# tensor2, is skipped when only self's gradient is asked for.
import torch
x = torch.tensor(2.1, requires_grad=True)
t1 = torch.tensor(0.18, requires_grad=True)
y = torch.addcdiv(x, t1, torch.tensor(False))
print(torch.autograd.grad(y.sum(), [x], retain_graph=True))
try:
    torch.autograd.grad(y.sum(), [t1], retain_graph=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    y.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
print(x.grad, t1.grad)
# the same through an intermediate node
z = (y * 2).exp()
print(torch.autograd.grad(z, [x]))
