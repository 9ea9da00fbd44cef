# Differential-fuzzer find: PyTorch 1.13's sgn backward of a real tensor returns an "efficient
# zero" (at::_efficientzerotensor) that stays one through mul and div (0 * NaN is 0), is dropped
# by add and sub (-0.0 survives), and is plain zeros for every other op.
import torch


# (in a function: an efficient zero has no storage for the golden recorder to read)
def main():
    v0 = torch.tensor([0.010, -1.96, -2.65], dtype=torch.float64, requires_grad=True)
    v1 = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    torch.sgn(v0.pow(v1)).prod().backward()
    print(v0.grad, v1.grad)  # 0 * log(-1.96) is no NaN here
    a = torch.tensor([float('inf'), -1.51, -2.5, -0.5, 0.17], dtype=torch.float64, requires_grad=True)
    torch.sgn(torch.xlogy(a, a)).pow(2).sum().backward()
    print(a.grad)
    # add: the other gradient unchanged (its -0.0 too); neg: plain zeros negated
    b = torch.tensor([-0.0, 2.0, float('nan')], requires_grad=True)
    (b.sgn() + b * -0.0).sum().backward()
    print(b.grad, 1 / b.grad)
    b.grad = None
    ((-b).sgn() * float('nan')).sum().backward()
    print(b.grad, 1 / b.grad)
    b.grad = None
    (b.sgn() / 0.0).sum().backward()
    print(b.grad)
    c = torch.tensor([[1.0, -2.0], [0.5, 4.0]], requires_grad=True)
    (c.sgn() * c.exp()).sum().backward()
    print(c.grad)
    # a view of the zero, broadcasting, a second backward adding into a plain .grad
    d = torch.tensor([1.5, -0.0], requires_grad=True)
    (d.view(2, 1).sgn() * torch.tensor([float('inf'), 1.0])).sum().backward()
    print(d.grad)
    d.grad = torch.tensor([-0.0, float('nan')])
    d.sgn().sum().backward()
    print(d.grad, 1 / d.grad)
    # torch.autograd.grad: the zero itself, through mul
    g, = torch.autograd.grad((d * 3).sgn().sum(), d)
    print(g, g * float('nan'), g + 1, g / g, -g)


main()
