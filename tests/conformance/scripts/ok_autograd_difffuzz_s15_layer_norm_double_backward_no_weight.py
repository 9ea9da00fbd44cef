# check-stdout
import torch
import torch.nn.functional as F
torch.manual_seed(0)
# layer_norm without a weight: a double backward that sends gradients into both grad_x and
# grad_b fails in PyTorch's layer_norm_double_backward (ggB_expanded is undefined)
def run(gpow, wrt, outs):
    x = torch.randn(2, 3, requires_grad=True)
    b = torch.randn(3, requires_grad=True)
    y = F.layer_norm(x, (3,), None, b)
    gx, gb = torch.autograd.grad(y.pow(2).sum() if gpow else y.sum(), (x, b), create_graph=True)
    o = {'x': gx.sum(), 'b': gb.sum(), 'xb': gx.sum() + gb.sum()}[outs]
    try:
        r = torch.autograd.grad(o, wrt(x, b), allow_unused=True)
        print(gpow, outs, [None if t is None else tuple(t.shape) for t in r])
    except Exception as e: print(gpow, outs, type(e).__name__, str(e)[:60])
for gpow in [True, False]:
    for outs in ['x', 'b', 'xb']:
        for wrt in [lambda x, b: (x, b), lambda x, b: (x,), lambda x, b: (b,)]:
            run(gpow, wrt, outs)
x = torch.randn(2, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
y = F.layer_norm(x, (3,), None, b)
gx, gb = torch.autograd.grad(y.pow(2).sum(), (x, b), create_graph=True)
try: (gx.sum() + gb.sum()).backward()
except Exception as e: print(type(e).__name__, str(e)[:60])
gx.sum().backward(retain_graph=True)
print(x.grad is not None, b.grad is not None)
