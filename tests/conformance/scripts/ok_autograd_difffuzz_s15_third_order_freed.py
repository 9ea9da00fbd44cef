# Third-order gradients after retain_graph=False: formulas that multiply by a number (log10: grad / (self * 2.30...))
# keep the number in a MulBackward1, not a saved tensor, so the freed graph is not needed again.
import torch
x = torch.tensor([0.870], requires_grad=True)
names = ['log10', 'log2', 'log', 'log1p', 'sqrt', 'rsqrt', 'exp2', 'erf', 'erfc', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'sigmoid', 'reciprocal', 'tan', 'asinh', 'acosh', 'atanh', 'expm1', 'exp', 'sin', 'cos', 'abs', 'square']
for n in names:
    y = getattr(torch, n)(x)
    g = torch.autograd.grad(y.sum(), [x], create_graph=True, retain_graph=False)[0]
    try:
        g2 = torch.autograd.grad(g.sum(), [x], create_graph=True, retain_graph=False)[0]
        g3 = torch.autograd.grad(g2.sum(), [x], create_graph=True)[0]
        print(n, g.grad_fn.name(), g2.grad_fn.name(), g3.grad_fn.name(), g3)
    except Exception as e:
        print(n, 'ERR', str(e)[:60])
