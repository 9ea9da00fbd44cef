# check-stdout
# torch.autograd.gradcheck / gradgradcheck: True for correct gradients in float64; a wrong
# backward raises GradcheckError (a RuntimeError) or returns False with raise_exception=False.
import torch
from torch.autograd import gradcheck, gradgradcheck
from torch.autograd.gradcheck import GradcheckError
torch.manual_seed(0)
x = torch.randn(3, 2, dtype=torch.double, requires_grad=True)
w = torch.randn(2, 4, dtype=torch.double, requires_grad=True)
print(gradcheck(lambda a, b: (a.mm(b)).tanh(), (x, w)))
print(gradcheck(torch.sin, (x,), eps=1e-6, atol=1e-4))
print(gradgradcheck(lambda a: a.pow(3).sum(dim=1), (x,)))
print(torch.autograd.gradcheck(lambda a: (a * 2, a.exp()), x))

class BadSquare(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a * a
    @staticmethod
    def backward(ctx, g):
        a, = ctx.saved_tensors
        return g * a  # should be 2 * a

y = torch.tensor([1.0, 2.0], dtype=torch.double, requires_grad=True)
print(gradcheck(BadSquare.apply, (y,), raise_exception=False))
try:
    gradcheck(BadSquare.apply, (y,))
except GradcheckError as e:
    print(isinstance(e, RuntimeError), str(e).split("\n")[0])
try:
    gradcheck(BadSquare.apply, (y,))
except RuntimeError as e:
    print(type(e).__name__)
print(torch.randn(2))
