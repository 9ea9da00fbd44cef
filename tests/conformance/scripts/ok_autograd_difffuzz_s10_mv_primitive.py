# matmul of a matrix and a vector is mv (MvBackward0); its gradients are PyTorch's formulas, so
# under create_graph they record MulBackward0 (grad.ger(vec)) and MvBackward0 (self.t().mv(grad)).
import torch
a = torch.tensor([[-1.2, -2.76], [-1.62, 2.52], [0.5, 1.0]], requires_grad=True)
v = torch.tensor([0.04, -1.3], requires_grad=True)
for y in [torch.matmul(a, v), torch.mv(a, v), a @ v]:
    print(type(y.grad_fn).__name__)
    ga, gv = torch.autograd.grad((y * y).sum(), [a, v], create_graph=True)
    print(ga, type(ga.grad_fn).__name__, gv, type(gv.grad_fn).__name__)
    (ga.sum() + (gv * gv).sum()).backward()
    print(a.grad, v.grad)
    a.grad = None
    v.grad = None
b = torch.arange(12.0).view(2, 3, 2).requires_grad_()
y = torch.matmul(b, v)
gv = torch.autograd.grad(y.sum(), [v], create_graph=True)[0]
print(y, type(y.grad_fn).__name__, gv, type(gv.grad_fn).__name__)
e = torch.matmul(torch.zeros(3, 0, dtype=torch.float64), torch.zeros(0))
print(e, e.dtype)
# mv saves only what a needed gradient uses: the vector changed in place after is fine
l = torch.tensor([1.0, 2.0], requires_grad=True)
w = l * 1
y2 = torch.mv(torch.ones(3, 2), w)
w.add_(1)
y2.sum().backward()
print(l.grad)
