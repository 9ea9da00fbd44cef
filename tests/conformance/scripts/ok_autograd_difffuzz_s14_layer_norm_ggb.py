# layer_norm under create_graph: the bias gradient's own gradient (PyTorch's
# layer_norm_double_backward ggB) reaches grad_output only with a weight, and never x or the weight
# (None, not zeros), though the bias gradient requires grad (NativeLayerNormBackwardBackward0).
import torch
import torch.nn.functional as F

for affine in (False, True):
    x = torch.tensor([[0.5, 1.0, 3.0], [2.0, -1.0, 0.25]], requires_grad=True)
    w = torch.tensor([2.0, 1.0, 0.5], requires_grad=True)
    b = torch.tensor([2.0, 1.5, 0.5], requires_grad=True)
    y = F.layer_norm(x, [3], weight=w if affine else None, bias=b)
    gx, gb = torch.autograd.grad((y * torch.tensor([1.0, 2.0, 3.0])).sum(), [x, b], create_graph=True)
    print(affine, gb, gb.requires_grad, type(gb.grad_fn).__name__)
    (gb * torch.tensor([1.0, 5.0, 3.0])).sum().backward(retain_graph=True)
    print(x.grad, w.grad, b.grad)
    gx.sum().backward()
    print(x.grad is None, w.grad is None)

# grad_output that requires grad: ggB reaches it only with a weight
for affine in (False, True):
    x = torch.tensor([[0.5, 1.0, 3.0]], requires_grad=True)
    w = torch.tensor([2.0, 1.0, 0.5])
    b = torch.tensor([2.0, 1.5, 0.5], requires_grad=True)
    y = F.layer_norm(x, [3], weight=w if affine else None, bias=b)
    go = torch.tensor([[1.0, 2.0, 3.0]], requires_grad=True)
    gb, = torch.autograd.grad(y, [b], go, create_graph=True)
    r = torch.autograd.grad(gb.sum(), [go, x], allow_unused=True)
    print(affine, r)
