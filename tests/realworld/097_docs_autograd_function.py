# source: https://pytorch.org/docs/1.13/autograd.html#function
# (interactive doc example: each value the >>> prompt displays is printed)
import torch
from torch.autograd import Function

class Exp(Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        result, = ctx.saved_tensors
        return grad_output * result

# Use it by calling the apply method:
input = torch.randn(3, requires_grad=True)
output = Exp.apply(input)
print(output)
output.sum().backward()
print(input.grad)
print(torch.allclose(input.grad, input.exp()))
