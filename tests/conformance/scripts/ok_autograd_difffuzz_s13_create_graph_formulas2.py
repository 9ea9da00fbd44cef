# create_graph gradients of ops whose PyTorch backward op takes self (nll_loss_backward,
# max_pool2d_with_indices_backward: the gradient requires grad when x does); sigmoid/tanh second
# order with PyTorch's sigmoid_backward / tanh_backward formulas (-0.0); amax/amin of a 0-d x over
# dim 0 (summed back: SumBackward0); repeat's gradient sums over dims (SumBackward1).
import torch
import torch.nn.functional as F
def show(tag, t):
    print(tag, t, None if t is None else (t.grad_fn.name() if t.grad_fn else None, t.requires_grad))
v0 = torch.zeros(0, 4, requires_grad=True)
show('nll empty', torch.autograd.grad(F.nll_loss(v0, torch.tensor([], dtype=torch.int64)), [v0], create_graph=True)[0])
x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]], requires_grad=True)
t = torch.tensor([2, 0])
for red in ['mean', 'sum', 'none']:
    l = F.nll_loss(x, t, reduction=red)
    g = torch.autograd.grad(l.sum(), [x], create_graph=True)[0]
    show('nll ' + red, g)
    g.pow(2).sum().backward()
    print(x.grad)
    x.grad = None
go = torch.tensor(2.0, requires_grad=True)
show('nll go', torch.autograd.grad(F.nll_loss(x, t), [x], grad_outputs=[go * 1], create_graph=True)[0])
show('ce', torch.autograd.grad(F.cross_entropy(x, t), [x], create_graph=True)[0])
v2 = torch.tensor([[[1.0, 3.0, -2.0, 0.5], [0.0, 2.0, 2.0, -1.0]]], requires_grad=True)
v3 = torch.max_pool2d(v2, [1, 2])
v4 = torch.autograd.grad(v3.sum(), [v2], create_graph=True)[0]
show('max_pool2d', v4)
v4.sum().backward()
print(v2.grad)
for name in ['sigmoid', 'tanh']:
    v2 = torch.tensor([0.5, 100.0, -100.0, 20.0], requires_grad=True)
    v6 = torch.autograd.grad(getattr(v2, name)().sum(), [v2], create_graph=True)[0]
    show(name, v6)
    v6[1].pow(2).sum().backward()
    print(v2.grad)
    v2.grad = None
    w = torch.tensor([0.3, -2.0], requires_grad=True)
    g1 = torch.autograd.grad(getattr(w, name)(), [w], grad_outputs=[w * 3], create_graph=True)[0]
    show(name + ' go', g1)
    g2 = torch.autograd.grad(g1.sum(), [w], create_graph=True)[0]
    show(name + ' 2nd', g2)
    show(name + ' 3rd', torch.autograd.grad(g2.sum(), [w])[0])
x = torch.tensor(2.0, requires_grad=True)
for d in [0, -1, [0]]:
    for k in [False, True]:
        for f in ['amax', 'amin']:
            show(f + ' ' + str(d) + ' ' + str(k), torch.autograd.grad(getattr(x, f)(d, keepdim=k), [x], grad_outputs=[x * 1], create_graph=True)[0])
v0 = torch.tensor([[0.20, 2.0]], requires_grad=True)
for r in [(1, 1), (2, 1), (3, 1, 1), (3, 1, 2), (1, 2)]:
    v2 = v0.repeat(*r)
    show('repeat ' + str(r), torch.autograd.grad(v2, [v0], grad_outputs=[v2 * 1], create_graph=True)[0])
# composites for PyTorch's native activations: the first create_graph gradient is named after
# PyTorch's backward op (EluBackwardBackward0, ...; silu/mish: a product)
for fn in [F.elu, F.selu, F.celu, F.silu, F.mish, F.logsigmoid, F.hardswish]:
    x = torch.tensor([-4.0, -1.5, -0.2, 0.7, 3.5], requires_grad=True)
    g1 = torch.autograd.grad(fn(x).sum(), [x], create_graph=True)[0]
    print(g1.grad_fn.name(), g1)
    print(torch.autograd.grad(g1.sum(), [x], allow_unused=True)[0])
