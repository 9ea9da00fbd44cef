import torch
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a.exp()
    @staticmethod
    def backward(ctx, g):
        return g
x = torch.tensor([0.5, 1.0], dtype=torch.double, requires_grad=True)
torch.autograd.gradcheck(Bad.apply, (x,))  # expect-error
